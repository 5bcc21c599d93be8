import { UploadOutlined } from '@ant-design/icons';
import { RESOURCE_TYPE_LABELS, RESOURCE_TYPES, type ResourceType } from '@zhijiao/contracts';
import { Alert, Button, Card, Empty, List, Segmented, Select, Space, Typography } from 'antd';
import { SearchInput } from '@/components/search-input';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { can, canKeepSchoolRecords } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useProgramSettings } from '../api/get-program-settings';
import { useResources } from '../api/get-resources';
import { ProgramsTabs } from './programs-tabs';
import { ResourceItem } from './resource-item';
import { ResourceUploadModal } from './resource-upload-modal';

type View = 'search' | 'review' | 'mine';

/**
 * `/programs/resources`: 教学资源库 — search (`?q=`, every word must occur; title matches first),
 * filter by type, preview or download; a school uploads and asks for district-wide sharing; the
 * district works through the sharing requests (`?view=review`).
 */
export function ResourcesPage() {
  const t = useT();
  const lang = useLang();
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const view = (params.get('view') as View | null) ?? 'search';
  const q = params.get('q') ?? '';
  const resourceType = (params.get('type') as ResourceType | null) ?? undefined;
  const page = Number(params.get('page') ?? '1');
  const results = useResources({
    q: view === 'search' ? q : undefined,
    resourceType,
    shareState: view === 'review' ? 'pending' : undefined,
    schoolId: view === 'mine' ? me?.orgUnit.id : undefined,
    offset: (page - 1) * 20,
  });
  const settings = useProgramSettings();
  const [uploading, setUploading] = useState(false);
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  const views: View[] = [
    'search',
    ...(canKeepSchoolRecords(me, 'program.manage') ? (['mine'] as const) : []),
    ...(can(me, 'program.review') ? (['review'] as const) : []),
  ];
  return (
    <div data-testid="resources-page">
      <ProgramsTabs />
      <PageHeader
        title={t('programs.resources.title')}
        subtitle={t('programs.resources.subtitle')}
        extra={
          canKeepSchoolRecords(me, 'program.manage') && (
            <Button
              type="primary"
              icon={<UploadOutlined />}
              onClick={() => setUploading(true)}
              data-testid="upload-resource"
            >
              {t('programs.resources.add')}
            </Button>
          )
        }
      />
      {settings.data && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('programs.resources.coverage', { n: settings.data.resourceCoverageThreshold })}
        />
      )}
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          {views.length > 1 && (
            <Segmented
              value={view}
              onChange={(v) => set({ view: v === 'search' ? undefined : String(v) })}
              options={views.map((v) => ({
                value: v,
                label: <span data-testid={`resources-view-${v}`}>{t(`programs.resources.queue.${v}`)}</span>,
              }))}
            />
          )}
          {view === 'search' && (
            <SearchInput
              allowClear
              enterButton
              defaultValue={q}
              style={{ width: 360 }}
              placeholder={t('programs.resources.searchPlaceholder')}
              onSearch={(value) => set({ q: value.trim() || undefined })}
              data-testid="resource-search"
            />
          )}
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('programs.resources.type')}
            aria-label={t('programs.resources.type')}
            value={resourceType}
            onChange={(v: string | undefined) => set({ type: v })}
            options={RESOURCE_TYPES.map((r) => ({ value: r, label: pick(RESOURCE_TYPE_LABELS[r], lang) }))}
          />
        </Space>
        <QueryState query={results}>
          {(data) => (
            <>
              <Typography.Text type="secondary" data-testid="resource-total">
                {t(data.totalIsLowerBound ? 'programs.resources.totalAtLeast' : 'programs.resources.total', {
                  total: data.total,
                })}
              </Typography.Text>
              <List
                itemLayout="horizontal"
                dataSource={data.items}
                locale={{ emptyText: <Empty description={t('programs.resources.empty')} /> }}
                renderItem={(r) => <ResourceItem key={r.id} r={r} />}
                pagination={{
                  current: page,
                  pageSize: 20,
                  total: Math.min(data.total, 500),
                  showSizeChanger: false,
                  hideOnSinglePage: true,
                  onChange: (p) => set({ page: String(p) }),
                }}
              />
            </>
          )}
        </QueryState>
      </Card>
      <ResourceUploadModal open={uploading} onClose={() => setUploading(false)} />
    </div>
  );
}
