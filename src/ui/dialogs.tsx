import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Popconfirm, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { post } from './api';
import { errorText } from './components';
import { applyServerError } from './forms';

/**
 * A dialog around a form: OK validates, then `onSubmit` runs; a server refusal naming a field shows under that
 * field, any other shows as a message, and the dialog stays open with what was typed.
 */
export function FormModal<T>({
  title,
  open,
  okText,
  form,
  width,
  onCancel,
  onSubmit,
  children,
}: {
  title: ReactNode;
  open: boolean;
  okText: string;
  form: FormInstance;
  width?: number;
  onCancel(): void;
  onSubmit(values: T): Promise<void>;
  children: ReactNode;
}) {
  const { message } = App.useApp();
  return (
    <Modal
      title={title}
      open={open}
      okText={okText}
      width={width}
      onCancel={onCancel}
      onOk={async () => {
        const v = (await form.validateFields()) as T;
        try {
          await onSubmit(v);
        } catch (e) {
          if (!applyServerError(form, e)) void message.error(errorText(e));
        }
      }}
    >
      <Form form={form} layout="vertical">
        {children}
      </Form>
    </Modal>
  );
}

/**
 * Asks for a written reason before a destructive step (撤销, 退保, 不予给付 …): a confirmation with a text box;
 * the server refuses an empty reason with its own message, which is shown and keeps the dialog open.
 */
export function useAskReason() {
  const { modal, message } = App.useApp();
  return (o: { title: string; placeholder: string; okText: string; maxLength?: number; onOk(reason: string): Promise<void> }) => {
    let reason = '';
    modal.confirm({
      title: o.title,
      content: <Input.TextArea rows={2} maxLength={o.maxLength ?? 200} placeholder={o.placeholder} onChange={(e) => (reason = e.target.value)} />,
      okText: o.okText,
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await o.onOk(reason);
        } catch (e) {
          void message.error(errorText(e));
          throw e;
        }
      },
    });
  };
}

/**
 * A button whose action is confirmed first (结束, 截止 …): on confirmation it POSTs to `url`, then refreshes the
 * queries under each key of `refresh`; a refusal is shown as a message. `inline` makes it a table row's link.
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
  const { message } = App.useApp();
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
          void message.error(errorText(e));
        }
      }}
    >
      <Button danger type={inline ? 'link' : 'default'} size={inline ? 'small' : 'middle'}>
        {children}
      </Button>
    </Popconfirm>
  );
}
