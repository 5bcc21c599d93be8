import { PROJECT_KIND_LABELS } from '@zhijiao/contracts';
import { Descriptions, Drawer, Empty, List, Timeline, Typography } from 'antd';
import { QueryState } from '@/components/query-state';
import { apiUrl } from '@/lib/api-client';
import { formatBytes, formatDateTime } from '@/lib/format';
import type { MessageKey } from '@/lib/i18n';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useProject } from '../api/get-project';
import { LevelTag, ProjectStateTag } from './program-tags';
import { ProjectActions } from './project-actions';

/** One project: what it is, its files by stage, the reviews, the history and the next steps. */
export function ProjectDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const project = useProject(id);
  return (
    <Drawer open={!!id} width={640} onClose={onClose} title={project.data?.title ?? ''} destroyOnHidden>
      {id && (
        <QueryState query={project}>
          {(p) => (
            <div data-testid="project-drawer">
              <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
                <Descriptions.Item label={t('programs.projects.kind')}>
                  {pick(PROJECT_KIND_LABELS[p.kind], lang)}
                </Descriptions.Item>
                <Descriptions.Item label={t('programs.projects.state')}>
                  <ProjectStateTag state={p.state} />
                </Descriptions.Item>
                <Descriptions.Item label={t('programs.school')}>{p.school.name}</Descriptions.Item>
                <Descriptions.Item label={t('programs.projects.level')}>
                  <LevelTag level={p.level} />
                </Descriptions.Item>
                {p.major || p.course || p.teacherName ? (
                  <Descriptions.Item
                    label={t(
                      p.teacherName
                        ? 'programs.projects.teacher'
                        : p.major
                          ? 'programs.major'
                          : 'programs.course',
                    )}
                    span={2}
                  >
                    {p.teacherName || p.major?.name || p.course?.name}
                  </Descriptions.Item>
                ) : null}
                <Descriptions.Item label={t('programs.projects.score')}>
                  {p.averageScore ?? '–'}
                </Descriptions.Item>
                <Descriptions.Item label={t('programs.projects.approvedOn')}>
                  {p.approvedOn ?? '–'}
                </Descriptions.Item>
                {p.decisionNote ? (
                  <Descriptions.Item label={t('programs.projects.note')} span={2}>
                    {p.decisionNote}
                  </Descriptions.Item>
                ) : null}
              </Descriptions>
              {p.summary && <Typography.Paragraph>{p.summary}</Typography.Paragraph>}
              <ProjectActions project={p} />
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('programs.projects.files')}
              </Typography.Title>
              <List
                size="small"
                dataSource={p.files}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
                renderItem={(f) => (
                  <List.Item>
                    <a href={apiUrl('/api/files/{id}', { id: f.id })}>{f.name}</a>
                    <Typography.Text type="secondary">
                      {t(`programs.projects.stage.${f.stage}` as MessageKey)} · {formatBytes(f.sizeBytes)}
                    </Typography.Text>
                  </List.Item>
                )}
              />
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('programs.projects.reviews')}
              </Typography.Title>
              <List
                size="small"
                dataSource={p.reviews}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
                renderItem={(r) => (
                  <List.Item>
                    <List.Item.Meta
                      title={`${r.reviewer ?? t('programs.projects.anonymousReviewer')}${r.score !== null ? `：${r.score}` : ''}`}
                      description={r.opinion}
                    />
                  </List.Item>
                )}
              />
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('programs.projects.history')}
              </Typography.Title>
              <Timeline
                items={p.events.map((e) => ({
                  children: (
                    <>
                      <Typography.Text strong>
                        {t(`programs.projects.event.${e.action}` as MessageKey)}
                      </Typography.Text>{' '}
                      <Typography.Text type="secondary">
                        {e.actorName} · {formatDateTime(e.at)}
                      </Typography.Text>
                      {e.comment && <div>{e.comment}</div>}
                    </>
                  ),
                }))}
              />
            </div>
          )}
        </QueryState>
      )}
    </Drawer>
  );
}
