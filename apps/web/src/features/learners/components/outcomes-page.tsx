import {
  OUTCOME_LEVEL_LABELS,
  OUTCOME_STATUSES,
  OUTCOME_STATUS_LABELS,
  OUTCOME_TYPE_LABELS,
  type OutcomeStatus,
} from '@zhijiao/contracts';
import { UploadOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Pagination, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryState } from '@/components/query-state';
import { RecordListPage } from '@/components/record-list-page';
import { ResponsiveTable } from '@/components/responsive-table';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { canKeepSchoolRecords } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useUrlFilters } from '@/lib/url-filters';
import { useOutcomeList } from '../api/credit-bank';
import { useManagedSchools, useRegisterSchools } from '../lib/schools';
import type { OutcomeListItem } from '../types';
import { OutcomeStatusTag } from './credit-bank-section';
import { CreditBankExportButton } from './credit-bank-export-button';
import { LearnersTabs } from './learners-tabs';
import { ReasonModal, RecogniseModal } from './outcome-decision-modals';
import { ImportOutcomesModal } from './outcome-import-modal';

const PAGE = 50;
const STATUS_CHOICES = ['all', ...OUTCOME_STATUSES] as const;

type Deciding = { outcome: OutcomeListItem; kind: 'recognise' | 'refusal' | 'revocation' };

/**
 * `/learners/outcomes` (学分银行): the learning outcomes of the schools the user sees, 待认定 first
 * (`?status=`; `all` for every status) — the district reviewer's queue, with 认定 (credits preset
 * to the catalogue's suggestion), 不予认定 and 撤销 (with a reason) where the server allows; a
 * school's own clerk imports the 培训评价组织's 1+X results here.
 */
export function OutcomesPage() {
  const t = useT();
  const lang = useLang();
  const me = useSession();
  const [page, setPage] = useState(1);
  const [filter, setFilter] = useUrlFilters({ status: STATUS_CHOICES });
  const status = filter.status ?? 'pending';
  const list = useOutcomeList({
    ...(status === 'all' ? {} : { status: status as OutcomeStatus }),
    limit: PAGE,
    offset: (page - 1) * PAGE,
  });
  const schools = useRegisterSchools();
  const schoolName = (id: string) => schools.find((s) => s.id === id)?.name ?? '—';
  const managed = useManagedSchools();
  const mayImport =
    canKeepSchoolRecords(me, 'learner.manage') && managed.some((s) => s.id === me?.orgUnit.id);
  const [importing, setImporting] = useState(false);
  const [deciding, setDeciding] = useState<Deciding | null>(null);

  return (
    <RecordListPage
      testId="outcomes-page"
      tabs={<LearnersTabs />}
      title={t('creditbank.title')}
      subtitle={t('creditbank.subtitle')}
      actions={
        <>
          <CreditBankExportButton />
          {mayImport && (
            <>
              <Button
                icon={<UploadOutlined />}
                onClick={() => setImporting(true)}
                data-testid="outcomes-import"
              >
                {t('creditbank.import.button')}
              </Button>
              <ImportOutcomesModal open={importing} onClose={() => setImporting(false)} />
            </>
          )}
        </>
      }
      filters={
        <Select
          style={{ width: 140 }}
          aria-label={t('creditbank.filter.status')}
          data-testid="outcomes-filter-status"
          value={status}
          onChange={(v) => {
            setPage(1);
            setFilter('status', v === 'pending' ? null : v);
          }}
          options={STATUS_CHOICES.map((s) => ({
            value: s,
            label: s === 'all' ? t('creditbank.filter.all') : pick(OUTCOME_STATUS_LABELS[s], lang),
          }))}
        />
      }
    >
      <QueryState query={list}>
        {({ items, total }) => (
          <>
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="outcomes-total">
              {t('creditbank.total', { total })}
            </Typography.Paragraph>
            <ResponsiveTable<OutcomeListItem>
              size="small"
              rowKey="id"
              dataSource={items}
              style={{ marginTop: 8 }}
              scroll={{ x: 1200 }}
              pagination={false}
              data-testid="outcomes-table"
              locale={{ emptyText: <Empty description={t('creditbank.empty')} /> }}
              onRow={(o) => ({ 'data-testid': `outcome-row-${o.id}` }) as React.HTMLAttributes<HTMLElement>}
              columns={(
                [
                  {
                    title: t('learners.outcomes.type'),
                    key: 'type',
                    width: 170,
                    render: (_, o) => pick(OUTCOME_TYPE_LABELS[o.type], lang),
                  },
                  { title: t('learners.outcomes.name'), dataIndex: 'title', width: 200 },
                  {
                    title: t('creditbank.col.learner'),
                    key: 'learner',
                    width: 100,
                    render: (_, o) => <Link to={`/learners/${o.learnerId}`}>{o.learnerName}</Link>,
                  },
                  {
                    title: t('learners.col.school'),
                    key: 'school',
                    width: 120,
                    render: (_, o) => schoolName(o.schoolId),
                  },
                  {
                    title: t('learners.outcomes.level'),
                    key: 'level',
                    width: 70,
                    render: (_, o) => (o.level ? pick(OUTCOME_LEVEL_LABELS[o.level], lang) : '—'),
                  },
                  { title: t('learners.outcomes.issuer'), dataIndex: 'issuer', width: 180 },
                  {
                    title: t('learners.outcomes.number'),
                    key: 'number',
                    width: 140,
                    render: (_, o) => o.number ?? '—',
                  },
                  { title: t('learners.outcomes.achievedOn'), dataIndex: 'achievedOn', width: 110 },
                  {
                    title: t('learners.outcomes.status'),
                    key: 'status',
                    width: 160,
                    render: (_, o) => <OutcomeStatusTag outcome={o} />,
                  },
                  {
                    title: t('creditbank.col.actions'),
                    key: 'actions',
                    width: 200,
                    render: (_, o) => <DecisionButtons outcome={o} onDecide={setDeciding} />,
                  },
                ] satisfies ColumnsType<OutcomeListItem>
              ).filter((c) => c.key !== 'actions' || items.some(decidable))}
            />
            {total > PAGE && (
              <Flex justify="flex-end" style={{ marginTop: 12 }}>
                <Pagination
                  current={page}
                  pageSize={PAGE}
                  total={total}
                  onChange={setPage}
                  showSizeChanger={false}
                  responsive
                />
              </Flex>
            )}
          </>
        )}
      </QueryState>
      {deciding?.kind === 'recognise' && (
        <RecogniseModal outcome={deciding.outcome} onClose={() => setDeciding(null)} />
      )}
      {deciding && deciding.kind !== 'recognise' && (
        <ReasonModal outcome={deciding.outcome} decision={deciding.kind} onClose={() => setDeciding(null)} />
      )}
    </RecordListPage>
  );
}

/** Whether the user may decide anything on the outcome (the server's abilities). */
const decidable = (o: OutcomeListItem) => o.abilities.recognise || o.abilities.refuse || o.abilities.revoke;

/** 认定 / 不予认定 / 撤销, as the outcome's abilities (the server's) allow. */
function DecisionButtons({
  outcome: o,
  onDecide,
}: {
  outcome: OutcomeListItem;
  onDecide: (d: Deciding) => void;
}) {
  const t = useT();
  if (!decidable(o)) return null;
  return (
    <Space size={4} wrap>
      {o.abilities.recognise && (
        <Button
          size="small"
          type="primary"
          onClick={() => onDecide({ outcome: o, kind: 'recognise' })}
          data-testid={`recognise-${o.id}`}
        >
          {t('creditbank.recognise')}
        </Button>
      )}
      {o.abilities.refuse && (
        <Button
          size="small"
          danger
          onClick={() => onDecide({ outcome: o, kind: 'refusal' })}
          data-testid={`refuse-${o.id}`}
        >
          {t('creditbank.refuse')}
        </Button>
      )}
      {o.abilities.revoke && (
        <Button
          size="small"
          danger
          onClick={() => onDecide({ outcome: o, kind: 'revocation' })}
          data-testid={`revoke-${o.id}`}
        >
          {t('creditbank.revoke')}
        </Button>
      )}
    </Space>
  );
}
