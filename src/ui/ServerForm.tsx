import { Alert, App, Button, Form, type ButtonProps, type FormInstance, type FormProps } from 'antd';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { errorText } from './components';
import { applyServerError } from './forms';

/** What a form's submit is doing: busy while the request runs; the refusal that could not go under a field. */
export interface ServerSubmit<T> {
  onFinish(values: T): Promise<void>;
  busy: boolean;
  refusal: string | null;
  clear(): void;
}

/**
 * The one owner of what happens when a form is sent: it runs only after the form's own checks passed (a blank
 * required field shows under the field and throws nothing), a server refusal naming a field goes under that
 * field, and the rest stays in `refusal` (shown by `RefusalAlert`) until the user sends again or closes it.
 */
export function useServerSubmit<T>(form: FormInstance, onSubmit: (values: T) => Promise<unknown>): ServerSubmit<T> {
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return {
    busy,
    refusal,
    clear: () => setRefusal(null),
    async onFinish(values: T) {
      setRefusal(null);
      setBusy(true);
      try {
        await onSubmit(values);
      } catch (e) {
        setRefusal(applyServerError(form, e));
      } finally {
        setBusy(false);
      }
    },
  };
}

/** The server's reason in an alert (role="alert", read out by screen readers), scrolled into view when it appears. */
export function RefusalAlert({ text, onClose }: { text: string | null; onClose?: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (text) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [text]);
  if (!text) return null;
  return (
    <div ref={ref} style={{ flexBasis: '100%', width: '100%', marginTop: 12 }}>
      <Alert type="error" showIcon title={text} closable={onClose ? { 'aria-label': '关闭提示' } : false} onClose={onClose} />
    </div>
  );
}

const SubmitContext = createContext<{ busy: boolean }>({ busy: false });

/**
 * A form on a page or in a drawer (not a dialog: that is `FormModal`): `onSubmit` runs after the form's checks;
 * a refusal shows under its field or in an alert at the end of the form. Put a `SubmitButton` inside.
 */
export function ServerForm<T>({ form, onSubmit, children, ...props }: Omit<FormProps<T>, 'onFinish' | 'form'> & { form: FormInstance; onSubmit(values: T): Promise<unknown>; children: ReactNode }) {
  const s = useServerSubmit<T>(form, onSubmit);
  return (
    <Form<T> layout="vertical" {...props} form={form} onFinish={s.onFinish}>
      <SubmitContext.Provider value={{ busy: s.busy }}>{children}</SubmitContext.Provider>
      <RefusalAlert text={s.refusal} onClose={s.clear} />
    </Form>
  );
}

/** The submit button of a `ServerForm`, spinning while the request runs. */
export function SubmitButton(props: Omit<ButtonProps, 'htmlType' | 'loading'>) {
  const { busy } = useContext(SubmitContext);
  return <Button type="primary" {...props} htmlType="submit" loading={busy} />;
}

/**
 * For an action without a form (a confirmed button, a row's link): shows the server's reason in a dialog that
 * stays until the user closes it, instead of a message that fades.
 */
export function useShowRefusal() {
  const { modal } = App.useApp();
  return (e: unknown, title = '未能完成操作') => {
    modal.error({ title, content: errorText(e), okText: '知道了' });
  };
}

/** The values of a form whose fields are read loosely (dates as dayjs, nested lists), as antd's own `any`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FormValues = Record<string, any>;
