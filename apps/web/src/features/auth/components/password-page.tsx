import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useFormSubmit } from '@/components/form-modal';
import { PageHeader } from '@/components/page-header';
import { useT } from '@/lib/i18n';
import { landingPath } from '@/lib/permissions';
import { useChangePassword, type ChangePasswordInput } from '../api/change-password';
import { useMe, useRefreshMe } from '../api/get-me';

type Values = ChangePasswordInput & { confirmPassword: string };

/** `/account/password`: change the own password; the policy is shown, the server's reasons go under the field. */
export function PasswordPage() {
  const t = useT();
  const navigate = useNavigate();
  const me = useMe();
  const refreshMe = useRefreshMe();
  const change = useChangePassword();
  const { form, submit, submitting } = useFormSubmit({
    mutation: change,
    toInput: ({ currentPassword, newPassword }: Values) => ({ currentPassword, newPassword }),
    successMessage: t('auth.passwordChanged'),
    onSaved: async () => {
      form.resetFields();
      const user = await refreshMe().catch(() => null);
      if (user) void navigate(landingPath(user), { replace: true });
    },
  });
  const mustChange = me.data?.restriction === 'password_change';

  return (
    <div style={{ maxWidth: 560 }}>
      <PageHeader title={t('auth.changePassword')} />
      {mustChange && (
        <Alert type="warning" showIcon title={t('auth.mustChange')} style={{ marginBottom: 16 }} />
      )}
      <Card>
        <Alert
          type="info"
          title={t('auth.policyTitle')}
          description={
            <Space orientation="vertical" size={2}>
              {(['auth.policyLength', 'auth.policyClasses', 'auth.policyCommon'] as const).map((key) => (
                <span key={key}>
                  <CheckCircleOutlined /> {t(key)}
                </span>
              ))}
            </Space>
          }
          style={{ marginBottom: 20 }}
        />
        <Form form={form} layout="vertical" onFinish={() => void submit()} requiredMark={false}>
          <Form.Item
            name="currentPassword"
            label={t('auth.currentPassword')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.Password autoComplete="current-password" data-testid="password-current" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('auth.newPassword')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-new" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('auth.confirmPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('common.required') },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || getFieldValue('newPassword') === value
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('auth.passwordMismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-confirm" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="password-submit">
            {t('auth.changePassword')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          {t('auth.signedInAs')}：{me.data?.displayName} （{me.data?.username}）
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
