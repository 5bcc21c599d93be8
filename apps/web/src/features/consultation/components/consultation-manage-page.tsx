import { DiffOutlined, DownloadOutlined, EditOutlined, GlobalOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Popconfirm, Tabs, Tooltip } from 'antd';
import { Link, useParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { Loading, QueryError } from '@/components/query-state';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { useCloseConsultation } from '../api/close-consultation';
import { useDownloadSummary } from '../api/download-summary';
import { useConsultation } from '../api/get-consultation';
import { useOpenConsultation } from '../api/open-consultation';
import { ClauseReplies } from './clause-replies';
import { ModerationQueue } from './moderation-queue';
import { ConsultationStatusTag } from './status-tags';

/** `/consultation/:id`: open, moderate, answer by clause, close, download the summary, revise and compare. */
export function ConsultationManagePage() {
  const { id = '' } = useParams();
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const showError = useShowError();
  const query = useConsultation(id);
  const open = useOpenConsultation();
  const close = useCloseConsultation();
  const summary = useDownloadSummary();
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  const done = {
    onSuccess: () => void message.success(t('consultation.manage.saved')),
    onError: (e: unknown) => showError(e),
  };
  const pending = c.comments.filter((m) => m.status === 'pending').length;
  return (
    <>
      <PageHeader
        back
        title={
          <>
            {c.title} <ConsultationStatusTag status={c.status} />
          </>
        }
        extra={
          <>
            {c.status !== 'draft' && (
              <Link to={`/consultations/${c.id}`} target="_blank">
                <Button icon={<GlobalOutlined />}>{t('consultation.manage.publicPage')}</Button>
              </Link>
            )}
            {c.abilities.open && (
              <Popconfirm
                title={t('consultation.manage.openConfirm')}
                onConfirm={() => open.mutate(c.id, done)}
              >
                <Button type="primary" loading={open.isPending} data-testid="consultation-open">
                  {t('consultation.manage.open')}
                </Button>
              </Popconfirm>
            )}
            {c.status === 'open' && (
              <Tooltip
                title={c.abilities.close ? undefined : t('consultation.manage.closeBlocked', c.openWork)}
              >
                <Popconfirm
                  title={t('consultation.manage.closeConfirm')}
                  disabled={!c.abilities.close}
                  onConfirm={() => close.mutate(c.id, done)}
                >
                  <Button
                    danger
                    disabled={!c.abilities.close}
                    loading={close.isPending}
                    data-testid="consultation-close"
                  >
                    {t('consultation.manage.close')}
                  </Button>
                </Popconfirm>
              </Tooltip>
            )}
            {c.status === 'closed' && (
              <>
                <Link to={`/consultations/${c.id}/summary`} target="_blank">
                  <Button data-testid="summary-view">{t('consultation.manage.summary')}</Button>
                </Link>
                {(['docx', 'pdf'] as const).map((format) => (
                  <Button
                    key={format}
                    icon={<DownloadOutlined />}
                    data-testid={`summary-${format}`}
                    onClick={() =>
                      summary.mutate({ id: c.id, format, lang }, { onError: (e: unknown) => showError(e) })
                    }
                  >
                    {t(
                      format === 'docx'
                        ? 'consultation.manage.summaryDocx'
                        : 'consultation.manage.summaryPdf',
                    )}
                  </Button>
                ))}
              </>
            )}
            {c.abilities.revise && (
              <Link to={`/consultation/${c.id}/revision`}>
                <Button icon={<EditOutlined />} data-testid="consultation-revise">
                  {t('consultation.manage.revise')}
                </Button>
              </Link>
            )}
            {c.status === 'closed' && (
              <Link to={`/consultation/${c.id}/diff`}>
                <Button icon={<DiffOutlined />} data-testid="consultation-diff">
                  {t('consultation.manage.diff')}
                </Button>
              </Link>
            )}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('consultation.list.plan')}>
            {c.plan.title}（{t('consultation.list.version', { version: c.plan.version })}）
          </Descriptions.Item>
          <Descriptions.Item label={t('consultation.list.period')}>
            {formatDate(c.opensAt)} ~ {formatDate(c.closesAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('consultation.list.comments')}>
            {pending} / {c.comments.filter((m) => m.status === 'published').length} /{' '}
            {c.comments.filter((m) => m.status === 'rejected').length}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'queue',
              label: (
                <span data-testid="tab-queue">{t('consultation.manage.tab.queue', { count: pending })}</span>
              ),
              children: (
                <ModerationQueue
                  consultationId={c.id}
                  clauses={c.clauses}
                  comments={c.comments}
                  canModerate={c.abilities.moderate}
                />
              ),
            },
            {
              key: 'clauses',
              label: <span data-testid="tab-clauses">{t('consultation.manage.tab.clauses')}</span>,
              children: (
                <ClauseReplies clauses={c.clauses} comments={c.comments} canReply={c.abilities.reply} />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
