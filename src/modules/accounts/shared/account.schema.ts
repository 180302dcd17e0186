import { z } from 'zod';
import { PageQuerySchema } from '@platform/http/schemas';
import { ROLE_CODES } from './roles';

const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_.-]{3,32}$/, '用户名为 3–32 位小写字母、数字、下划线、点或短横线')
  .meta({ title: '用户名' });
const displayName = z.string().trim().min(2, '姓名至少 2 个字').max(50, '姓名不能超过 50 个字').meta({ title: '姓名' });
const password = (title: string) => z.string().min(1, `请填写${title}`).max(128, `${title}不能超过 128 位`).meta({ title });

export const RoleCodeSchema = z.enum(ROLE_CODES, { message: '请选择有效的角色' }).meta({ title: '角色' });

export const LoginSchema = z.object({
  username: z.string().trim().toLowerCase().min(1, '请填写用户名').max(64).meta({ title: '用户名' }),
  password: password('密码'),
});

export const SetupSchema = z.object({
  federationName: z.string().trim().min(4, '总工会名称至少 4 个字').max(100).meta({ title: '总工会名称' }),
  divisionCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '行政区划代码应为 6 位数字（如 320102）')
    .meta({ title: '行政区划代码' }),
  adminUsername: username,
  adminDisplayName: displayName,
  adminPassword: password('管理员密码'),
});

export const ChangePasswordSchema = z.object({
  currentPassword: password('当前密码'),
  newPassword: password('新密码'),
});

export const CreateAccountSchema = z.object({
  username,
  displayName,
  orgId: z.number().int().positive().meta({ title: '所属组织' }),
  roles: z.array(RoleCodeSchema).min(1, '请至少选择一个角色').meta({ title: '角色' }),
  password: password('初始密码').optional(),
});

export const UpdateAccountSchema = z.object({
  displayName: displayName.optional(),
  roles: z.array(RoleCodeSchema).min(1, '请至少选择一个角色').optional().meta({ title: '角色' }),
});

export const ResetPasswordSchema = z.object({ password: password('新密码').optional() });

export const AccountListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(64).optional().meta({ title: '关键词' }),
  underId: z.coerce.number().int().positive().optional().meta({ title: '所属组织' }),
  role: RoleCodeSchema.optional(),
  status: z.enum(['all', 'active', 'disabled', 'locked']).default('all').meta({ title: '状态' }),
});
export type AccountListQuery = z.infer<typeof AccountListQuerySchema>;
export const AccountExportQuerySchema = AccountListQuerySchema.omit({ page: true, pageSize: true });

export const AccountSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  roles: z.array(z.object({ code: z.string(), label: z.string() })),
  status: z.enum(['active', 'disabled', 'locked']),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});
export type AccountDto = z.infer<typeof AccountSchema>;

export const AccountPageSchema = z.object({
  items: z.array(AccountSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

/** Returned once after a reset that generated a password; it is never stored or shown again. */
export const PasswordResetResultSchema = z.object({ account: AccountSchema, temporaryPassword: z.string().nullable() });

export const MeSchema = z.object({
  account: AccountSchema,
  orgPath: z.string(),
  permissions: z.array(z.string()),
  assignableRoles: z.array(z.object({ code: z.string(), label: z.string(), tier: z.string() })),
  csrfToken: z.string(),
  demo: z.boolean(),
  passwordPolicy: z.object({ minLength: z.number(), minClasses: z.number() }),
  sessionIdleMinutes: z.number(),
});
export type MeDto = z.infer<typeof MeSchema>;

export const SetupStatusSchema = z.object({ needsSetup: z.boolean(), demo: z.boolean(), federationName: z.string().nullable() });
