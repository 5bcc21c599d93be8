import { Space, Tag } from 'antd';
import { Link } from 'react-router';
import { QueryState } from '@/components/query-state';
import { RecordTable } from '@/components/record-list-page';
import { useT } from '@/lib/i18n';
import { useLang } from '@/lib/lang';
import { useSession } from '@/lib/session';
import { byDate, byText } from '@/lib/sorters';
import { usePlacements, type PlacementFilter } from '../api/get-placements';
import { isEnterprise, placesStudents } from '../access';
import { Period, PlacementStateTag, unitFilters } from './internship-tags';

/**
 * A document on file (协议 ✓, green) or missing (保险 ✗, red); the mark is spoken as its word, and
 * a short label (协议) carries the full name (三方协议) as its title.
 */
export function Tick({ ok, label, title }: { ok: boolean; label: string; title?: string }) {
  const t = useT();
  return (
    <Tag color={ok ? 'green' : 'red'} style={{ marginInlineEnd: 0 }} title={title}>
      {label} <span aria-hidden>{ok ? '✓' : '✗'}</span>
      <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)' }}>
        {t(ok ? 'internships.onFile' : 'internships.missing')}
      </span>
    </Tag>
  );
}

/**
 * The placements the user sees (of one post, or filtered), with their documents on file. A column
 * that would repeat the same name on every row is left out: the school for a school's own list,
 * the post on a post's page.
 */
export function PlacementsTable({ filter }: { filter: PlacementFilter }) {
  const t = useT();
  const me = useSession();
  const placements = usePlacements(filter);
  const lang = useLang();
  const ownSchool = placesStudents(me);
  const ownEnterprise = isEnterprise(me);
  const doc = (d: 'agreement' | 'consent' | 'insurance', ok: boolean) => (
    <Tick ok={ok} label={t(`internships.doc.short.${d}`)} title={t(`internships.doc.${d}`)} />
  );
  return (
    <QueryState query={placements}>
      {(items) => (
        <RecordTable
          dataSource={items}
          emptyText={t('internships.placements.empty')}
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
            {
              title: t('internships.idNumber'),
              key: 'id',
              width: 170,
              render: (_, p) => p.student.idMasked,
            },
            {
              title: t('internships.school'),
              key: 'school',
              width: 120,
              hidden: ownSchool,
              sorter: byText((p) => p.school.name),
              filters: unitFilters(items.map((p) => p.school)),
              onFilter: (value, p) => p.school.id === value,
              render: (_, p) => p.school.name,
            },
            {
              title: t('internships.post'),
              key: 'post',
              hidden: !!filter.postId,
              filters: unitFilters(items.map((p) => p.enterprise)),
              onFilter: (value, p) => p.enterprise.id === value,
              render: (_, p) => (
                <>
                  {!ownEnterprise && `${p.enterprise.name} · `}
                  <Link to={`/internships/posts/${p.post.id}`}>{p.post.title}</Link>
                </>
              ),
            },
            {
              title: t('internships.period'),
              key: 'period',
              width: 210,
              sorter: byDate((p) => p.startsOn),
              render: (_, p) => <Period from={p.startsOn} to={p.endsOn} />,
            },
            {
              title: t('internships.documents'),
              key: 'documents',
              width: lang === 'en' ? 290 : 210,
              render: (_, p) => (
                <Space size={4} wrap={false}>
                  {doc('agreement', p.documents.agreement)}
                  {doc('consent', p.documents.consent)}
                  {doc('insurance', p.documents.insurance)}
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
