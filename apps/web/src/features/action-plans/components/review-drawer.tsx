import { App, Button, Drawer, Form, Input, Space } from 'antd';
import { useFormSubmit } from '@/components/form-modal';
import { QueryState } from '@/components/query-state';
import { ReportDetails } from '@/components/report-details';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { useApproveReport } from '../api/approve-report';
import { useReport } from '../api/get-report';
import { useReturnReport } from '../api/return-report';

/** The full report in a drawer with 通过 and 退回; 退回 needs a comment. */
export function ReviewDrawer({ reportId, onClose }: { reportId: string | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const report = useReport(reportId);
  const approve = useApproveReport();
  const giveBack = useReturnReport();
  const close = () => {
    form.resetFields();
    onClose();
  };
  const { form, submit: onReturn } = useFormSubmit({
    mutation: giveBack,
    toInput: (values: { comment: string }) => ({ id: reportId!, comment: values.comment.trim() }),
    successMessage: t('review.returned'),
    onSaved: close,
  });
  const canReview = report.data?.abilities.review ?? false;
  const busy = approve.isPending || giveBack.isPending;

  const onApprove = () =>
    approve.mutate(reportId!, {
      onSuccess: () => {
        void message.success(t('review.approved'));
        close();
      },
      onError: (error) => showError(error, form),
    });

  return (
    <Drawer
      open={!!reportId}
      onClose={close}
      size={760}
      title={t('review.detail')}
      destroyOnHidden
      footer={
        canReview && (
          <Form form={form} layout="vertical">
            <Form.Item
              name="comment"
              label={t('review.comment')}
              style={{ marginBottom: 12 }}
              // Only 退回 needs the comment: no required mark, the rule speaks when returning.
              required={false}
              rules={[{ required: true, whitespace: true, message: t('review.commentRequired') }]}
            >
              <Input.TextArea
                data-testid="review-comment"
                rows={3}
                maxLength={2000}
                placeholder={t('review.commentPlaceholder')}
              />
            </Form.Item>
            <Space>
              <Button
                type="primary"
                data-testid="review-approve"
                onClick={onApprove}
                loading={approve.isPending}
                disabled={busy}
              >
                {t('review.approve')}
              </Button>
              <Button
                danger
                data-testid="review-return"
                onClick={() => void onReturn()}
                loading={giveBack.isPending}
                disabled={busy}
              >
                {t('review.return')}
              </Button>
            </Space>
          </Form>
        )
      }
    >
      {reportId && <QueryState query={report}>{(data) => <ReportDetails report={data} />}</QueryState>}
    </Drawer>
  );
}
