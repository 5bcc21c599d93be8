import { INTERNSHIP_KIND_LABELS, INTERNSHIP_KINDS, POST_STATE_LABELS, POST_STATES } from '@zhijiao/contracts';
import { Link, useNavigate } from 'react-router';
import { ExportButton } from '@/components/export-button';
import { ChoiceFilter, YearFilter } from '@/components/list-filters';
import { QueryState } from '@/components/query-state';
import { RecordListPage, RecordTable } from '@/components/record-list-page';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useSession } from '@/lib/session';
import { formatNumber } from '@/lib/format';
import { byDate, byNumber, byText } from '@/lib/sorters';
import { useUrlFilters } from '@/lib/url-filters';
import { usePosts } from '../api/get-posts';
import { isEnterprise } from '../access';
import { Period, PostStateTag, unitFilters } from './internship-tags';
import { InternshipsTabs } from './internships-tabs';
import { PostFormModal } from './post-form-modal';

/**
 * `/internships/posts`: 实习岗位 — an enterprise's own posts, or the district's published posts a
 * school places students on (`?year=&state=&kind=`); a row opens the post.
 */
export function PostsPage() {
  const t = useT();
  const lang = useLang();
  const me = useSession();
  const navigate = useNavigate();
  const [filter, setFilter] = useUrlFilters({ year: 'number', state: POST_STATES, kind: INTERNSHIP_KINDS });
  const posts = usePosts(filter);
  const enterprise = isEnterprise(me);
  return (
    <RecordListPage
      testId="internship-posts-page"
      tabs={<InternshipsTabs />}
      title={t('internships.posts.title')}
      subtitle={t('internships.posts.subtitle')}
      actions={
        <ExportButton path="/api/internship-posts/export.xlsx" query={filter} filename="实习岗位.xlsx" />
      }
      create={
        enterprise && {
          label: t('internships.posts.add'),
          testId: 'new-post',
          form: (modal) => (
            <PostFormModal {...modal} onSaved={(id) => navigate(`/internships/posts/${id}`)} />
          ),
        }
      }
      filters={
        <>
          <YearFilter
            label={t('internships.year')}
            width={120}
            value={filter.year}
            onChange={(v) => setFilter('year', v)}
          />
          <ChoiceFilter
            label={t('internships.state')}
            width={140}
            values={POST_STATES}
            labels={POST_STATE_LABELS}
            value={filter.state}
            onChange={(v) => setFilter('state', v)}
          />
          <ChoiceFilter
            label={t('internships.kind')}
            width={140}
            values={INTERNSHIP_KINDS}
            labels={INTERNSHIP_KIND_LABELS}
            value={filter.kind}
            onChange={(v) => setFilter('kind', v)}
          />
        </>
      }
    >
      <QueryState query={posts}>
        {(items) => (
          <RecordTable
            dataSource={items}
            emptyText={t('internships.posts.empty')}
            columns={[
              {
                title: t('internships.posts.name'),
                dataIndex: 'title',
                sorter: byText((p) => p.title),
                render: (title: string, p) => (
                  <Link to={`/internships/posts/${p.id}`} data-testid="post-link">
                    {title}
                  </Link>
                ),
              },
              {
                title: t('internships.enterprise'),
                key: 'enterprise',
                width: 120,
                // An enterprise sees its own posts only: the column would repeat its name.
                hidden: enterprise,
                sorter: byText((p) => p.enterprise.name),
                filters: unitFilters(items.map((p) => p.enterprise)),
                onFilter: (value, p) => p.enterprise.id === value,
                render: (_, p) => p.enterprise.name,
              },
              {
                title: t('internships.kind'),
                key: 'kind',
                width: lang === 'en' ? 130 : 90,
                render: (_, p) => pick(INTERNSHIP_KIND_LABELS[p.kind], lang),
              },
              {
                title: t('internships.year'),
                dataIndex: 'year',
                width: 80,
                sorter: byNumber((p) => p.year),
              },
              {
                title: t('internships.posts.places'),
                key: 'places',
                width: 110,
                render: (_, p) => `${p.placed} / ${p.places}`,
              },
              {
                title: t('internships.period'),
                key: 'period',
                width: 210,
                sorter: byDate((p) => p.startsOn),
                render: (_, p) => <Period from={p.startsOn} to={p.endsOn} />,
              },
              {
                title: t('internships.payColumn'),
                dataIndex: 'monthlyPay',
                width: 110,
                align: 'right',
                sorter: byNumber((p) => p.monthlyPay),
                render: (pay: number) => (pay > 0 ? formatNumber(pay) : t('internships.unpaid')),
              },
              {
                title: t('internships.state'),
                key: 'state',
                width: 90,
                render: (_, p) => <PostStateTag state={p.state} />,
              },
            ]}
          />
        )}
      </QueryState>
    </RecordListPage>
  );
}
