import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Table } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { can } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useSeasons } from '../api/get-seasons';
import { CreateSeasonModal } from './create-season-modal';
import { SeasonStateTag } from './enrollment-tags';
import { EnrollmentTabs } from './enrollment-tabs';

/** `/enrollment`: the seasons (招生季) of the district; 招生办 creates one per admission year. */
export function SeasonsPage() {
  const t = useT();
  const me = useSession();
  const seasons = useSeasons();
  const [creating, setCreating] = useState(false);
  const manage = can(me, 'enrollment.manage');
  return (
    <div data-testid="enrollment-seasons-page">
      <EnrollmentTabs />
      <PageHeader
        title={t('enrollment.seasons.title')}
        subtitle={t('enrollment.seasons.subtitle')}
        extra={
          manage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="season-create"
            >
              {t('enrollment.seasons.create')}
            </Button>
          )
        }
      />
      <Card size="small">
        <QueryState query={seasons}>
          {(items) => (
            <Table
              size="small"
              rowKey="id"
              dataSource={items}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              onRow={(s, index) =>
                ({
                  'data-testid': `season-row-${index ?? 0}`,
                  'data-id': s.id,
                }) as HTMLAttributes<HTMLElement>
              }
              locale={{
                emptyText: (
                  <Empty
                    description={manage ? t('enrollment.seasons.emptyManage') : t('enrollment.seasons.empty')}
                  />
                ),
              }}
              columns={[
                { title: t('enrollment.col.year'), dataIndex: 'admissionYear', width: 110 },
                {
                  title: t('enrollment.col.season'),
                  key: 'name',
                  render: (_, s) => <Link to={`/enrollment/seasons/${s.id}`}>{s.name}</Link>,
                },
                {
                  title: t('enrollment.col.subjects'),
                  key: 'subjects',
                  render: (_, s) => s.subjects.map((x) => x.name).join('、'),
                },
                {
                  title: t('enrollment.col.tieBreak'),
                  key: 'tieBreak',
                  render: (_, s) =>
                    s.tieBreak.map((k) => s.subjects.find((x) => x.key === k)?.name ?? k).join(' → ') || '—',
                },
                {
                  title: t('enrollment.col.state'),
                  key: 'state',
                  width: 110,
                  render: (_, s) => <SeasonStateTag state={s.state} />,
                },
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 100,
                  render: (_, s) => (
                    <Link to={`/enrollment/seasons/${s.id}`}>
                      {s.abilities.manage && s.state !== 'closed'
                        ? t('enrollment.seasons.manage')
                        : t('common.view')}
                    </Link>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
      <CreateSeasonModal open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
