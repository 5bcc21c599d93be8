import { PlusOutlined } from '@ant-design/icons';
import {
  TRAINING_BASE_KIND_LABELS,
  TRAINING_BASE_KINDS,
  TRAINING_BASE_STATUS_LABELS,
  TRAINING_BASE_STATUSES,
  type TrainingBaseKind,
  type TrainingBaseStatus,
} from '@zhijiao/contracts';
import { Button, Card, Empty, Select, Space } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ExportButton } from '@/components/export-button';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { ResponsiveTable } from '@/components/responsive-table';
import { formatNumber } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useSession } from '@/lib/session';
import { byNumber, byText } from '@/lib/sorters';
import { useBases } from '../api/get-bases';
import { isSchool, keepsBases } from '../access';
import { BaseFormModal } from './base-form-modal';
import { BaseKindTag, BaseStatusTag } from './base-tags';

/**
 * `/training-bases`: 实训基地 — the keeper's district bases, a school's own and the bases in
 * operation it may book, an enterprise's own and those it may book (`?kind=&status=`).
 */
export function BasesPage() {
  const t = useT();
  const lang = useLang();
  const me = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = {
    kind: (params.get('kind') as TrainingBaseKind | null) ?? undefined,
    status: (params.get('status') as TrainingBaseStatus | null) ?? undefined,
  };
  const bases = useBases(filter);
  const [adding, setAdding] = useState(false);
  const mayAdd = keepsBases(me) || (isSchool(me) && !!me?.permissions.includes('trainingBase.manage'));
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <div data-testid="training-bases-page">
      <PageHeader
        title={t('trainingBases.title')}
        subtitle={t('trainingBases.subtitle')}
        extra={
          <>
            <ExportButton path="/api/training-bases/export.xlsx" query={filter} filename="实训基地.xlsx" />
            {mayAdd && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setAdding(true)}
                data-testid="new-base"
              >
                {t('trainingBases.add')}
              </Button>
            )}
          </>
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('trainingBases.kind')}
            aria-label={t('trainingBases.kind')}
            value={filter.kind}
            onChange={(v: string | undefined) => set('kind', v)}
            options={TRAINING_BASE_KINDS.map((k) => ({
              value: k,
              label: pick(TRAINING_BASE_KIND_LABELS[k], lang),
            }))}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('trainingBases.status')}
            aria-label={t('trainingBases.status')}
            value={filter.status}
            onChange={(v: string | undefined) => set('status', v)}
            options={TRAINING_BASE_STATUSES.map((s) => ({
              value: s,
              label: pick(TRAINING_BASE_STATUS_LABELS[s], lang),
            }))}
          />
        </Space>
        <QueryState query={bases}>
          {(items) => (
            <ResponsiveTable
              size="small"
              rowKey="id"
              dataSource={items}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              locale={{ emptyText: <Empty description={t('trainingBases.empty')} /> }}
              columns={[
                {
                  title: t('trainingBases.name'),
                  dataIndex: 'name',
                  sorter: byText((b) => b.name),
                  render: (name: string, b) => (
                    <Link to={`/training-bases/${b.id}`} data-testid="base-link">
                      {name}
                    </Link>
                  ),
                },
                {
                  title: t('trainingBases.kind'),
                  key: 'kind',
                  width: 170,
                  render: (_, b) => <BaseKindTag kind={b.kind} />,
                },
                {
                  title: t('trainingBases.owner'),
                  key: 'owner',
                  width: 150,
                  sorter: byText((b) => b.owner.name),
                  render: (_, b) => b.owner.name,
                },
                {
                  title: t('trainingBases.capacity'),
                  dataIndex: 'capacity',
                  width: 90,
                  align: 'right',
                  sorter: byNumber((b) => b.capacity),
                },
                {
                  title: t('trainingBases.equipmentValue'),
                  key: 'value',
                  width: 130,
                  align: 'right',
                  sorter: byNumber((b) => b.equipmentValue),
                  render: (_, b) => formatNumber(Math.round(b.equipmentValue / 1000) / 10),
                },
                {
                  title: t('trainingBases.status'),
                  key: 'status',
                  width: 110,
                  render: (_, b) => <BaseStatusTag status={b.status} />,
                },
                {
                  title: t('trainingBases.operatingSince'),
                  dataIndex: 'operatingSince',
                  width: 120,
                  render: (d: string | null) => d ?? '—',
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
      <BaseFormModal
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={(id) => navigate(`/training-bases/${id}`)}
      />
    </div>
  );
}
