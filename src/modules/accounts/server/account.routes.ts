import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { scopeFor, type Principal } from '@platform/access';
import type { AppDeps } from '@platform/context';
import { sendXlsx, writeXlsx } from '@platform/excel';
import { defineRoute, IdParamsSchema, SESSION_COOKIE } from '@platform/http';
import { findOrgInScope, findRootOrg } from '@modules/organisations/server';
import { AccountPermissions } from '../shared/account.permissions';
import {
  AccountExportQuerySchema,
  AccountListQuerySchema,
  AccountPageSchema,
  AccountSchema,
  ChangePasswordSchema,
  CreateAccountSchema,
  LoginSchema,
  MeSchema,
  PasswordResetResultSchema,
  ResetPasswordSchema,
  SetupSchema,
  SetupStatusSchema,
  UpdateAccountSchema,
} from '../shared/account.schema';
import { assignableRoles, ROLES, type RolePermissions } from '../shared/roles';
import { AccountErrors } from './account.errors';
import { presentAccount } from './account.presenter';
import * as repo from './account.repository';
import * as auth from './auth.service';
import * as service from './account.service';

const READ = AccountPermissions.read.name;
const WRITE = AccountPermissions.write.name;
const OkSchema = z.object({ ok: z.literal(true) });
export const ACCOUNT_EXPORT_LIMIT = 100_000;

function setSessionCookie(deps: AppDeps, req: FastifyRequest, reply: FastifyReply, token: string) {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.cookieSecure || req.protocol === 'https',
  });
}

/** The accounts module's routes; `rolePermissions` is what each role holds (from the modules' grants). */
export function registerAccountRoutes(app: FastifyInstance, deps: AppDeps, rolePermissions: RolePermissions): void {
  const { db } = deps;

  async function me(principal: Principal) {
    const found = await repo.findAccountForAuth(db, { id: principal.accountId });
    if (!found) throw AccountErrors.NOT_FOUND();
    return {
      account: presentAccount(found, deps.now()),
      orgPath: found.orgPath,
      permissions: [...principal.permissions].sort(),
      assignableRoles: [...assignableRoles(principal.roles)].map((code) => ({
        code,
        label: ROLES[code].label,
        tier: ROLES[code].tier,
      })),
      csrfToken: principal.csrfToken,
      demo: deps.config.demo,
      passwordPolicy: deps.config.password,
      sessionIdleMinutes: deps.config.session.idleMinutes,
    };
  }

  async function presentById(id: number, principal: Principal) {
    const found = await repo.findAccountInScope(db, scopeFor(principal, READ), id);
    if (!found) throw AccountErrors.NOT_FOUND();
    return presentAccount(found, deps.now());
  }

  // --- setup and session ---

  defineRoute(app, {
    method: 'GET',
    url: '/api/setup/status',
    permission: 'public',
    summary: '是否需要初始化',
    tags: ['登录与初始化'],
    response: SetupStatusSchema,
    async handler() {
      const root = await findRootOrg(db);
      return { needsSetup: !root, demo: deps.config.demo, federationName: root?.name ?? null };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/setup',
    permission: 'public',
    summary: '首次初始化：创建区总工会和第一个管理员账号',
    tags: ['登录与初始化'],
    body: SetupSchema,
    response: OkSchema,
    config: { csrf: 'origin', rateLimit: { max: deps.config.login.ratePerMinute, timeWindow: '1 minute' } },
    async handler({ body, req, reply }) {
      const { token } = await auth.completeSetup(deps, body, req);
      setSessionCookie(deps, req, reply, token);
      return { ok: true as const };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/login',
    permission: 'public',
    summary: '用户名密码登录，成功后设置会话 Cookie',
    tags: ['登录与初始化'],
    body: LoginSchema,
    response: OkSchema,
    config: { csrf: 'origin', rateLimit: { max: deps.config.login.ratePerMinute, timeWindow: '1 minute' } },
    async handler({ body, req, reply, maybePrincipal }) {
      if (maybePrincipal) await repo.deleteSession(db, maybePrincipal.sessionId);
      const { token } = await auth.login(deps, body, req);
      setSessionCookie(deps, req, reply, token);
      return { ok: true as const };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/logout',
    permission: 'authenticated',
    summary: '退出登录',
    tags: ['登录与初始化'],
    response: OkSchema,
    async handler({ principal, ip, reply }) {
      await auth.logout(deps, { principal, ip });
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/auth/me',
    permission: 'authenticated',
    summary: '当前账号、权限和 CSRF 令牌',
    tags: ['登录与初始化'],
    response: MeSchema,
    async handler({ principal }) {
      return me(principal);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/password',
    permission: 'authenticated',
    summary: '修改本人密码',
    tags: ['登录与初始化'],
    body: ChangePasswordSchema,
    response: OkSchema,
    async handler({ body, principal, ip }) {
      await auth.changeOwnPassword(deps, { principal, ip }, body);
      return { ok: true as const };
    },
  });

  // --- account management ---

  const tags = ['账号'];

  async function underPath(principal: Principal, underId: number | undefined) {
    if (!underId) return null;
    const org = await findOrgInScope(db, scopeFor(principal, READ), underId);
    if (!org) throw AccountErrors.ORG_NOT_FOUND();
    return org.org.path;
  }

  defineRoute(app, {
    method: 'GET',
    url: '/api/accounts',
    permission: READ,
    summary: '账号列表（分页、搜索）',
    tags,
    querystring: AccountListQuerySchema,
    response: AccountPageSchema,
    async handler({ query, scope, principal }) {
      const now = deps.now();
      const { rows, total } = await repo.listAccounts(db, scope(), query, await underPath(principal, query.underId), now);
      return { items: rows.map((r) => presentAccount(r, now)), total, page: query.page, pageSize: query.pageSize };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/accounts/export.xlsx',
    permission: READ,
    summary: '导出账号列表（Excel）',
    tags,
    querystring: AccountExportQuerySchema,
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    async handler({ query, scope, principal, reply }) {
      const now = deps.now();
      const rows = await repo.listAccountsForExport(
        db,
        scope(),
        query,
        await underPath(principal, query.underId),
        now,
        ACCOUNT_EXPORT_LIMIT,
      );
      const statusLabel = { active: '正常', disabled: '已停用', locked: '已锁定' } as const;
      const buffer = await writeXlsx(
        '账号',
        [
          { header: '用户名', width: 18, value: (a) => a.username },
          { header: '姓名', width: 12, value: (a) => a.displayName },
          { header: '所属组织', width: 36, value: (a) => a.orgName },
          { header: '角色', width: 30, value: (a) => a.roles.map((r) => r.label).join('、') },
          { header: '状态', width: 8, value: (a) => statusLabel[a.status] },
          { header: '最近登录', width: 20, value: (a) => a.lastLoginAt?.replace('T', ' ').slice(0, 19) },
          { header: '创建时间', width: 20, value: (a) => a.createdAt.replace('T', ' ').slice(0, 19) },
        ],
        rows.map((r) => presentAccount(r, now)),
      );
      return sendXlsx(reply, `账号列表-${now.toISOString().slice(0, 10)}.xlsx`, buffer);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/accounts/:id',
    permission: READ,
    summary: '账号详情',
    tags,
    params: IdParamsSchema,
    response: AccountSchema,
    async handler({ params, principal }) {
      return presentById(params.id, principal);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/accounts',
    permission: WRITE,
    summary: '新建账号（不填初始密码时自动生成，仅显示一次）',
    tags,
    body: CreateAccountSchema,
    response: PasswordResetResultSchema,
    async handler({ body, principal, ip }) {
      const { id, temporaryPassword } = await service.createAccount(deps, { principal, ip }, body);
      return { account: await presentById(id, principal), temporaryPassword };
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/accounts/:id',
    permission: WRITE,
    summary: '修改账号姓名或角色',
    tags,
    params: IdParamsSchema,
    body: UpdateAccountSchema,
    response: AccountSchema,
    async handler({ params, body, principal, ip }) {
      await service.updateAccount(deps, { principal, ip }, params.id, body);
      return presentById(params.id, principal);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/accounts/:id/reset-password',
    permission: WRITE,
    summary: '重置密码（不填时自动生成，仅显示一次；下次登录须修改）',
    tags,
    params: IdParamsSchema,
    body: ResetPasswordSchema,
    response: PasswordResetResultSchema,
    async handler({ params, body, principal, ip }) {
      const { temporaryPassword } = await service.resetPassword(deps, { principal, ip }, params.id, body.password);
      return { account: await presentById(params.id, principal), temporaryPassword };
    },
  });

  for (const [action, disabled, summary] of [
    ['disable', true, '停用账号（立即结束其全部会话）'],
    ['enable', false, '启用账号'],
  ] as const) {
    defineRoute(app, {
      method: 'POST',
      url: `/api/accounts/:id/${action}`,
      permission: WRITE,
      summary,
      tags,
      params: IdParamsSchema,
      response: AccountSchema,
      async handler({ params, principal, ip }) {
        await service.setDisabled(deps, { principal, ip }, params.id, disabled);
        return presentById(params.id, principal);
      },
    });
  }

  defineRoute(app, {
    method: 'POST',
    url: '/api/accounts/:id/unlock',
    permission: WRITE,
    summary: '解除登录锁定',
    tags,
    params: IdParamsSchema,
    response: AccountSchema,
    async handler({ params, principal, ip }) {
      await service.unlockAccount(deps, { principal, ip }, params.id);
      return presentById(params.id, principal);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/roles',
    permission: 'authenticated',
    summary: '角色列表',
    tags,
    response: z.array(z.object({ code: z.string(), label: z.string(), tier: z.string(), permissions: z.array(z.string()) })),
    async handler() {
      return Object.entries(ROLES).map(([code, r]) => ({ code, label: r.label, tier: r.tier, permissions: [...(rolePermissions[code] ?? [])] }));
    },
  });
}
