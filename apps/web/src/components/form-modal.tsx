import type { UseMutationResult } from '@tanstack/react-query';
import { App, Form, Modal, type FormInstance, type ModalProps } from 'antd';
import type { ReactNode } from 'react';
import { useShowError } from '@/lib/use-show-error';

/** What a form that saves through a mutation needs. */
export interface FormSubmitOptions<Values, Vars, Result> {
  mutation: Pick<UseMutationResult<Result, unknown, Vars>, 'mutate' | 'isPending'>;
  /** The mutation's input from the validated form values (trimming, dates to strings …). */
  toInput: (values: Values) => Vars;
  /** Shown when it saved: say what happened (`已认定为“双师型”教师`), or compute it from the result. */
  successMessage?: string | ((result: Result, values: Values) => string);
  /** After it saved (close the modal, go to the new record …). */
  onSaved?: (result: Result, values: Values) => void;
  /** Turns a server field path into the form's own where they differ (`startsOn` → `dates`). */
  mapPath?: (path: (string | number)[]) => (string | number)[];
}

/**
 * The one way a form saves: validate the fields (errors stay on the fields), call the mutation,
 * on success show the message and hand over the result, on failure put the server's field
 * problems next to the fields they name and the rest in a notification.
 *
 * @example
 * const { form, submit, submitting } = useFormSubmit<Values, Body, Order>({
 *   mutation: useRequestExtension(),
 *   toInput: (v) => ({ id: order.id, body: { dueDate: v.dueDate.format('YYYY-MM-DD'), reason: v.reason.trim() } }),
 *   successMessage: t('supervision.extension.requested'),
 *   onSaved: onClose,
 * });
 */
export function useFormSubmit<Values, Vars, Result>(options: FormSubmitOptions<Values, Vars, Result>) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const showError = useShowError();
  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    options.mutation.mutate(options.toInput(values), {
      onSuccess: (result) => {
        const { successMessage } = options;
        const text = typeof successMessage === 'function' ? successMessage(result, values) : successMessage;
        if (text) void message.success(text);
        options.onSaved?.(result, values);
      },
      onError: (error) => showError(error, form, options.mapPath),
    });
  };
  return { form, submit, submitting: options.mutation.isPending };
}

/** A modal holding one form that saves through a mutation (see `useFormSubmit`). */
export function FormModal<Values, Vars, Result>({
  open,
  onClose,
  title,
  okText,
  width,
  testId,
  initialValues,
  children,
  layout = 'vertical',
  ...options
}: FormSubmitOptions<Values, Vars, Result> & {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  okText?: ReactNode;
  width?: ModalProps['width'];
  /** `data-testid` of the OK button. */
  testId?: string;
  initialValues?: Partial<Values>;
  layout?: 'vertical' | 'horizontal';
  /** The fields; a function gets the form (for fields that depend on others). */
  children: ReactNode | ((form: FormInstance<Values>) => ReactNode);
}) {
  const { form, submit, submitting } = useFormSubmit<Values, Vars, Result>({
    ...options,
    onSaved: (result, values) => {
      options.onSaved?.(result, values);
      onClose();
    },
  });
  return (
    <Modal
      open={open}
      title={title}
      width={width}
      onCancel={onClose}
      destroyOnHidden
      okText={okText}
      okButtonProps={testId ? { 'data-testid': testId } : undefined}
      confirmLoading={submitting}
      onOk={() => void submit()}
    >
      <Form form={form} layout={layout} preserve={false} initialValues={initialValues}>
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}
