import type { FormInstance } from 'antd';
import { ApiError } from './api';

/**
 * Shows a server error on the form: field errors next to their fields (by the API's `details`), and
 * returns the message for a toast when the error is not about one field.
 */
export function applyServerError(form: FormInstance, e: unknown): string | null {
  if (e instanceof ApiError && e.details?.length) {
    const known = new Set(Object.keys(form.getFieldsValue(true) ?? {}));
    const fields = e.details.filter((d) => known.has(d.field.split('.')[0]!));
    form.setFields(fields.map((d) => ({ name: d.field.split('.')[0]!, errors: [d.message] })));
    if (fields.length === e.details.length) return null;
  }
  return e instanceof ApiError ? e.message : '操作失败，请稍后再试';
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
