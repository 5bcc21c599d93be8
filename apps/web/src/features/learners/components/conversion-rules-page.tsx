import { OUTCOME_LEVEL_LABELS, OUTCOME_TYPE_LABELS } from '@zhijiao/contracts';
import { QueryState } from '@/components/query-state';
import { RecordListPage, RecordTable } from '@/components/record-list-page';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { canKeepSchoolRecords } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useConversionRules } from '../api/conversions';
import { useManagedSchools, useRegisterSchools } from '../lib/schools';
import type { ConversionRule } from '../types';
import { ConversionRuleModal } from './conversion-rule-modal';
import { credits } from './credit-bank-section';
import { LearnersTabs } from './learners-tabs';

/**
 * `/learners/conversion-rules` (转换规则): the conversion rules of the schools the user sees — an
 * outcome (type, certificate, lowest level) exempts courses with credits, for a major or every
 * major, in a period; a school's own clerk publishes one (never changed afterwards).
 */
export function ConversionRulesPage() {
  const t = useT();
  const lang = useLang();
  const me = useSession();
  const rules = useConversionRules();
  const schools = useRegisterSchools();
  const managed = useManagedSchools();
  const mayCreate =
    canKeepSchoolRecords(me, 'learner.manage') && managed.some((s) => s.id === me?.orgUnit.id);
  return (
    <RecordListPage
      testId="conversion-rules-page"
      tabs={<LearnersTabs />}
      title={t('creditbank.rules.title')}
      subtitle={t('creditbank.rules.subtitle')}
      create={
        mayCreate && {
          label: t('creditbank.rules.create'),
          testId: 'conversion-rule-create',
          form: (modal) => modal.open && <ConversionRuleModal onClose={modal.onClose} />,
        }
      }
    >
      <QueryState query={rules}>
        {(items) => (
          <RecordTable<ConversionRule>
            dataSource={items}
            emptyText={t('creditbank.rules.empty')}
            data-testid="conversion-rules"
            scroll={{ x: 1000 }}
            columns={[
              {
                title: t('learners.col.school'),
                key: 'school',
                width: 120,
                render: (_, r) => schools.find((s) => s.id === r.schoolId)?.name ?? '—',
              },
              {
                title: t('creditbank.rules.major'),
                key: 'major',
                width: 100,
                render: (_, r) => r.majorCode ?? t('creditbank.rules.anyMajor'),
              },
              {
                title: t('creditbank.rules.outcome'),
                key: 'outcome',
                render: (_, r) =>
                  [
                    pick(OUTCOME_TYPE_LABELS[r.outcomeType], lang),
                    r.certificateCode,
                    r.minLevel && `≥ ${pick(OUTCOME_LEVEL_LABELS[r.minLevel], lang)}`,
                  ]
                    .filter(Boolean)
                    .join(' · '),
              },
              {
                title: t('creditbank.rules.exempts'),
                key: 'exempts',
                render: (_, r) => r.exempts.join('、'),
              },
              {
                title: t('creditbank.entries.credits'),
                key: 'credits',
                width: 70,
                render: (_, r) => credits(r.credits),
              },
              {
                title: t('creditbank.rules.period'),
                key: 'period',
                width: 200,
                render: (_, r) => `${r.validFrom} – ${r.validTo ?? t('creditbank.rules.open')}`,
              },
              { title: t('creditbank.recognise.note'), dataIndex: 'note' },
            ]}
          />
        )}
      </QueryState>
    </RecordListPage>
  );
}
