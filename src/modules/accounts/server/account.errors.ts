import { defineErrors, registerUniqueConflicts } from '@platform/errors/app-error';

export const AccountErrors = defineErrors('ACCOUNT', {
  INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  DISABLED: { status: 401, message: '账号已停用，请联系管理员' },
  NOT_FOUND: { status: 404, message: '账号不存在或不在您的管辖范围内' },
  ORG_NOT_FOUND: { status: 404, message: '所属组织不存在或不在您的管辖范围内' },
  ORG_CLOSED: { status: 409, message: '所属组织已撤销，不能在其下新建账号' },
  USERNAME_TAKEN: { status: 409, message: '用户名已被使用，请换一个' },
  WEAK_PASSWORD: { status: 400, message: '密码不符合安全要求' },
  WRONG_CURRENT_PASSWORD: { status: 400, message: '当前密码不正确' },
  SAME_PASSWORD: { status: 400, message: '新密码不能与当前密码相同' },
  ROLE_NOT_ASSIGNABLE: { status: 403, message: '您不能分配该角色' },
  ROLE_TIER_MISMATCH: { status: 400, message: '角色与所属组织的层级不符' },
  MANAGED_BY_HIGHER: { status: 403, message: '该账号持有您无权管理的角色，请联系上级管理员' },
  SELF_ACTION: { status: 400, message: '不能对自己的账号执行此操作' },
  ALREADY_DISABLED: { status: 409, message: '账号已停用' },
  NOT_DISABLED: { status: 409, message: '账号未停用' },
  SETUP_DONE: { status: 409, message: '系统已完成初始化' },
});

// A duplicate a concurrent request slipped past the service's check answers with the same 409.
registerUniqueConflicts({
  accounts_username_key: AccountErrors.USERNAME_TAKEN,
});
