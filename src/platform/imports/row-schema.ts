import type { z } from 'zod';
import { fieldErrors } from '../http/validation';

/**
 * Checks an import row's values with the form's input schema (the same object that validates the API request),
 * so a row is refused wherever the form is: each error names its field by its `.meta({ title })` label.
 */
export function parseImportRow<S extends z.ZodType>(schema: S, values: unknown): { data: z.output<S>; errors: [] } | { data: null; errors: string[] } {
  const result = schema.safeParse(values);
  if (result.success) return { data: result.data, errors: [] };
  return { data: null, errors: [...new Set(fieldErrors(result.error, schema).map((e) => e.message))] };
}
