import type { FindingSeverity } from '@zhijiao/contracts';
import { Alert, Card, Empty, Form, Modal, Radio, Select, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { RunningInspection } from '@/lib/supervision/get-running-inspections';
import { useT } from '@/lib/i18n';

interface Values {
  inspectionId: string;
  severity: FindingSeverity | 'auto';
}

/**
 * The "督导立项 / 生成督导问题" dialog shared by the indicator and task pages: pick a running
 * inspection the user may record findings in, see the evidence that will be attached, choose the
 * severity (or let the server decide). Each feature passes its own data and submit call.
 */
export function FindingFromSubjectModal({
  open,
  subject,
  evidence,
  inspections,
  loading,
  submitting,
  onSubmit,
  onClose,
}: {
  open: boolean;
  subject: string;
  evidence: ReactNode;
  inspections: RunningInspection[] | undefined;
  loading: boolean;
  submitting: boolean;
  onSubmit: (inspectionId: string, severity: FindingSeverity | undefined) => void;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const usable = (inspections ?? []).filter((i) => i.abilities.addFinding);
  return (
    <Modal
      open={open}
      title={t('supervision.fromSubject.title')}
      width={600}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ disabled: usable.length === 0, 'data-testid': 'finding-form-submit' }}
      confirmLoading={submitting}
      onOk={() =>
        form
          .validateFields()
          .then((v) => onSubmit(v.inspectionId, v.severity === 'auto' ? undefined : v.severity))
          .catch(() => undefined)
      }
    >
      <Typography.Paragraph strong>{subject}</Typography.Paragraph>
      {loading ? (
        <Spin style={{ display: 'block', padding: 24 }} />
      ) : usable.length === 0 ? (
        <Empty description={t('supervision.fromSubject.noActive')} />
      ) : (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ inspectionId: usable[0]?.id, severity: 'auto' }}
        >
          <Form.Item
            name="inspectionId"
            label={t('supervision.fromSubject.inspection')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              data-testid="finding-inspection"
              options={usable.map((i) => ({ value: i.id, label: i.title }))}
            />
          </Form.Item>
          <Form.Item name="severity" label={t('supervision.field.severity')}>
            <Radio.Group
              options={[
                { value: 'auto', label: t('supervision.fromSubject.severityAuto') },
                { value: 'general', label: t('supervision.severity.general') },
                { value: 'serious', label: t('supervision.severity.serious') },
              ]}
            />
          </Form.Item>
        </Form>
      )}
      <Card size="small" title={t('supervision.fromSubject.evidence')}>
        {evidence}
      </Card>
      <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('supervision.fromSubject.hint')} />
    </Modal>
  );
}
