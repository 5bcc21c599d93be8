import { CENTRE_KIND_LABELS, CENTRE_KINDS, CENTRE_STATE_LABELS, CENTRE_STATES } from '@zhijiao/contracts';
import { Link, useNavigate } from 'react-router';
import { ChoiceFilter } from '@/components/list-filters';
import { QueryState } from '@/components/query-state';
import { RecordListPage, RecordTable } from '@/components/record-list-page';
import { formatNumber } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useSession } from '@/lib/session';
import { byDate, byNumber, byText } from '@/lib/sorters';
import { useUrlFilters } from '@/lib/url-filters';
import { keepsCooperation } from '../access';
import { useCentres } from '../api/centres';
import { CentreFormModal } from './centre-forms';
import { CentreStateTag, CooperationTabs } from './shared';

/** `/cooperation/centres`: 协同创新中心 and 教学工厂 the user sees (`?kind=&state=`). */
export function CentresPage() {
  const t = useT();
  const lang = useLang();
  const me = useSession();
  const navigate = useNavigate();
  const [filter, setFilter] = useUrlFilters({ kind: CENTRE_KINDS, state: CENTRE_STATES });
  const centres = useCentres(filter);
  return (
    <RecordListPage
      testId="cooperation-centres-page"
      tabs={<CooperationTabs />}
      title={t('cooperation.centres.title')}
      subtitle={t('cooperation.centres.subtitle')}
      create={
        keepsCooperation(me) && {
          label: t('cooperation.centres.add'),
          testId: 'new-centre',
          form: (modal) => (
            <CentreFormModal {...modal} onSaved={(id) => navigate(`/cooperation/centres/${id}`)} />
          ),
        }
      }
      filters={
        <>
          <ChoiceFilter
            label={t('cooperation.centres.kind')}
            width={200}
            values={CENTRE_KINDS}
            labels={CENTRE_KIND_LABELS}
            value={filter.kind}
            onChange={(v) => setFilter('kind', v)}
          />
          <ChoiceFilter
            label={t('cooperation.status')}
            width={120}
            values={CENTRE_STATES}
            labels={CENTRE_STATE_LABELS}
            value={filter.state}
            onChange={(v) => setFilter('state', v)}
          />
        </>
      }
    >
      <QueryState query={centres}>
        {(items) => (
          <RecordTable
            dataSource={items}
            emptyText={t('cooperation.centres.empty')}
            columns={[
              {
                title: t('cooperation.centres.name'),
                dataIndex: 'name',
                sorter: byText((c) => c.name),
                render: (name: string, c) => (
                  <Link to={`/cooperation/centres/${c.id}`} data-testid="centre-link">
                    {name}
                  </Link>
                ),
              },
              {
                title: t('cooperation.centres.kind'),
                key: 'kind',
                width: lang === 'en' ? 200 : 170,
                render: (_, c) => pick(CENTRE_KIND_LABELS[c.kind], lang),
              },
              {
                title: t('cooperation.school'),
                key: 'school',
                // A school's own list would repeat its name on every row.
                hidden: keepsCooperation(me),
                width: 110,
                render: (_, c) => c.school.name,
              },
              {
                title: t('cooperation.centres.partners'),
                key: 'partners',
                width: 140,
                render: (_, c) =>
                  c.partners.map((p) => p.name).join('、') || t('cooperation.centres.noPartner'),
              },
              {
                title: t('cooperation.centres.openedOn'),
                dataIndex: 'openedOn',
                width: 110,
                sorter: byDate((c) => c.openedOn),
              },
              {
                title: t('cooperation.centres.staffTrained'),
                key: 'staff',
                width: 120,
                align: 'right',
                sorter: byNumber((c) => c.totals.staffTrained),
                render: (_, c) => formatNumber(c.totals.staffTrained),
              },
              {
                title: t('cooperation.status'),
                key: 'state',
                width: 90,
                render: (_, c) => <CentreStateTag state={c.state} />,
              },
            ]}
          />
        )}
      </QueryState>
    </RecordListPage>
  );
}
