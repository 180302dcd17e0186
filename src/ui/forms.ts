import type { FormInstance } from 'antd';
import { ApiError } from './api';

/**
 * Puts a server refusal on the form: each error naming a field of the form goes under that field (by the
 * API's `details`); returns the rest as one text for the dialog's alert, or null when everything was placed.
 * Used through `useServerSubmit` (FormModal, ServerForm), which shows the returned text.
 */
export function applyServerError(form: FormInstance, e: unknown): string | null {
  if (!(e instanceof ApiError)) return '操作失败，请稍后再试';
  if (!e.details?.length) return e.message;
  // The fields a Form.Item shows, by their dotted path; a detail goes to its own path or the nearest above it.
  const shown = new Map(form.getFieldsError().map((f) => [f.name.join('.'), f.name]));
  const fieldOf = (path: string) => {
    const parts = path.split('.');
    for (let n = parts.length; n > 0; n--) {
      const name = shown.get(parts.slice(0, n).join('.'));
      if (name) return name;
    }
    return null;
  };
  const placed = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const rest: string[] = [];
  for (const d of e.details) {
    const name = fieldOf(d.field);
    if (!name) rest.push(d.message);
    else {
      const key = name.join('.');
      placed.set(key, { name, errors: [...(placed.get(key)?.errors ?? []), d.message] });
    }
  }
  form.setFields([...placed.values()]);
  if (rest.length === 0) return null;
  return rest.length === e.details.length ? e.message : rest.join('；');
}

/** Removes empty strings so optional fields are sent as absent. */
export function compact<T extends Record<string, unknown>>(values: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) if (v !== '' && v !== undefined) out[k] = v;
  return out as Partial<T>;
}

/** Select options from a `{ key: 中文标签 }` record (the labels every shared schema declares). */
export function labelOptions(labels: Record<string, string>): { value: string; label: string }[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

/**
 * A form rule from the field's schema in `shared/` (the API contract), so the browser names a wrong value before
 * sending, with the server's own words. Blank values are left to the `required` rule.
 */
export function schemaRule(schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }) {
  return {
    validator: async (_: unknown, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const r = schema.safeParse(value);
      if (!r.success) throw new Error(r.error?.issues[0]?.message ?? '填写有误');
    },
  };
}
