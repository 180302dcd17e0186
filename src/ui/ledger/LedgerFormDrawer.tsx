import { useQueryClient } from '@tanstack/react-query';
import { App, Drawer, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useIsPhone } from '../components';
import { FormFields, type FieldRows } from '../FormFields';
import { ServerForm, SubmitButton } from '../ServerForm';

/** A form's values as the API takes them: `dates` (Dayjs) as YYYY-MM-DD, blanks as null. */
export function formBody(values: Record<string, unknown>, dates: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(values)) out[k] = x === '' || x === undefined ? null : dates.includes(k) && x ? (x as Dayjs).format('YYYY-MM-DD') : x;
  return out;
}

/** A record's values as the form holds them: `dates` (YYYY-MM-DD) as Dayjs. */
export function formValues(record: Record<string, unknown>, dates: readonly string[] = []): Record<string, unknown> {
  const out = { ...record };
  for (const k of dates) if (typeof out[k] === 'string') out[k] = dayjs(out[k] as string);
  return out;
}

/**
 * The drawer in which a ledger record is recorded or changed: its fields (`fields`, then `children` for fields that
 * depend on others), filled with `initial` (dates given as YYYY-MM-DD); on save the body (dates as YYYY-MM-DD, blanks
 * as null) goes to `save`, the ledger's lists are refreshed (`queryKey`) and `onSaved` gets the record's id. A
 * server refusal naming a field shows under it, any other above the button; what was typed stays.
 */
export function LedgerFormDrawer<T extends { id: number }>({
  open,
  title,
  fields,
  initial,
  dates = [],
  intro,
  children,
  queryKey,
  save,
  onClose,
  onSaved,
}: {
  open: boolean;
  title: string;
  fields: FieldRows;
  initial: Record<string, unknown>;
  dates?: readonly string[];
  intro?: ReactNode;
  children?: ReactNode;
  queryKey: string;
  save(body: Record<string, unknown>): Promise<T>;
  onClose(): void;
  onSaved(id: number): void;
}) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const phone = useIsPhone();
  return (
    <Drawer title={title} open={open} onClose={onClose} size={phone ? '100%' : 520} destroyOnHidden afterOpenChange={(v) => v && form.setFieldsValue(formValues(initial, dates))}>
      <ServerForm<Record<string, unknown>>
        form={form}
        onSubmit={async (v) => {
          const saved = await save(formBody(v, dates));
          void qc.invalidateQueries({ queryKey: [queryKey] });
          void message.success('已保存');
          onSaved(saved.id);
        }}
      >
        {intro && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
        <FormFields fields={fields} />
        {children}
        <SubmitButton block>保存</SubmitButton>
      </ServerForm>
    </Drawer>
  );
}
