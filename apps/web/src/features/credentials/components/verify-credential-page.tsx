import { SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { PublicLayout } from '@/components/public-layout';
import { describeError } from '@/lib/error-text';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useLang } from '@/lib/lang';
import {
  MAX_CREDENTIAL_CHARS,
  useVerifyCredential,
  type CredentialVerification,
} from '../api/verify-credential';
import { isTranscript, TranscriptLines } from './transcript-lines';

/**
 * `/public/credentials/verify` (no sign-in): 验证电子证书. Anyone pastes a credential (a VC-JWT) or
 * picks its `.jwt` / `.txt` file and sees the issuer, the achievement, the holder's name as the
 * credential holds it, the issue date, whether the signature holds and whether it is revoked —
 * every refusal's reason in the page's language; a transcript (学分档案) also shows each line with
 * its credits, the totals, and that it is a snapshot as of its issue date. The file is read in the browser; only its text
 * is sent, and the server keeps nothing of it.
 */
export function VerifyCredentialPage() {
  const t = useT();
  const lang = useLang();
  const verify = useVerifyCredential();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);

  const submit = () => {
    const credential = text.trim();
    if (!credential) return setProblem(t('credentials.verify.required'));
    setProblem(null);
    verify.mutate(credential);
  };
  const readFile = async (file: File) => {
    if (file.size > MAX_CREDENTIAL_CHARS) {
      setProblem(t('credentials.verify.fileTooLarge'));
      return;
    }
    const content = (await file.text()).trim();
    setText(content);
    setFileName(file.name);
    setProblem(null);
    verify.reset();
    if (content) verify.mutate(content);
  };

  return (
    <PublicLayout>
      <Flex vertical gap={16} data-testid="verify-credential-page">
        <Card>
          <Typography.Title level={1} style={{ marginTop: 0, fontSize: 24 }}>
            <SafetyCertificateOutlined /> {t('credentials.verify.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('credentials.verify.hint')}</Typography.Paragraph>
          <Form layout="vertical" onFinish={submit}>
            <Form.Item label={t('credentials.verify.input')} htmlFor="credential-text">
              <Input.TextArea
                id="credential-text"
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  setFileName(null);
                }}
                placeholder={t('credentials.verify.placeholder')}
                autoSize={{ minRows: 4, maxRows: 10 }}
                maxLength={MAX_CREDENTIAL_CHARS}
                spellCheck={false}
                style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
                data-testid="credential-text"
              />
            </Form.Item>
            <Flex gap={8} wrap>
              <Button
                type="primary"
                htmlType="submit"
                icon={<SafetyCertificateOutlined />}
                loading={verify.isPending}
                data-testid="credential-verify"
              >
                {t('credentials.verify.submit')}
              </Button>
              <Upload
                accept=".jwt,.txt,text/plain,application/jwt"
                maxCount={1}
                showUploadList={false}
                beforeUpload={(file) => {
                  void readFile(file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} data-testid="credential-upload">
                  {t('credentials.verify.upload')}
                </Button>
              </Upload>
              <Button
                onClick={() => {
                  setText('');
                  setFileName(null);
                  setProblem(null);
                  verify.reset();
                }}
              >
                {t('credentials.verify.clear')}
              </Button>
            </Flex>
            {fileName && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                {t('credentials.verify.fileRead', { name: fileName })}
              </Typography.Paragraph>
            )}
          </Form>
          {(problem ?? verify.error) && (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 16 }}
              title={problem ?? describeError(verify.error, lang)}
              data-testid="credential-error"
            />
          )}
        </Card>
        {verify.data && <VerificationResult answer={verify.data} />}
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('credentials.verify.standards')}
        </Typography.Paragraph>
      </Flex>
    </PublicLayout>
  );
}

/** The answer: a verdict, its reasons, and what the credential says when its signature holds. */
function VerificationResult({ answer }: { answer: CredentialVerification }) {
  const t = useT();
  const lang = useLang();
  const c = answer.credential;
  const verdict = answer.valid
    ? { type: 'success' as const, title: t('credentials.verify.valid') }
    : answer.revoked
      ? { type: 'error' as const, title: t('credentials.verify.revoked') }
      : { type: 'error' as const, title: t('credentials.verify.invalid') };
  const yesNo = (ok: boolean | null, yes: string, no: string) =>
    ok === null ? (
      <Tag>{t('credentials.verify.unknown')}</Tag>
    ) : (
      <Tag color={ok ? 'success' : 'error'}>{ok ? yes : no}</Tag>
    );
  const wrap = { wordBreak: 'break-all' as const };
  return (
    <Card data-testid="credential-result">
      <Alert
        type={verdict.type}
        showIcon
        title={<span data-testid="credential-verdict">{verdict.title}</span>}
        description={
          answer.valid ? (
            t('credentials.verify.validHint')
          ) : (
            <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="credential-reasons">
              {answer.reasons.map((r) => (
                <li key={r.code}>{lang === 'en' ? r.en : r.zh}</li>
              ))}
            </ul>
          )
        }
        style={{ marginBottom: 16 }}
      />
      <Descriptions column={1} bordered size="small" styles={{ label: { width: 120 } }}>
        {c && (
          <>
            <Descriptions.Item label={t('credentials.verify.issuer')}>
              <span data-testid="credential-issuer">{c.issuer.name ?? t('credentials.verify.none')}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('credentials.verify.achievement')}>
              <Typography.Text strong data-testid="credential-achievement">
                {c.achievement.name}
              </Typography.Text>
              {c.achievement.description && (
                <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                  {c.achievement.description}
                </Typography.Paragraph>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('credentials.verify.holder')}>
              <span data-testid="credential-holder">{c.holderName ?? t('credentials.verify.none')}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('credentials.verify.issuedOn')}>
              <span data-testid="credential-issued-on">{formatDate(c.validFrom)}</span>
            </Descriptions.Item>
            {c.validUntil && (
              <Descriptions.Item label={t('credentials.verify.validUntil')}>
                {formatDate(c.validUntil)}
              </Descriptions.Item>
            )}
          </>
        )}
        <Descriptions.Item label={t('credentials.verify.signature')}>
          <span data-testid="credential-signature">
            {yesNo(
              answer.signatureValid,
              t('credentials.verify.signatureValid'),
              t('credentials.verify.signatureInvalid'),
            )}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('credentials.verify.status')}>
          <span data-testid="credential-status">
            {yesNo(
              answer.revoked === null ? null : !answer.revoked,
              t('credentials.verify.notRevoked'),
              t('credentials.verify.isRevoked'),
            )}
          </span>
        </Descriptions.Item>
        {c && (
          <>
            <Descriptions.Item label={t('credentials.verify.credentialId')}>
              <Typography.Text style={wrap} type="secondary">
                {c.id}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('credentials.verify.issuerDid')}>
              <Typography.Text style={wrap} type="secondary">
                {c.issuer.id}
              </Typography.Text>
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      {c && isTranscript(c) && <TranscriptLines credential={c} />}
    </Card>
  );
}
