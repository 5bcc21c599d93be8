import { CENTRE_KIND_LABELS, CENTRE_PROJECT_KIND_LABELS } from '@zhijiao/contracts';
import { Button, Card, Descriptions, Empty, Space, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { ResponsiveTable } from '@/components/responsive-table';
import { formatNumber } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useCentre, useCloseCentre, type Centre } from '../api/centres';
import { CentreFormModal, ProjectFormModal } from './centre-forms';
import { CentreStateTag, CooperationTabs, Period, ReasonModal } from './shared';

type Project = Centre['projects'][number];
const count = (n: number | null) => (n === null ? '–' : formatNumber(n));

/** `/cooperation/centres/:id`: one centre or factory — partners, projects with their counts, steps. */
export function CentrePage() {
  const { id = '' } = useParams();
  const t = useT();
  const lang = useLang();
  const query = useCentre(id);
  const closeCentre = useCloseCentre();
  const [modal, setModal] = useState<null | 'edit' | 'close' | 'project' | Project>(null);
  const close = () => setModal(null);
  return (
    <div data-testid="cooperation-centre-page">
      <CooperationTabs />
      <QueryState query={query}>
        {(c) => (
          <>
            <PageHeader
              back
              printable
              title={c.name}
              subtitle={`${pick(CENTRE_KIND_LABELS[c.kind], lang)} · ${c.school.name}`}
              extra={
                <Space wrap>
                  {c.abilities.edit && <Button onClick={() => setModal('edit')}>{t('common.edit')}</Button>}
                  {c.abilities.projects && (
                    <Button type="primary" onClick={() => setModal('project')} data-testid="new-project">
                      {t('cooperation.centres.addProject')}
                    </Button>
                  )}
                  {c.abilities.close && (
                    <Button danger onClick={() => setModal('close')}>
                      {t('cooperation.centres.close')}
                    </Button>
                  )}
                </Space>
              }
            />
            <Card size="small" style={{ marginBottom: 16 }}>
              <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
                <Descriptions.Item label={t('cooperation.status')}>
                  <CentreStateTag state={c.state} />
                </Descriptions.Item>
                <Descriptions.Item label={t('cooperation.centres.openedOn')}>
                  {c.closedOn ? <Period from={c.openedOn} to={c.closedOn} /> : c.openedOn}
                </Descriptions.Item>
                <Descriptions.Item label={t('cooperation.centres.partners')}>
                  {c.partners.map((p) => p.name).join('、') || t('cooperation.centres.noPartner')}
                </Descriptions.Item>
                <Descriptions.Item label={t('cooperation.centres.field')}>{c.field || '–'}</Descriptions.Item>
                {c.closeReason ? (
                  <Descriptions.Item label={t('cooperation.reason')} span={2}>
                    {c.closeReason}
                  </Descriptions.Item>
                ) : null}
              </Descriptions>
            </Card>
            <Card size="small" title={t('cooperation.centres.projects')}>
              {/* Under the title, not beside it: on a phone the long line left the title no room. */}
              <Typography.Paragraph type="secondary" data-testid="centre-totals">
                {t('cooperation.centres.totals', {
                  projects: c.totals.projects,
                  staff: formatNumber(c.totals.staffTrained),
                  students: formatNumber(c.totals.studentsTrained),
                  value: formatNumber(c.totals.valueYuan),
                })}
              </Typography.Paragraph>
              <ResponsiveTable
                size="small"
                rowKey="id"
                dataSource={c.projects}
                pagination={false}
                locale={{ emptyText: <Empty description={t('cooperation.centres.noProjects')} /> }}
                columns={[
                  {
                    title: t('cooperation.centres.projectTitle'),
                    dataIndex: 'title',
                    render: (title: string, p) =>
                      c.abilities.projects ? (
                        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setModal(p)}>
                          {title}
                        </Button>
                      ) : (
                        title
                      ),
                  },
                  {
                    title: t('cooperation.centres.projectKind'),
                    key: 'kind',
                    width: 110,
                    render: (_, p) => pick(CENTRE_PROJECT_KIND_LABELS[p.kind], lang),
                  },
                  {
                    title: t('cooperation.period'),
                    key: 'period',
                    width: 200,
                    render: (_, p) => <Period from={p.startsOn} to={p.endsOn} />,
                  },
                  {
                    title: t('cooperation.centres.staffTrained'),
                    key: 'staff',
                    width: 110,
                    align: 'right',
                    render: (_, p) => count(p.staffTrained),
                  },
                  {
                    title: t('cooperation.centres.studentsTrained'),
                    key: 'students',
                    width: 110,
                    align: 'right',
                    render: (_, p) => count(p.studentsTrained),
                  },
                  {
                    title: t('cooperation.centres.valueYuan'),
                    key: 'value',
                    width: 130,
                    align: 'right',
                    render: (_, p) => count(p.valueYuan),
                  },
                ]}
              />
            </Card>
            {modal === 'edit' && <CentreFormModal open centre={c} onClose={close} />}
            {modal === 'project' && <ProjectFormModal centre={c} onClose={close} />}
            {modal && typeof modal === 'object' && (
              <ProjectFormModal centre={c} project={modal} onClose={close} />
            )}
            {modal === 'close' && (
              <ReasonModal
                dated
                title={t('cooperation.centres.close')}
                mutation={closeCentre}
                toInput={(v) => ({ id: c.id, body: { closedOn: v.date, reason: v.reason } })}
                successMessage={t('cooperation.centres.closed')}
                onClose={close}
              />
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}
