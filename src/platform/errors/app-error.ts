/**
 * The one error class of the platform. `code` is `MODULE.REASON`; `message` is the Chinese text the user
 * reads. Modules build their errors from an exhaustive code → message map (see `defineErrors`).
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

type ErrorSpec = { status: number; message: string };

/**
 * Declares a module's error catalogue. Returns a factory per code, so a typo in a code is a type error
 * and every code has exactly one Chinese message.
 */
export function defineErrors<const T extends Record<string, ErrorSpec>>(module: string, specs: T) {
  const out = {} as { [K in keyof T]: (message?: string, details?: unknown) => AppError };
  for (const key of Object.keys(specs) as (keyof T & string)[]) {
    const spec = specs[key]!;
    out[key] = (message?: string, details?: unknown) =>
      new AppError(`${module}.${key}`, spec.status, message ?? spec.message, details);
  }
  return out;
}

/** Platform-wide errors. */
export const CommonErrors = defineErrors('COMMON', {
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  SESSION_EXPIRED: { status: 401, message: '登录已超时，请重新登录' },
  FORBIDDEN: { status: 403, message: '您没有执行此操作的权限' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '管理员已重置您的密码，请先修改密码' },
  NOT_FOUND: { status: 404, message: '记录不存在或不在您的管辖范围内' },
  ROUTE_NOT_FOUND: { status: 404, message: '请求的接口不存在' },
  VALIDATION: { status: 400, message: '提交的内容有误' },
  CSRF: { status: 403, message: '请求来源校验失败，请刷新页面后重试' },
  RATE_LIMITED: { status: 429, message: '操作过于频繁，请稍后再试' },
  CONFLICT: { status: 409, message: '数据已被修改，请刷新后重试' },
  INTERNAL: { status: 500, message: '服务器内部错误，请稍后再试或联系管理员' },
});
