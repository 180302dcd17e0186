import { customType } from 'drizzle-orm/pg-core';

/** A `bytea` column read and written as a Node Buffer (file contents, generated reports). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});
