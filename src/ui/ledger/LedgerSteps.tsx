import { useQueryClient } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import type { AvailableStep } from '@platform/workflow/machine';
import { post } from '../api';
import { FormModal } from '../dialogs';
import { FormFields, type FieldRows } from '../FormFields';
import { StepButtons } from '../StepButtons';
import { formBody } from './LedgerFormDrawer';

/** What one step's dialog asks for beyond its date (and the opinion of a step that needs one). */
export interface StepDialogSpec {
  /** The fields after the date. */
  fields?: FieldRows;
  /** The date field's label (日期 unless said). */
  dateLabel?: string;
  /** The opinion field's label, when the machine says the step needs one (意见 unless said). */
  opinionLabel?: string;
  /** A rule to know before filling in, shown above the form. */
  hint?: ReactNode;
  /** Values the form starts with (the date starts at today). */
  initial?: Record<string, unknown>;
  /** Field names holding dates besides `on`: sent as YYYY-MM-DD. */
  dates?: string[];
  width?: number;
}

/**
 * A record's workflow steps: exactly the steps the server sent with it as buttons (see StepButtons), and one dialog
 * per step that posts `{ action, on, …fields }` to `url`, shows a refusal inside the dialog and refreshes `queryKey`.
 * A ledger says what each step asks for (`dialog`); the machinery is here once.
 */
export function LedgerSteps({
  steps,
  url,
  queryKey,
  title,
  primary,
  danger = [],
  dialog,
}: {
  steps: AvailableStep[];
  /** Where a step is posted (the record's /steps). */
  url: string;
  queryKey: string;
  /** What the dialog's title names after the step (the record's name). */
  title: string;
  primary?: string[];
  /** Steps shown as dangerous, whose OK button is red too. */
  danger?: string[];
  dialog(step: AvailableStep): StepDialogSpec;
}) {
  const [step, setStep] = useState<AvailableStep | null>(null);
  if (steps.length === 0) return null;
  return (
    <>
      {/* A flex row, not antd Space: Space wraps every child and leaves a blank band under the buttons. */}
      <div aria-label="可办理的事项" role="group" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 16 }}>
        <StepButtons steps={steps} primary={primary} danger={danger} onStep={setStep} />
      </div>
      {step && <StepDialog step={step} url={url} queryKey={queryKey} title={title} danger={danger.includes(step.code)} spec={dialog(step)} onClose={() => setStep(null)} />}
    </>
  );
}

function StepDialog({ step, url, queryKey, title, danger, spec, onClose }: { step: AvailableStep; url: string; queryKey: string; title: string; danger: boolean; spec: StepDialogSpec; onClose(): void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const opinion = spec.opinionLabel ?? '意见';
  const fields: FieldRows = [
    { name: 'on', label: spec.dateLabel ?? '日期', required: `请选择${spec.dateLabel ?? '日期'}`, input: <DatePicker disabledDate={(d) => d.isAfter(dayjs())} /> },
    ...(spec.fields ?? []),
    ...(step.needsOpinion ? [{ name: 'opinion', label: opinion, required: `请填写${opinion}`, input: <Input.TextArea rows={3} maxLength={500} /> }] : []),
  ];
  return (
    <FormModal<Record<string, unknown>>
      title={`${step.label}：${title}`}
      open
      okText={step.label}
      danger={danger}
      form={form}
      width={spec.width ?? 560}
      intro={spec.hint ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={spec.hint} /> : undefined}
      formProps={{ initialValues: { on: dayjs(), ...spec.initial } }}
      modalProps={{ destroyOnHidden: true }}
      onCancel={onClose}
      onSubmit={async (v) => {
        await post(url, { action: step.code, ...formBody(v, ['on', ...(spec.dates ?? [])]) });
        await qc.invalidateQueries({ queryKey: [queryKey] });
        onClose();
      }}
    >
      <FormFields fields={fields} />
    </FormModal>
  );
}
