import { Alert, Button, Card, Descriptions, Form, Input, Result, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useFormSubmit } from '@/components/form-modal';
import { PageHeader } from '@/components/page-header';
import { useT } from '@/lib/i18n';
import { landingPath } from '@/lib/permissions';
import { useShowError } from '@/lib/use-show-error';
import { useBeginTotp } from '../api/begin-totp';
import { useConfirmTotp } from '../api/confirm-totp';
import { useMe, useRefreshMe } from '../api/get-me';

/**
 * `/account/totp`: anyone generates a TOTP secret (shown as text) and confirms it with a code.
 * Generating one asks for the password; replacing an active one also for a current code from it.
 */
export function TotpPage() {
  const t = useT();
  const navigate = useNavigate();
  const me = useMe();
  const refreshMe = useRefreshMe();
  const begin = useBeginTotp();
  const confirm = useConfirmTotp();
  const showError = useShowError();
  const { form, submit, submitting } = useFormSubmit({
    mutation: confirm,
    toInput: ({ code }: { code: string }) => code.trim(),
    successMessage: t('auth.totpDone'),
    onSaved: async () => {
      begin.reset();
      const user = await refreshMe().catch(() => null);
      if (user) void navigate(landingPath(user), { replace: true });
    },
  });
  const [proofForm] = Form.useForm<{ currentPassword: string; code: string }>();
  const enrolment = begin.data;
  const replacing = me.data?.totpEnabled === true;

  const start = (proof: { currentPassword: string; code?: string }) =>
    begin.mutate(
      replacing
        ? { currentPassword: proof.currentPassword, code: proof.code?.trim() }
        : { currentPassword: proof.currentPassword },
      {
        onSuccess: () => proofForm.resetFields(),
        onError: (error) => showError(error, proofForm),
      },
    );

  return (
    <div style={{ maxWidth: 720 }}>
      <PageHeader title={t('auth.totpTitle')} />
      <Card>
        <Typography.Paragraph>{t('auth.totpIntro')}</Typography.Paragraph>
        {!enrolment && me.data?.totpEnabled && !me.data.restriction && (
          <Result status="success" title={t('auth.totpDone')} subTitle={t('auth.totpEnabled')} />
        )}
        {!enrolment && (
          <Form
            form={proofForm}
            layout="vertical"
            requiredMark={false}
            onFinish={start}
            style={{ maxWidth: 360 }}
          >
            <Typography.Paragraph type="secondary">
              {t(replacing ? 'auth.totpReplaceIntro' : 'auth.totpStartIntro')}
            </Typography.Paragraph>
            <Form.Item
              name="currentPassword"
              label={t('auth.currentPassword')}
              rules={[{ required: true, message: t('auth.passwordRequired') }]}
            >
              <Input.Password autoComplete="current-password" data-testid="totp-current-password" />
            </Form.Item>
            {replacing && (
              <Form.Item
                name="code"
                label={t('auth.totpCurrentCode')}
                rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('auth.totpRequired') }]}
              >
                <Input
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  style={{ width: 140 }}
                  data-testid="totp-current-code"
                />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" loading={begin.isPending} data-testid="totp-start">
              {t(replacing ? 'auth.totpRegenerate' : 'auth.totpStart')}
            </Button>
          </Form>
        )}
        {enrolment && (
          <>
            <Descriptions
              column={1}
              bordered
              size="small"
              items={[
                {
                  key: 'secret',
                  label: t('auth.totpSecret'),
                  children: (
                    <Typography.Text code copyable data-testid="totp-secret">
                      {enrolment.secret}
                    </Typography.Text>
                  ),
                },
                {
                  key: 'url',
                  label: t('auth.totpUrl'),
                  children: (
                    <Typography.Text copyable style={{ wordBreak: 'break-all' }} data-testid="totp-url">
                      {enrolment.otpauthUrl}
                    </Typography.Text>
                  ),
                },
              ]}
            />
            <Alert type="info" showIcon title={t('auth.totpScan')} style={{ margin: '16px 0' }} />
            <Form form={form} layout="inline" onFinish={() => void submit()}>
              <Form.Item
                name="code"
                label={t('auth.totpCode')}
                rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('auth.totpRequired') }]}
              >
                <Input
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  style={{ width: 140 }}
                  data-testid="totp-code"
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={submitting} data-testid="totp-confirm">
                {t('auth.totpConfirm')}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </div>
  );
}
