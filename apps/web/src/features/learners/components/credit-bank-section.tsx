import {
  LEDGER_ENTRY_KIND_LABELS,
  OUTCOME_LEVEL_LABELS,
  OUTCOME_STATUS_LABELS,
  OUTCOME_TYPE_LABELS,
  type OutcomeStatus,
} from '@zhijiao/contracts';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { QueryState } from '@/components/query-state';
import { ResponsiveTable } from '@/components/responsive-table';
import { formatDate } from '@/lib/format';
import { pick, useLang } from '@/lib/lang';
import { useT } from '@/lib/i18n';
import { can, canKeepSchoolRecords } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useCreditAccount } from '../api/get-credit-account';
import { useOutcomes } from '../api/get-outcomes';
import { useManagedSchools } from '../lib/schools';
import type { CreditAccount, LearnerDetail, LearningOutcome } from '../types';
import { ConversionsSection } from './conversions-section';
import { CredentialButton } from './credential-button';
import { RecordOutcomeModal } from './record-outcome-modal';

const STATUS_COLORS: Record<OutcomeStatus, string> = {
  pending: 'gold',
  recognised: 'green',
  refused: 'red',
  revoked: 'default',
};

/** Tenths of a credit as a credit figure: 85 → "8.5". */
export const credits = (tenths: number) => (tenths / 10).toFixed(tenths % 10 === 0 ? 0 : 1);

/** An outcome's status, the reviewer's reason and the catalogue's reasons (in the UI's language). */
export function OutcomeStatusTag({
  outcome: o,
}: {
  outcome: Pick<LearningOutcome, 'id' | 'status' | 'statusReason' | 'statusReasons'>;
}) {
  const lang = useLang();
  return (
    <span data-testid={`outcome-status-${o.id}`}>
      <Tag color={STATUS_COLORS[o.status]} data-status={o.status}>
        {pick(OUTCOME_STATUS_LABELS[o.status], lang)}
      </Tag>
      {o.statusReason}
      {o.statusReasons.map((r) => (
        <Typography.Text key={r.code} type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {lang === 'en' ? r.en : r.zh}
        </Typography.Text>
      ))}
    </span>
  );
}

/**
 * 学习成果与学分银行: the learner's outcomes (type, name, level, issuer, number, date, status with
 * the reviewer's reason), the account's balance — the sum of its entries, in credits — and the
 * entries (积累, 冲正, 转换); the school's own clerk records an outcome here (登记学习成果), and a
 * recognised one is downloaded as a signed credential (下载电子证书).
 */
export function CreditBankSection({ learner }: { learner: LearnerDetail }) {
  const t = useT();
  const lang = useLang();
  const me = useSession();
  const managed = useManagedSchools();
  const mayRecord =
    canKeepSchoolRecords(me, 'learner.manage') && managed.some((s) => s.id === learner.school.id);
  // A recognised outcome is issued as a credential by the school's clerk or the district's reviewer.
  const mayIssue = mayRecord || can(me, 'creditBank.review');
  const [recording, setRecording] = useState(false);
  const outcomes = useOutcomes(learner.id);
  const account = useCreditAccount(learner.id);
  return (
    <Card
      size="small"
      title={t('learners.outcomes.title')}
      style={{ marginTop: 16 }}
      extra={
        <Space size={16} wrap>
          {mayRecord && (
            <Button icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="outcome-record">
              {t('creditbank.record.button')}
            </Button>
          )}
          <QueryState query={account}>
            {(a) => (
              <Statistic
                title={t('learners.outcomes.balance')}
                value={credits(a.balance)}
                suffix={t('learners.outcomes.creditUnit')}
                styles={{ content: { fontSize: 18 } }}
                data-testid="credit-balance"
              />
            )}
          </QueryState>
        </Space>
      }
    >
      <QueryState query={outcomes}>
        {(items) => (
          <>
            <ResponsiveTable<LearningOutcome>
              size="small"
              rowKey="id"
              dataSource={items}
              pagination={false}
              locale={{ emptyText: t('learners.outcomes.empty') }}
              data-testid="learner-outcomes"
              columns={[
                {
                  title: t('learners.outcomes.type'),
                  key: 'type',
                  width: 180,
                  render: (_, o) => pick(OUTCOME_TYPE_LABELS[o.type], lang),
                },
                { title: t('learners.outcomes.name'), dataIndex: 'title' },
                {
                  title: t('learners.outcomes.level'),
                  key: 'level',
                  width: 80,
                  render: (_, o) => (o.level ? pick(OUTCOME_LEVEL_LABELS[o.level], lang) : '—'),
                },
                { title: t('learners.outcomes.issuer'), dataIndex: 'issuer' },
                { title: t('learners.outcomes.number'), key: 'number', render: (_, o) => o.number ?? '—' },
                { title: t('learners.outcomes.achievedOn'), dataIndex: 'achievedOn', width: 120 },
                {
                  title: t('learners.outcomes.status'),
                  key: 'status',
                  width: 200,
                  render: (_, o) => (
                    <>
                      <OutcomeStatusTag outcome={o} />
                      {o.status === 'recognised' && mayIssue && <CredentialButton outcomeId={o.id} />}
                    </>
                  ),
                },
              ]}
            />
            <QueryState query={account}>{(a) => <LedgerEntries account={a} outcomes={items} />}</QueryState>
            <ConversionsSection learner={learner} mayApply={mayRecord} />
          </>
        )}
      </QueryState>
      {recording && <RecordOutcomeModal learner={learner} onClose={() => setRecording(false)} />}
    </Card>
  );
}

type Entry = CreditAccount['entries'][number];

/** 账户明细: the account's entries, oldest first — 积累 (post), 冲正 (reverse), 转换 (convert). */
function LedgerEntries({ account, outcomes }: { account: CreditAccount; outcomes: LearningOutcome[] }) {
  const t = useT();
  const lang = useLang();
  const titleOf = (id: string) => outcomes.find((o) => o.id === id)?.title ?? '—';
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('creditbank.entries.title')}
      </Typography.Title>
      <ResponsiveTable<Entry>
        size="small"
        rowKey="id"
        dataSource={account.entries}
        pagination={false}
        locale={{ emptyText: t('creditbank.entries.empty') }}
        data-testid="credit-entries"
        columns={[
          {
            title: t('creditbank.entries.kind'),
            key: 'kind',
            width: 90,
            render: (_, e) => pick(LEDGER_ENTRY_KIND_LABELS[e.kind], lang),
          },
          { title: t('creditbank.entries.outcome'), key: 'outcome', render: (_, e) => titleOf(e.outcomeId) },
          {
            title: t('creditbank.entries.credits'),
            key: 'credits',
            width: 90,
            render: (_, e) => (e.credits > 0 ? `+${credits(e.credits)}` : `−${credits(-e.credits)}`),
          },
          { title: t('creditbank.entries.reason'), key: 'reason', render: (_, e) => e.reason || '—' },
          {
            title: t('creditbank.entries.postedAt'),
            key: 'postedAt',
            width: 160,
            render: (_, e) => formatDate(e.postedAt),
          },
        ]}
      />
    </>
  );
}
