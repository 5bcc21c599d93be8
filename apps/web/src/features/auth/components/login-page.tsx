import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { InputRef } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '@/lib/api-error';
import { describeError, issueText } from '@/lib/error-text';
import { useT } from '@/lib/i18n';
import { useLang } from '@/lib/lang';
import { landingPath, safeNext } from '@/lib/permissions';
import { useMe } from '../api/get-me';
import { useLogin, type LoginInput } from '../api/login';
import { AuthShell } from './auth-shell';

/** `/login`: username and password; the TOTP field appears when the server asks for it. */
export function LoginPage() {
  const t = useT();
  const lang = useLang();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const login = useLogin();
  const [form] = Form.useForm<LoginInput>();
  const [needTotp, setNeedTotp] = useState(false);
  const [forgotOpen, setForgotOpen] = useState(false);
  const totpRef = useRef<InputRef>(null);

  useEffect(() => {
    if (needTotp) totpRef.current?.focus();
  }, [needTotp]);

  if (me.data && !login.isPending) {
    return (
      <Navigate to={(!me.data.restriction && safeNext(params.get('next'))) || landingPath(me.data)} replace />
    );
  }

  const onFinish = (values: LoginInput) => {
    login.mutate(
      {
        username: values.username.trim(),
        password: values.password,
        ...(needTotp && values.totp ? { totp: values.totp.trim() } : {}),
      },
      {
        onSuccess: (user) => {
          const next = safeNext(params.get('next'));
          navigate(!user.restriction && next ? next : landingPath(user), { replace: true });
        },
        onError: (error) => {
          if (
            isApiError(error) &&
            (error.code === 'AUTH_TOTP_REQUIRED' || error.code === 'AUTH_TOTP_INVALID')
          ) {
            setNeedTotp(true);
            form.setFieldValue('totp', '');
          }
        },
      },
    );
  };

  const totpPrompt = isApiError(login.error) && login.error.code === 'AUTH_TOTP_REQUIRED';

  return (
    <AuthShell title={t('auth.subtitle')}>
      {login.error && (
        <Alert
          data-testid="login-error"
          type={totpPrompt ? 'info' : 'error'}
          showIcon
          title={describeError(login.error, lang)}
          description={
            isApiError(login.error) && login.error.status === 429
              ? login.error.fieldIssues.map((issue) => issueText(issue, lang)).join(' ')
              : undefined
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on">
        <Form.Item
          name="username"
          label={t('auth.username')}
          rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" data-testid="login-username" autoFocus />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="current-password"
            data-testid="login-password"
          />
        </Form.Item>
        {needTotp && (
          <Form.Item
            name="totp"
            label={t('auth.totp')}
            extra={t('auth.totpHint')}
            rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('auth.totpRequired') }]}
          >
            <Input
              ref={totpRef}
              prefix={<SafetyOutlined />}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              data-testid="login-totp"
            />
          </Form.Item>
        )}
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={login.isPending}
          data-testid="login-submit"
        >
          {t('auth.submit')}
        </Button>
      </Form>
      <div style={{ textAlign: 'right', marginTop: 8 }}>
        <Button type="link" size="small" onClick={() => setForgotOpen((v) => !v)} data-testid="login-forgot">
          {t('auth.forgot')}
        </Button>
      </div>
      {forgotOpen && (
        <Alert type="info" showIcon title={t('auth.forgotHelp')} data-testid="login-forgot-help" />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
        {t('app.footer')}
      </Typography.Paragraph>
    </AuthShell>
  );
}
