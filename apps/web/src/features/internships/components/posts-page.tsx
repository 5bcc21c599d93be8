import { PlusOutlined } from '@ant-design/icons';
import {
  INTERNSHIP_KIND_LABELS,
  INTERNSHIP_KINDS,
  POST_STATE_LABELS,
  POST_STATES,
  type InternshipKind,
  type PostState,
} from '@zhijiao/contracts';
import { Button, Card, Empty, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ExportButton } from '@/components/export-button';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { ResponsiveTable } from '@/components/responsive-table';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useSession } from '@/lib/session';
import { formatNumber } from '@/lib/format';
import { byDate, byNumber, byText } from '@/lib/sorters';
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
  const [params, setParams] = useSearchParams();
  const filter = {
    year: params.get('year') ? Number(params.get('year')) : undefined,
    state: (params.get('state') as PostState | null) ?? undefined,
    kind: (params.get('kind') as InternshipKind | null) ?? undefined,
  };
  const posts = usePosts(filter);
  const enterprise = isEnterprise(me);
  const [adding, setAdding] = useState(false);
  const set = (key: string, value: string | number | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, String(value));
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <div data-testid="internship-posts-page">
      <InternshipsTabs />
      <PageHeader
        title={t('internships.posts.title')}
        subtitle={t('internships.posts.subtitle')}
        extra={
          <>
            <ExportButton path="/api/internship-posts/export.xlsx" query={filter} filename="实习岗位.xlsx" />
            {enterprise && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setAdding(true)}
                data-testid="new-post"
              >
                {t('internships.posts.add')}
              </Button>
            )}
          </>
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <InputNumber
            min={2000}
            max={2100}
            placeholder={t('internships.year')}
            aria-label={t('internships.year')}
            value={filter.year ?? null}
            onChange={(v) => set('year', v)}
            style={{ width: 120 }}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('internships.state')}
            aria-label={t('internships.state')}
            value={filter.state}
            onChange={(v: string | undefined) => set('state', v)}
            options={POST_STATES.map((s) => ({ value: s, label: pick(POST_STATE_LABELS[s], lang) }))}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('internships.kind')}
            aria-label={t('internships.kind')}
            value={filter.kind}
            onChange={(v: string | undefined) => set('kind', v)}
            options={INTERNSHIP_KINDS.map((k) => ({
              value: k,
              label: pick(INTERNSHIP_KIND_LABELS[k], lang),
            }))}
          />
        </Space>
        <QueryState query={posts}>
          {(items) => (
            <ResponsiveTable
              size="small"
              rowKey="id"
              dataSource={items}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              locale={{ emptyText: <Empty description={t('internships.posts.empty')} /> }}
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
      </Card>
      <PostFormModal
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={(id) => navigate(`/internships/posts/${id}`)}
      />
    </div>
  );
}
