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
  DUPLICATE: { status: 409, message: '该记录已存在（可能刚被他人同时提交），请刷新后查看' },
  INTERNAL: { status: 500, message: '服务器内部错误，请稍后再试或联系管理员' },
});

const uniqueConflicts = new Map<string, () => AppError>();

/**
 * Registers a module's 409 for its unique constraints (index names): the answer when a concurrent request
 * beats the service's own check and the database refuses the duplicate (PostgreSQL 23505).
 */
export function registerUniqueConflicts(conflicts: Record<string, () => AppError>): void {
  for (const [constraint, error] of Object.entries(conflicts)) uniqueConflicts.set(constraint, error);
}

/**
 * The 409 for a PostgreSQL unique violation (SQLSTATE 23505) anywhere in an error's cause chain — node-postgres
 * and PGlite both carry `code` and `constraint`; Drizzle wraps them as `cause` — or null for any other error.
 */
export function uniqueViolationError(error: unknown): AppError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const e = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (e.code === '23505') {
      const registered = typeof e.constraint === 'string' ? uniqueConflicts.get(e.constraint) : undefined;
      return registered ? registered() : CommonErrors.DUPLICATE();
    }
    current = e.cause;
  }
  return null;
}
