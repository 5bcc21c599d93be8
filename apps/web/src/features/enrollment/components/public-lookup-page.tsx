import { FilePdfOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '@/lib/api-error';
import { describeError } from '@/lib/error-text';
import { useT } from '@/lib/i18n';
import { useLang } from '@/lib/lang';
import { downloadPublicNotice, useLookupResult, type LookupBody } from '../api/lookup-result';
import { LookupResultView } from './lookup-result-view';
import { PublicLayout } from '@/components/public-layout';
import { PublicSeasonSelect, usePublicSeasonChoice } from './public-season-select';

/**
 * `/public/enrollment/results` (no sign-in): a candidate looks up their result with exam number and
 * ID number — the result, and why (the 投档线 of every program listed above the one obtained), and
 * the admission notice. The ID number is sent only in a POST body and kept only in this page.
 */
export function PublicLookupPage() {
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const choice = usePublicSeasonChoice();
  const [form] = Form.useForm<{ examNumber: string; idNumber: string }>();
  const lookup = useLookupResult();
  const [asked, setAsked] = useState<LookupBody | null>(null);
  const [downloading, setDownloading] = useState(false);
  const submit = async () => {
    if (!choice.season) return;
    let v: { examNumber: string; idNumber: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const body = { seasonId: choice.season.id, examNumber: v.examNumber.trim(), idNumber: v.idNumber.trim() };
    setAsked(null);
    lookup.mutate(body, { onSuccess: () => setAsked(body) });
  };
  const error = lookup.error;
  const errorText =
    error && isApiError(error) && error.status === 404
      ? t('enrollment.public.notFound')
      : error
        ? describeError(error, lang)
        : null;
  const notice = () => {
    if (!asked) return;
    setDownloading(true);
    downloadPublicNotice(asked)
      .catch((e: unknown) => message.error(describeError(e, lang)))
      .finally(() => setDownloading(false));
  };
  return (
    <PublicLayout footer={t('enrollment.public.footer')}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="public-lookup-page">
        <Card>
          <Typography.Title level={1} style={{ marginTop: 0, fontSize: 24 }}>
            {t('enrollment.public.lookupTitle')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('enrollment.public.lookupHint')}</Typography.Paragraph>
          {choice.seasons.data?.length === 0 ? (
            <Empty description={t('enrollment.public.noSeasons')} />
          ) : (
            <Form
              form={form}
              layout="vertical"
              onFinish={() => void submit()}
              autoComplete="off"
              style={{ maxWidth: 420 }}
            >
              <Form.Item label={t('enrollment.season')}>
                <PublicSeasonSelect choice={choice} />
              </Form.Item>
              <Form.Item
                name="examNumber"
                label={t('enrollment.col.examNumber')}
                rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 32 }]}
              >
                <Input maxLength={32} data-testid="lookup-exam-number" />
              </Form.Item>
              <Form.Item
                name="idNumber"
                label={t('enrollment.col.idNumber')}
                extra={t('enrollment.public.idHint')}
                rules={[
                  { required: true, whitespace: true, message: t('common.required') },
                  { pattern: /^\s*\d{17}[\dXx]\s*$/, message: t('enrollment.public.idFormat') },
                ]}
              >
                <Input.Password maxLength={32} autoComplete="off" data-testid="lookup-id-number" />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                icon={<SearchOutlined />}
                loading={lookup.isPending}
                disabled={!choice.season}
                data-testid="lookup-submit"
              >
                {t('enrollment.public.lookup')}
              </Button>
            </Form>
          )}
          {errorText && (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 16 }}
              title={errorText}
              data-testid="lookup-error"
            />
          )}
        </Card>
        {lookup.data && asked && (
          <LookupResultView
            result={lookup.data}
            action={
              lookup.data.status === 'admitted' && (
                <Button
                  icon={<FilePdfOutlined />}
                  loading={downloading}
                  onClick={notice}
                  data-testid="lookup-notice"
                >
                  {t('enrollment.public.notice')}
                </Button>
              )
            }
          />
        )}
      </Space>
    </PublicLayout>
  );
}
