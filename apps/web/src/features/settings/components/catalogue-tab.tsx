import { Alert, Flex, Grid, Segmented, Table, Tag, Typography } from 'antd';
import { useDeferredValue, useState } from 'react';
import { QueryState } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { useCatalogue, type CatalogueEntry } from '../api/get-catalogue';
import { SearchInput } from '@/components/search-input';

type Filter = 'all' | 'unverified';

/** Whether an entry matches the search words (code, name or category, any part). */
function matches(m: CatalogueEntry, q: string): boolean {
  if (!q) return true;
  return [m.code, m.name, m.categoryCode, m.categoryName].some((v) => v.includes(q));
}

/**
 * 专业目录: the version of the national 中职 catalogue the district's majors name, searchable, with
 * each code not yet checked against the Ministry's text flagged 代码待核实. Read-only: the catalogue
 * is the repository's data file; a corrected code is a new migration (the schools' majors follow).
 */
export function CatalogueTab() {
  const t = useT();
  const catalogue = useCatalogue();
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const q = useDeferredValue(query.trim());
  const phone = !Grid.useBreakpoint().sm;
  return (
    <QueryState query={catalogue}>
      {(c) => {
        const unverified = c.items.filter((m) => !m.verified).length;
        const rows = c.items.filter((m) => matches(m, q) && (filter === 'all' || !m.verified));
        return (
          <Flex vertical gap={12}>
            <Typography.Text strong data-testid="catalogue-version">
              {t('settings.catalogue.version', { version: c.version ?? '—', count: c.items.length })}
            </Typography.Text>
            {unverified > 0 && (
              <Alert
                type="warning"
                showIcon
                title={t('settings.catalogue.unverifiedCount', { count: unverified })}
                description={t('settings.catalogue.unverifiedHint')}
              />
            )}
            <Flex gap={8} wrap>
              <SearchInput
                allowClear
                aria-label={t('settings.catalogue.search')}
                placeholder={t('settings.catalogue.search')}
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                style={{ maxWidth: 320 }}
                data-testid="catalogue-search"
              />
              <Segmented<Filter>
                value={filter}
                onChange={setFilter}
                options={[
                  { value: 'all', label: t('common.all') },
                  { value: 'unverified', label: t('settings.catalogue.unverified') },
                ]}
              />
            </Flex>
            <Table
              size="small"
              rowKey="code"
              dataSource={rows}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              scroll={phone ? undefined : { x: 520 }}
              data-testid="settings-catalogue"
              columns={[
                { title: t('settings.catalogue.code'), dataIndex: 'code', width: 90 },
                {
                  title: t('settings.catalogue.name'),
                  key: 'name',
                  render: (_, m) => (
                    <span data-testid={`catalogue-${m.code}`}>
                      {m.name}
                      {!m.verified && (
                        <Tag color="orange" style={{ marginLeft: 6 }}>
                          {t('settings.catalogue.unverified')}
                        </Tag>
                      )}
                      {phone && (
                        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                          {`${m.categoryCode} ${m.categoryName}`}
                        </Typography.Text>
                      )}
                    </span>
                  ),
                },
                {
                  title: t('settings.catalogue.category'),
                  key: 'category',
                  responsive: ['sm'],
                  render: (_, m) => `${m.categoryCode} ${m.categoryName}`,
                },
                {
                  title: t('settings.catalogue.versionCol'),
                  key: 'v',
                  width: 80,
                  responsive: ['sm'],
                  render: () => c.version,
                },
              ]}
            />
          </Flex>
        );
      }}
    </QueryState>
  );
}
