import { Alert, Card, Empty, Flex, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { SimpleList } from '@/components/simple-list';
import { useT, type MessageKey } from '@/lib/i18n';
import { isSearchable, SEARCH_MAX_LENGTH, useSearch, type SearchGroup } from '../api/search';
import { SearchInput } from '@/components/search-input';

const kindKey = (kind: SearchGroup['kind']) => `search.kind.${kind}` as MessageKey;

/**
 * `/search?q=…` (搜索): what the account may read that matches, grouped by kind — tasks,
 * indicators, units, teachers, projects, documents — each hit linking to its page; the first
 * eight of each kind with the count. The box on top takes the full width (the phone's way in).
 */
export function SearchPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const searchable = isSearchable(q);
  const results = useSearch(q);
  return (
    <div data-testid="search-page">
      <PageHeader title={t('search.title')} />
      <SearchInput
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        maxLength={SEARCH_MAX_LENGTH}
        enterButton
        allowClear
        autoFocus={!q}
        size="large"
        data-testid="search-input"
        style={{ width: '100%', marginBottom: 16 }}
      />
      {!searchable ? (
        q && (
          <div data-testid="search-hint">
            <Alert type="info" showIcon title={t('search.hint')} />
          </div>
        )
      ) : (
        <QueryState query={results}>
          {(data) => (
            <>
              {data.unavailable.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 16 }}
                  data-testid="search-unavailable"
                  title={t('search.unavailable', {
                    kinds: data.unavailable.map((kind) => t(kindKey(kind))).join('、'),
                  })}
                />
              )}
              <SearchResults q={q} groups={data.groups} />
            </>
          )}
        </QueryState>
      )}
    </div>
  );
}

function SearchResults({ q, groups }: { q: string; groups: SearchGroup[] }) {
  const t = useT();
  if (groups.length === 0)
    return (
      <Card>
        <Empty
          data-testid="search-empty"
          description={
            <Space orientation="vertical" size={0}>
              <Typography.Text strong>{t('search.empty', { q })}</Typography.Text>
              <Typography.Text type="secondary">{t('search.emptyHint')}</Typography.Text>
            </Space>
          }
        />
      </Card>
    );
  const total = groups.reduce((n, g) => n + g.total, 0);
  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary" data-testid="search-summary">
        {t('search.summary', { q, n: total })}
      </Typography.Text>
      {groups.map((group) => (
        <Card
          key={group.kind}
          size="small"
          title={
            <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
              {t(kindKey(group.kind))}
            </Typography.Title>
          }
          extra={
            group.total > group.hits.length ? (
              <Typography.Text type="secondary">
                {t('search.more', { shown: group.hits.length, n: group.total })}
              </Typography.Text>
            ) : (
              <Tag>{group.total}</Tag>
            )
          }
          data-testid={`search-group-${group.kind}`}
        >
          <SimpleList
            items={group.hits}
            rowKey={(hit) => `${hit.kind}:${hit.id}`}
            testId={(hit) => `search-hit-${hit.kind}-${hit.id}`}
            renderItem={(hit) => (
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Link to={hit.link} data-testid="search-hit-link">
                  <Typography.Text strong style={{ color: 'inherit' }}>
                    {hit.title}
                  </Typography.Text>
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {[hit.subtitle, hit.unitName].filter(Boolean).join(' · ')}
                </Typography.Text>
              </Flex>
            )}
          />
        </Card>
      ))}
    </Flex>
  );
}
