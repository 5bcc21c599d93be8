import {
  OUTCOME_LEVEL_LABELS,
  OUTCOME_STATUS_LABELS,
  OUTCOME_TYPE_LABELS,
  type OutcomeStatus,
} from '@zhijiao/contracts';
import { Card, Statistic, Tag } from 'antd';
import { QueryState } from '@/components/query-state';
import { ResponsiveTable } from '@/components/responsive-table';
import { pick, useLang } from '@/lib/lang';
import { useT } from '@/lib/i18n';
import { useCreditAccount } from '../api/get-credit-account';
import { useOutcomes } from '../api/get-outcomes';
import type { LearningOutcome } from '../types';

const STATUS_COLORS: Record<OutcomeStatus, string> = {
  pending: 'gold',
  recognised: 'green',
  refused: 'red',
  revoked: 'default',
};

/** Tenths of a credit as a credit figure: 85 → "8.5". */
export const credits = (tenths: number) => (tenths / 10).toFixed(tenths % 10 === 0 ? 0 : 1);

/**
 * 学习成果与学分银行: the learner's outcomes (type, name, level, issuer, number, date, status with
 * the reviewer's reason) and the account's balance — the sum of its entries, in credits.
 */
export function CreditBankSection({ learnerId }: { learnerId: string }) {
  const t = useT();
  const lang = useLang();
  const outcomes = useOutcomes(learnerId);
  const account = useCreditAccount(learnerId);
  return (
    <Card
      size="small"
      title={t('learners.outcomes.title')}
      style={{ marginTop: 16 }}
      extra={
        <QueryState query={account}>
          {(a) => (
            <Statistic
              title={t('learners.outcomes.balance')}
              value={credits(a.balance)}
              suffix={t('learners.outcomes.creditUnit')}
              valueStyle={{ fontSize: 18 }}
              data-testid="credit-balance"
            />
          )}
        </QueryState>
      }
    >
      <QueryState query={outcomes}>
        {(items) => (
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
                  <span data-testid={`outcome-status-${o.id}`}>
                    <Tag color={STATUS_COLORS[o.status]} data-status={o.status}>
                      {pick(OUTCOME_STATUS_LABELS[o.status], lang)}
                    </Tag>
                    {o.statusReason}
                  </span>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
