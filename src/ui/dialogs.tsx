import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Popconfirm, type FormInstance, type FormProps, type ModalProps } from 'antd';
import type { ReactNode } from 'react';
import { post } from './api';
import { errorText } from './components';
import { RefusalAlert, useServerSubmit, useShowRefusal } from './ServerForm';

/**
 * A dialog around a form: OK runs the form's checks, then `onSubmit`; a server refusal naming a field shows under
 * that field, any other in an alert inside the dialog, and the dialog stays open with what was typed.
 * `intro` is shown above the form; `modalProps` / `formProps` pass through (width, danger OK, initial values …).
 */
export function FormModal<T>({
  title,
  open,
  okText,
  form,
  width,
  danger,
  intro,
  modalProps,
  formProps,
  onCancel,
  onSubmit,
  children,
}: {
  title: ReactNode;
  open: boolean;
  okText: string;
  form: FormInstance;
  width?: number;
  danger?: boolean;
  intro?: ReactNode;
  modalProps?: Omit<ModalProps, 'title' | 'open' | 'okText' | 'width' | 'onOk' | 'onCancel' | 'confirmLoading'>;
  formProps?: Omit<FormProps<T>, 'form' | 'onFinish'>;
  onCancel(): void;
  onSubmit(values: T): Promise<unknown>;
  children: ReactNode;
}) {
  const s = useServerSubmit<T>(form, onSubmit);
  return (
    <Modal
      title={title}
      open={open}
      okText={okText}
      cancelText="取消"
      width={width}
      confirmLoading={s.busy}
      {...modalProps}
      okButtonProps={{ danger, ...modalProps?.okButtonProps }}
      onCancel={() => (s.clear(), onCancel())}
      afterClose={() => (s.clear(), modalProps?.afterClose?.())}
      // OK only (not Enter in a field: Enter also confirms a date picker): the form's checks, then the submit.
      onOk={async () => {
        let values: T;
        try {
          values = (await form.validateFields()) as T;
        } catch {
          return; // the blank or wrong fields now show their messages
        }
        await s.onFinish(values);
      }}
    >
      {intro}
      <Form<T> layout="vertical" {...formProps} form={form}>
        {children}
      </Form>
      <RefusalAlert text={s.refusal} onClose={s.clear} />
    </Modal>
  );
}

/**
 * Asks for a written reason before a destructive step (撤销, 退保, 不予给付 …): a confirmation with a text box;
 * a server refusal (an empty reason, a state that changed) shows in an alert inside the dialog, which stays open.
 */
export function useAskReason() {
  const { modal } = App.useApp();
  return (o: { title: string; placeholder: string; okText: string; maxLength?: number; onOk(reason: string): Promise<void> }) => {
    let reason = '';
    const content = (refusal: string | null) => (
      <>
        <Input.TextArea rows={2} maxLength={o.maxLength ?? 200} placeholder={o.placeholder} aria-label={o.placeholder} onChange={(e) => (reason = e.target.value)} />
        <RefusalAlert text={refusal} />
      </>
    );
    const dialog = modal.confirm({
      title: o.title,
      content: content(null),
      okText: o.okText,
      okButtonProps: { danger: true },
      cancelText: '取消',
      // Taking `close` keeps the dialog open until the server agrees (a rejected promise would be an uncaught error).
      onOk: (close: () => void) => {
        dialog.update({ okButtonProps: { danger: true, loading: true }, content: content(null) });
        o.onOk(reason).then(
          () => close(),
          (e: unknown) => dialog.update({ okButtonProps: { danger: true, loading: false }, content: content(errorText(e)) }),
        );
      },
    });
  };
}

/**
 * A button whose action is confirmed first (结束, 截止 …): on confirmation it POSTs to `url`, then refreshes the
 * queries under each key of `refresh`; a refusal is shown in a dialog that stays until read. `inline` makes it a
 * table row's link.
 */
export function ConfirmButton({
  title,
  description,
  okText,
  url,
  refresh,
  inline,
  children,
}: {
  title: string;
  description: string;
  okText: string;
  url: string;
  refresh: readonly (readonly unknown[])[];
  inline?: boolean;
  children: ReactNode;
}) {
  const showRefusal = useShowRefusal();
  const qc = useQueryClient();
  return (
    <Popconfirm
      title={title}
      description={description}
      okText={okText}
      cancelText="取消"
      onConfirm={async () => {
        try {
          await post(url);
          for (const queryKey of refresh) void qc.invalidateQueries({ queryKey });
        } catch (e) {
          showRefusal(e, `未能${okText}`);
        }
      }}
    >
      <Button danger type={inline ? 'link' : 'default'} size={inline ? 'small' : 'middle'}>
        {children}
      </Button>
    </Popconfirm>
  );
}
