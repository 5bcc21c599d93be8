import {
  TRAINING_BASE_KIND_LABELS,
  TRAINING_BASE_KINDS,
  TRAINING_BASE_STATUS_LABELS,
  TRAINING_BASE_STATUSES,
} from '@zhijiao/contracts';
import { Link, useNavigate } from 'react-router';
import { ExportButton } from '@/components/export-button';
import { ChoiceFilter } from '@/components/list-filters';
import { QueryState } from '@/components/query-state';
import { RecordListPage, RecordTable } from '@/components/record-list-page';
import { formatNumber } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useSession } from '@/lib/session';
import { byNumber, byText } from '@/lib/sorters';
import { useUrlFilters } from '@/lib/url-filters';
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
  const me = useSession();
  const navigate = useNavigate();
  const [filter, setFilter] = useUrlFilters({ kind: TRAINING_BASE_KINDS, status: TRAINING_BASE_STATUSES });
  const bases = useBases(filter);
  const mayAdd = keepsBases(me) || (isSchool(me) && !!me?.permissions.includes('trainingBase.manage'));
  return (
    <RecordListPage
      testId="training-bases-page"
      title={t('trainingBases.title')}
      subtitle={t('trainingBases.subtitle')}
      actions={
        <ExportButton path="/api/training-bases/export.xlsx" query={filter} filename="实训基地.xlsx" />
      }
      create={
        mayAdd && {
          label: t('trainingBases.add'),
          testId: 'new-base',
          form: (modal) => <BaseFormModal {...modal} onSaved={(id) => navigate(`/training-bases/${id}`)} />,
        }
      }
      filters={
        <>
          <ChoiceFilter
            label={t('trainingBases.kind')}
            width={200}
            values={TRAINING_BASE_KINDS}
            labels={TRAINING_BASE_KIND_LABELS}
            value={filter.kind}
            onChange={(v) => setFilter('kind', v)}
          />
          <ChoiceFilter
            label={t('trainingBases.status')}
            width={140}
            values={TRAINING_BASE_STATUSES}
            labels={TRAINING_BASE_STATUS_LABELS}
            value={filter.status}
            onChange={(v) => setFilter('status', v)}
          />
        </>
      }
    >
      <QueryState query={bases}>
        {(items) => (
          <RecordTable
            dataSource={items}
            emptyText={t('trainingBases.empty')}
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
    </RecordListPage>
  );
}
