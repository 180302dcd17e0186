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

/** Each issue of a Zod error with its field's Chinese label and a message naming it. */
export function fieldErrors(error: z.ZodError, schema: unknown): FieldError[] {
  return error.issues.map((issue) => {
    const label = fieldLabel(schema, issue.path);
    return { field: issue.path.join('.'), label, message: issueMessage(issue, label) };
  });
}

/** Turns a Zod error into the platform's 400 error, naming each field in Chinese. */
export function validationError(error: z.ZodError, schema: unknown): AppError {
  const details = fieldErrors(error, schema);
  const message = details.map((d) => d.message).join('；') || '提交的内容有误';
  return new AppError('COMMON.VALIDATION', 400, message, details);
}

// A lone UTF-16 surrogate: JSON can carry it (`"\udc00"`), UTF-8 and PostgreSQL cannot.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text cannot be stored (PostgreSQL refuses NUL in text and jsonb, and unpaired surrogates), or null. */
export function unstorableText(value: string): string | null {
  if (value.includes('\u0000')) return '不能包含空字符（\\u0000）';
  if (LONE_SURROGATE.test(value)) return '含有无效的字符编码（不成对的代理字符）';
  return null;
}

/** Objects the body, query and params parsers produce (the query parser's have a null-prototype prototype). */
function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !ArrayBuffer.isView(value) && !(value instanceof Date);
}

/** Every string (and object key) in an input that cannot be stored, with its path. */
function findUnstorableText(value: unknown, path: (string | number)[], out: { path: (string | number)[]; reason: string }[]): void {
  if (out.length >= 20) return;
  if (typeof value === 'string') {
    const reason = unstorableText(value);
    if (reason) out.push({ path, reason });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findUnstorableText(v, [...path, i], out));
  } else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) {
      const reason = unstorableText(k);
      if (reason) out.push({ path: [...path, k], reason });
      else findUnstorableText(v, [...path, k], out);
    }
  }
}

/**
 * Refuses NUL bytes and lone surrogates anywhere in a request's body, query or params, before any route sees
 * them, naming the field (400 instead of a 500 from the database). Uploaded files (Buffers) are not text.
 */
export function unstorableTextError(data: unknown, schema: unknown): AppError | null {
  const found: { path: (string | number)[]; reason: string }[] = [];
  findUnstorableText(data, [], found);
  if (found.length === 0) return null;
  const details: FieldError[] = found.map(({ path, reason }) => {
    const label = path.length ? fieldLabel(schema, path) : '提交的内容';
    return { field: path.join('.'), label, message: `${label}${reason}` };
  });
  return new AppError('COMMON.VALIDATION', 400, details.map((d) => d.message).join('；'), details);
}

/** Fastify validator compiler: Zod parse, errors become AppError with Chinese field labels. */
export const zodValidatorCompiler =
  ({ schema }: { schema: unknown }) =>
  (data: unknown) => {
    const unstorable = unstorableTextError(data, schema);
    if (unstorable) return { error: unstorable };
    const result = z.safeParse(schema as z.ZodType, data);
    if (result.success) return { value: result.data };
    return { error: validationError(result.error, schema) };
  };
