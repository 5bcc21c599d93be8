import {
  APPRENTICESHIP_SCHEME_LABELS,
  APPRENTICESHIP_SCHEMES,
  APPRENTICESHIP_STATE_LABELS,
  APPRENTICESHIP_STATES,
} from '@zhijiao/contracts';
import { Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { ChoiceFilter } from '@/components/list-filters';
import { QueryState } from '@/components/query-state';
import { RecordListPage, RecordTable } from '@/components/record-list-page';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useSession } from '@/lib/session';
import { byDate, byNumber, byText } from '@/lib/sorters';
import { useUrlFilters } from '@/lib/url-filters';
import { keepsCooperation } from '../access';
import { useAgreement } from '../api/agreements';
import { useApprenticeships } from '../api/apprenticeships';
import { ApprenticeshipFormModal } from './apprenticeship-form-modal';
import { ApprenticeshipStateTag, CooperationTabs, Period } from './shared';

/**
 * `/cooperation/apprenticeships`: 学徒制项目 the user sees (`?scheme=&state=&enterpriseId=`, and
 * `&agreementId=` from an agreement's page, shown as a tag that clears it).
 */
export function ApprenticeshipsPage() {
  const t = useT();
  const lang = useLang();
  const me = useSession();
  const navigate = useNavigate();
  const [filter, setFilter] = useUrlFilters({
    scheme: APPRENTICESHIP_SCHEMES,
    state: APPRENTICESHIP_STATES,
    enterpriseId: 'text',
    agreementId: 'text',
  });
  const list = useApprenticeships(filter);
  return (
    <RecordListPage
      testId="cooperation-apprenticeships-page"
      tabs={<CooperationTabs />}
      title={t('cooperation.apprenticeships.title')}
      subtitle={t('cooperation.apprenticeships.subtitle')}
      create={
        keepsCooperation(me) && {
          label: t('cooperation.apprenticeships.add'),
          testId: 'new-apprenticeship',
          form: (modal) => (
            <ApprenticeshipFormModal
              {...modal}
              onSaved={(id) => navigate(`/cooperation/apprenticeships/${id}`)}
            />
          ),
        }
      }
      filters={
        <>
          <ChoiceFilter
            label={t('cooperation.apprenticeships.scheme')}
            width={160}
            values={APPRENTICESHIP_SCHEMES}
            labels={APPRENTICESHIP_SCHEME_LABELS}
            value={filter.scheme}
            onChange={(v) => setFilter('scheme', v)}
          />
          <ChoiceFilter
            label={t('cooperation.status')}
            width={220}
            values={APPRENTICESHIP_STATES}
            labels={APPRENTICESHIP_STATE_LABELS}
            value={filter.state}
            onChange={(v) => setFilter('state', v)}
          />
          {filter.agreementId && (
            <AgreementTag id={filter.agreementId} onClose={() => setFilter('agreementId', null)} />
          )}
        </>
      }
    >
      <QueryState query={list}>
        {(items) => (
          <RecordTable
            dataSource={items}
            emptyText={t('cooperation.apprenticeships.empty')}
            columns={[
              {
                title: t('cooperation.apprenticeships.name'),
                dataIndex: 'title',
                sorter: byText((a) => a.title),
                render: (title: string, a) => (
                  <Link to={`/cooperation/apprenticeships/${a.id}`} data-testid="apprenticeship-link">
                    {title}
                  </Link>
                ),
              },
              {
                title: t('cooperation.apprenticeships.scheme'),
                key: 'scheme',
                width: lang === 'en' ? 150 : 120,
                render: (_, a) => pick(APPRENTICESHIP_SCHEME_LABELS[a.scheme], lang),
              },
              {
                title: t('cooperation.school'),
                key: 'school',
                // A school's own list would repeat its name on every row.
                hidden: keepsCooperation(me),
                width: 110,
                render: (_, a) => a.school.name,
              },
              {
                title: t('cooperation.enterprise'),
                key: 'enterprise',
                width: 110,
                render: (_, a) => a.enterprise.name,
              },
              {
                title: t('cooperation.apprenticeships.count'),
                dataIndex: 'apprenticeCount',
                width: 90,
                align: 'right',
                sorter: byNumber((a) => a.apprenticeCount),
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
                key: 'state',
                width: 150,
                render: (_, a) => <ApprenticeshipStateTag state={a.state} />,
              },
            ]}
          />
        )}
      </QueryState>
    </RecordListPage>
  );
}

/** The agreement the list is narrowed to, by its title; closing it shows every programme again. */
function AgreementTag({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT();
  const agreement = useAgreement(id);
  return (
    <Tag closable onClose={onClose} data-testid="agreement-filter" style={{ marginInlineEnd: 0 }}>
      {t('cooperation.apprenticeships.agreement')}：{agreement.data?.title ?? '…'}
    </Tag>
  );
}
