import { Form, Space } from 'antd';
import type { Rule } from 'antd/es/form';
import type { ReactNode } from 'react';

/** One field of a form: its name, its label, the control and its checks. */
export interface FieldSpec {
  name: string | (string | number)[];
  /** The label (the control's accessible name); a checkbox may go without one, its own text names it. */
  label?: ReactNode;
  /** The message shown when the field is left blank: the field is then required. */
  required?: string;
  /** More checks (a minimum length, the field's schema rule). */
  rules?: Rule[];
  extra?: ReactNode;
  /** A checkbox or switch: the control's value is its `checked`. */
  checked?: boolean;
  input: ReactNode;
}

/** Fields of a form, in order; a list of fields stands on one line (wrapping on a phone). */
export type FieldRows = (FieldSpec | FieldSpec[])[];

function Field({ f }: { f: FieldSpec }) {
  const rules = [...(f.required ? [{ required: true, message: f.required }] : []), ...(f.rules ?? [])];
  return (
    <Form.Item name={f.name} label={f.label} rules={rules} extra={f.extra} valuePropName={f.checked ? 'checked' : undefined}>
      {f.input}
    </Form.Item>
  );
}

const keyOf = (f: FieldSpec) => [f.name].flat().join('.');

/**
 * A form's fields from a list, each a labelled `Form.Item` (the label names the control for screen readers):
 * the ledgers' drawers and dialogs declare what they ask for, not the item markup around it.
 */
export function FormFields({ fields }: { fields: FieldRows }) {
  return fields.map((row) =>
    Array.isArray(row) ? (
      <Space wrap key={row.map(keyOf).join('+')}>
        {row.map((f) => (
          <Field key={keyOf(f)} f={f} />
        ))}
      </Space>
    ) : (
      <Field key={keyOf(row)} f={row} />
    ),
  );
}
