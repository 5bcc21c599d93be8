import { Form, Input, Space } from 'antd';
import { useT } from '@/lib/i18n';

/** A batch's, program's or reserved group's code, as the server accepts it. */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

/** The name and code of a batch or a program, side by side (`testId`: `batch` → `batch-name`, `batch-code`). */
export function NameCodeFields({
  nameLabel,
  nameExtra,
  nameWidth,
  testId,
}: {
  nameLabel: string;
  nameExtra?: string;
  nameWidth: number;
  testId: string;
}) {
  const t = useT();
  return (
    <Space align="start" wrap>
      <Form.Item
        name="name"
        label={nameLabel}
        extra={nameExtra}
        rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}
      >
        <Input maxLength={100} style={{ width: nameWidth }} data-testid={`${testId}-name`} />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('enrollment.field.code')}
        rules={[
          { required: true, message: t('common.required') },
          { pattern: CODE_PATTERN, message: t('enrollment.field.codeRule') },
        ]}
      >
        <Input style={{ width: 160 }} data-testid={`${testId}-code`} />
      </Form.Item>
    </Space>
  );
}
