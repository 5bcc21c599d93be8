import { DQ_LEVEL_LABELS } from '@zhijiao/contracts';
import { Card, Descriptions, Drawer, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryState } from '@/components/query-state';
import { apiUrl } from '@/lib/api-client';
import { formatBytes, formatDateTime } from '@/lib/format';
import type { MessageKey } from '@/lib/i18n';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useApplication } from '../api/get-application';
import { ApplicationActions } from './application-actions';
import { CriteriaTable } from './criteria-table';
import { DqStateTag } from './teacher-tags';

/** One 双师型 application for its reviewers: the teacher, statement, evidence, criteria, history, actions. */
export function ApplicationDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const application = useApplication(id ?? undefined);
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={720}
      destroyOnHidden
      title={t('teachers.dq.application')}
    >
      <QueryState query={application}>
        {(a) => (
          <div data-testid="dq-application" data-state={a.state}>
            <Descriptions size="small" column={2}>
              <Descriptions.Item label={t('teachers.col.name')}>
                <Link to={`/teachers/${a.teacher.id}`}>{a.teacher.name}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('teachers.col.school')}>{a.school.name}</Descriptions.Item>
              <Descriptions.Item label={t('teachers.col.level')}>
                {pick(DQ_LEVEL_LABELS[a.level], lang)}
              </Descriptions.Item>
              <Descriptions.Item label={t('teachers.col.state')}>
                <DqStateTag state={a.state} />
              </Descriptions.Item>
              <Descriptions.Item label={t('teachers.col.submittedAt')}>
                {formatDateTime(a.submittedAt)}
              </Descriptions.Item>
              {a.recognition && (
                <Descriptions.Item label={t('teachers.col.validity')}>
                  {`${a.recognition.validFrom} ~ ${a.recognition.validUntil}`}
                </Descriptions.Item>
              )}
            </Descriptions>
            {a.statement && (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.statement}</Typography.Paragraph>
            )}
            {a.evidence.length > 0 && (
              <Typography.Paragraph>
                {t('teachers.dq.evidence')}：
                {a.evidence.map((f) => (
                  <a
                    key={f.id}
                    href={apiUrl('/api/files/{id}', { id: f.id })}
                    style={{ marginInlineEnd: 12 }}
                  >
                    {f.name}（{formatBytes(f.sizeBytes)}）
                  </a>
                ))}
              </Typography.Paragraph>
            )}
            <Card size="small" title={t('teachers.dq.criteria')}>
              <CriteriaTable application={a} />
            </Card>
            <ApplicationActions application={a} />
            <Card size="small" title={t('teachers.dq.history')} style={{ marginTop: 16 }}>
              <Timeline
                items={a.events.map((e) => ({
                  content: (
                    <>
                      {formatDateTime(e.at)} {e.actor ?? ''} · {t(`teachers.event.${e.action}` as MessageKey)}
                      {e.comment && <Typography.Text type="secondary">：{e.comment}</Typography.Text>}
                    </>
                  ),
                }))}
              />
            </Card>
          </div>
        )}
      </QueryState>
    </Drawer>
  );
}
