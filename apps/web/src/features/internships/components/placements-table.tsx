import { Empty, Space, Tag } from 'antd';
import { Link } from 'react-router';
import { QueryState } from '@/components/query-state';
import { ResponsiveTable } from '@/components/responsive-table';
import { useT } from '@/lib/i18n';
import { byDate, byText } from '@/lib/sorters';
import { usePlacements, type PlacementFilter } from '../api/get-placements';
import { PlacementStateTag } from './internship-tags';

/** A document on file (协议 ✓, green) or missing (保险 ✗, red); the mark is spoken as its word. */
export function Tick({ ok, label }: { ok: boolean; label: string }) {
  const t = useT();
  return (
    <Tag color={ok ? 'green' : 'red'} style={{ marginInlineEnd: 0 }}>
      {label} <span aria-hidden>{ok ? '✓' : '✗'}</span>
      <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)' }}>
        {t(ok ? 'internships.onFile' : 'internships.missing')}
      </span>
    </Tag>
  );
}

/** The placements the user sees (of one post, or filtered), with their documents on file. */
export function PlacementsTable({ filter }: { filter: PlacementFilter }) {
  const t = useT();
  const placements = usePlacements(filter);
  return (
    <QueryState query={placements}>
      {(items) => (
        <ResponsiveTable
          size="small"
          rowKey="id"
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: <Empty description={t('internships.placements.empty')} /> }}
          columns={[
            {
              title: t('internships.student'),
              key: 'student',
              sorter: byText((p) => p.student.name),
              render: (_, p) => (
                <Link to={`/internships/placements/${p.id}`} data-testid="placement-link">
                  {p.student.name}
                </Link>
              ),
            },
            { title: t('internships.idNumber'), key: 'id', width: 170, render: (_, p) => p.student.idMasked },
            {
              title: t('internships.school'),
              key: 'school',
              width: 120,
              sorter: byText((p) => p.school.name),
              render: (_, p) => p.school.name,
            },
            {
              title: t('internships.post'),
              key: 'post',
              render: (_, p) => `${p.enterprise.name} · ${p.post.title}`,
            },
            {
              title: t('internships.period'),
              key: 'period',
              width: 190,
              sorter: byDate((p) => p.startsOn),
              render: (_, p) => `${p.startsOn} ~ ${p.endsOn}`,
            },
            {
              title: t('internships.documents'),
              key: 'documents',
              width: 220,
              render: (_, p) => (
                <Space size={8} wrap>
                  <Tick ok={p.documents.agreement} label={t('internships.doc.agreement')} />
                  <Tick ok={p.documents.consent} label={t('internships.doc.consent')} />
                  <Tick ok={p.documents.insurance} label={t('internships.doc.insurance')} />
                </Space>
              ),
            },
            {
              title: t('internships.state'),
              key: 'state',
              width: 90,
              render: (_, p) => <PlacementStateTag state={p.state} />,
            },
          ]}
        />
      )}
    </QueryState>
  );
}
