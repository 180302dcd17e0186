import { z } from 'zod';
import { AppError } from '../errors/app-error';

z.config(z.locales.zhCN());

export interface FieldError {
  field: string;
  label: string;
  message: string;
}

function titleOf(schema: unknown): string | undefined {
  const meta = z.globalRegistry.get(schema as z.ZodType);
  return typeof meta?.title === 'string' ? meta.title : undefined;
}

/** Unwraps optional/nullable/default/pipe wrappers, collecting the first title found on the way in. */
function unwrap(schema: unknown): { inner: unknown; title: string | undefined } {
  let current = schema;
  let title = titleOf(current);
  for (let i = 0; i < 8; i++) {
    const def = (current as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
    if (!def) break;
    const next = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!next) break;
    current = next;
    title ??= titleOf(current);
  }
  return { inner: current, title };
}

/** The Chinese label (`.meta({ title })`) of the field at `path` in `schema`, or the path itself. */
export function fieldLabel(schema: unknown, path: PropertyKey[]): string {
  let current: unknown = schema;
  let title: string | undefined;
  for (const key of path) {
    const { inner } = unwrap(current);
    const shape = (inner as { shape?: Record<string, unknown> })?.shape;
    const element = (inner as { _zod?: { def?: { element?: unknown } } })?._zod?.def?.element;
    if (shape && typeof key === 'string' && key in shape) current = shape[key];
    else if (element && typeof key === 'number') current = element;
    else return title ?? path.join('.');
    title = unwrap(current).title;
  }
  return title ?? path.join('.');
}

function issueMessage(issue: z.core.$ZodIssue, label: string): string {
  if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) return `请填写${label}`;
  return issue.message.includes(label) ? issue.message : `${label}：${issue.message}`;
}

/** Turns a Zod error into the platform's 400 error, naming each field in Chinese. */
export function validationError(error: z.ZodError, schema: unknown): AppError {
  const details: FieldError[] = error.issues.map((issue) => {
    const label = fieldLabel(schema, issue.path);
    return { field: issue.path.join('.'), label, message: issueMessage(issue, label) };
  });
  const message = details.map((d) => d.message).join('；') || '提交的内容有误';
  return new AppError('COMMON.VALIDATION', 400, message, details);
}

/** Fastify validator compiler: Zod parse, errors become AppError with Chinese field labels. */
export const zodValidatorCompiler =
  ({ schema }: { schema: unknown }) =>
  (data: unknown) => {
    const result = z.safeParse(schema as z.ZodType, data);
    if (result.success) return { value: result.data };
    return { error: validationError(result.error, schema) };
  };
