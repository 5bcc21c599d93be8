import {
  AGREEMENT_STATUS_LABELS,
  AGREEMENT_STATUSES,
  COOPERATION_SCOPE_LABELS,
  COOPERATION_SCOPES,
} from '@zhijiao/contracts';
import { Link, useNavigate } from 'react-router';
import { ChoiceFilter, SearchFilter, YearFilter } from '@/components/list-filters';
import { QueryState } from '@/components/query-state';
import { RecordListPage, RecordTable } from '@/components/record-list-page';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useSession } from '@/lib/session';
import { byDate, byText } from '@/lib/sorters';
import { useUrlFilters } from '@/lib/url-filters';
import { keepsCooperation } from '../access';
import { useAgreements } from '../api/agreements';
import { AgreementFormModal } from './agreement-form-modal';
import { AgreementStatusTag, CooperationTabs, Period } from './shared';

/**
 * `/cooperation/agreements`: 校企合作协议 the user sees (`?status=&scope=&year=&q=`); a row opens
 * the agreement; a vocational school records its own.
 */
export function AgreementsPage() {
  const t = useT();
  const lang = useLang();
  const me = useSession();
  const navigate = useNavigate();
  const [filter, setFilter] = useUrlFilters({
    status: AGREEMENT_STATUSES,
    scope: COOPERATION_SCOPES,
    year: 'number',
    q: 'text',
  });
  const agreements = useAgreements(filter);
  return (
    <RecordListPage
      testId="cooperation-agreements-page"
      tabs={<CooperationTabs />}
      title={t('cooperation.agreements.title')}
      subtitle={t('cooperation.agreements.subtitle')}
      create={
        keepsCooperation(me) && {
          label: t('cooperation.agreements.add'),
          testId: 'new-agreement',
          form: (modal) => (
            <AgreementFormModal {...modal} onSaved={(id) => navigate(`/cooperation/agreements/${id}`)} />
          ),
        }
      }
      filters={
        <>
          <ChoiceFilter
            label={t('cooperation.status')}
            width={130}
            values={AGREEMENT_STATUSES}
            labels={AGREEMENT_STATUS_LABELS}
            value={filter.status}
            onChange={(v) => setFilter('status', v)}
          />
          <ChoiceFilter
            label={t('cooperation.agreements.scopes')}
            width={150}
            values={COOPERATION_SCOPES}
            labels={COOPERATION_SCOPE_LABELS}
            value={filter.scope}
            onChange={(v) => setFilter('scope', v)}
          />
          <YearFilter
            label={t('internships.year')}
            width={110}
            value={filter.year}
            onChange={(v) => setFilter('year', v)}
          />
          <SearchFilter
            label={t('cooperation.search')}
            width={200}
            value={filter.q}
            onChange={(v) => setFilter('q', v)}
          />
        </>
      }
    >
      <QueryState query={agreements}>
        {(items) => (
          <RecordTable
            dataSource={items}
            emptyText={t('cooperation.agreements.empty')}
            columns={[
              {
                title: t('cooperation.agreements.name'),
                dataIndex: 'title',
                sorter: byText((a) => a.title),
                render: (title: string, a) => (
                  <Link to={`/cooperation/agreements/${a.id}`} data-testid="agreement-link">
                    {title}
                  </Link>
                ),
              },
              {
                title: t('cooperation.school'),
                key: 'school',
                // A school's own list would repeat its name on every row.
                hidden: keepsCooperation(me),
                width: 120,
                render: (_, a) => a.school.name,
              },
              {
                title: t('cooperation.enterprise'),
                key: 'enterprise',
                width: 120,
                render: (_, a) => a.enterprise.name,
              },
              {
                title: t('cooperation.agreements.scopes'),
                key: 'scopes',
                render: (_, a) => a.scopes.map((s) => pick(COOPERATION_SCOPE_LABELS[s], lang)).join('、'),
              },
              {
                title: t('cooperation.period'),
                key: 'period',
                width: 210,
                sorter: byDate((a) => a.startsOn),
                render: (_, a) => <Period from={a.startsOn} to={a.endsOn} />,
              },
              {
                title: t('cooperation.status'),
                key: 'status',
                width: 90,
                render: (_, a) => <AgreementStatusTag status={a.status} />,
              },
            ]}
          />
        )}
      </QueryState>
    </RecordListPage>
  );
}
