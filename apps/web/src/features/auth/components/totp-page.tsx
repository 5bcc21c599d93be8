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

/** `/account/totp`: administrators generate a TOTP secret (shown as text) and confirm it with a code. */
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
  const enrolment = begin.data;

  const start = () => begin.mutate(undefined, { onError: (error) => showError(error) });

  return (
    <div style={{ maxWidth: 720 }}>
      <PageHeader title={t('auth.totpTitle')} />
      <Card>
        <Typography.Paragraph>{t('auth.totpIntro')}</Typography.Paragraph>
        {!enrolment && me.data?.totpEnabled && !me.data.restriction && (
          <Result status="success" title={t('auth.totpDone')} subTitle={t('auth.totpEnabled')} />
        )}
        {!enrolment && (
          <Button type="primary" onClick={start} loading={begin.isPending} data-testid="totp-start">
            {me.data?.totpEnabled ? t('auth.totpRegenerate') : t('auth.totpStart')}
          </Button>
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
