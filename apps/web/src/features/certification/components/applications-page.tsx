import { useQuery } from '@tanstack/react-query';
import { Form, Input, InputNumber, Select } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api } from '@/lib/api-client';
import { QueryState } from '@/components/query-state';
import { RecordListPage, RecordTable } from '@/components/record-list-page';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { useSession } from '@/lib/session';
import { can } from '@/lib/permissions';
import { byNumber, byText } from '@/lib/sorters';
import { useApplications, useApply, type Application, type ApplicationRow } from '../api/certification';
import { CertificationTabs } from './certification-tabs';
import { StandingTag, StateTag } from './certification-tags';
import { chinaYear } from '@/lib/format';

/**
 * `/certification/applications`: 产教融合型企业认定申报 — an enterprise's own, or the district's for
 * the bureaus; the certified ones with their validity and the next re-check; a row opens the review.
 */
export function ApplicationsPage() {
  const t = useT();
  const me = useSession();
  const navigate = useNavigate();
  const applications = useApplications({});
  const mayApply =
    !!me &&
    can(me, 'certification.apply') &&
    (me.orgUnit.type === 'enterprise' || me.orgUnit.groups.includes('enterprise-registrar'));
  return (
    <RecordListPage
      testId="certification-applications-page"
      tabs={<CertificationTabs />}
      title={t('certification.applications.title')}
      subtitle={t('certification.applications.subtitle')}
      create={
        mayApply && {
          label: t('certification.apply'),
          testId: 'apply',
          form: (modal) => (
            <ApplyModal {...modal} onSaved={(id) => navigate(`/certification/applications/${id}`)} />
          ),
        }
      }
    >
      <QueryState query={applications}>
        {(items) => (
          <RecordTable<ApplicationRow>
            dataSource={items}
            emptyText={t('certification.applications.empty')}
            columns={[
              {
                title: t('certification.enterprise'),
                key: 'enterprise',
                sorter: byText((a) => a.enterprise.name),
                render: (_, a) => (
                  <Link to={`/certification/applications/${a.id}`} data-testid="application-link">
                    {a.enterprise.name}
                  </Link>
                ),
              },
              {
                title: t('certification.year'),
                dataIndex: 'year',
                width: 80,
                sorter: byNumber((a) => a.year),
              },
              { title: t('certification.appliedOn'), dataIndex: 'appliedOn', width: 120 },
              {
                title: t('certification.opinions'),
                key: 'opinions',
                width: 100,
                render: (_, a) => `${a.opinionsGiven} / ${a.panelSize}`,
              },
              {
                title: t('certification.state'),
                key: 'state',
                width: 90,
                render: (_, a) => <StateTag state={a.state} />,
              },
              {
                title: t('certification.validity'),
                key: 'validity',
                width: 220,
                render: (_, a) =>
                  a.certification ? (
                    <>
                      <StandingTag standing={a.certification.standing} /> {a.certification.certifiedOn} ～{' '}
                      {a.certification.validUntil}
                    </>
                  ) : (
                    '—'
                  ),
              },
              {
                title: t('certification.nextRecheck'),
                key: 'recheck',
                width: 120,
                render: (_, a) => (a.state === 'certified' ? (a.certification?.nextRecheckOn ?? '—') : '—'),
              },
            ]}
          />
        )}
      </QueryState>
    </RecordListPage>
  );
}

type ApplyValues = { enterpriseId?: string; year: number; statement?: string };

function ApplyModal({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const t = useT();
  const me = useSession();
  const enterprise = me?.orgUnit.type === 'enterprise';
  return (
    <FormModal<ApplyValues, ApplyValues, Application>
      open={open}
      onClose={onClose}
      title={t('certification.apply')}
      mutation={useApply()}
      toInput={(v) => ({
        ...(v.enterpriseId ? { enterpriseId: v.enterpriseId } : {}),
        year: v.year,
        statement: (v.statement ?? '').trim(),
      })}
      successMessage={t('certification.applied')}
      onSaved={(r) => onSaved(r.id)}
      initialValues={{ year: chinaYear() }}
    >
      {!enterprise && (
        <Form.Item name="enterpriseId" label={t('certification.enterprise')} rules={[{ required: true }]}>
          <EnterpriseSelect />
        </Form.Item>
      )}
      <Form.Item name="year" label={t('certification.year')} rules={[{ required: true }]}>
        <InputNumber min={2000} max={2100} />
      </Form.Item>
      <Form.Item
        name="statement"
        label={t('certification.statement')}
        extra={t('certification.statementHint')}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

/** The district's enterprises, by name (from the org tree). */
export function EnterpriseSelect(props: { value?: string; onChange?: (v: string) => void }) {
  const units = useEnterpriseUnits();
  return (
    <Select
      {...props}
      showSearch
      optionFilterProp="label"
      options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
    />
  );
}

function useEnterpriseUnits() {
  return useQuery({
    queryKey: ['org', 'units', 'enterprise'],
    queryFn: async () => (await api.get('/api/org-units')).items.filter((u) => u.type === 'enterprise'),
  });
}
