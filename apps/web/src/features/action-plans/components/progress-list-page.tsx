import { REPORT_STATE_LABELS, REPORT_STATES, type ReportState } from '@zhijiao/contracts';
import { Alert, App, Button, Card, Drawer, Segmented, Space, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ExportButton } from '@/components/export-button';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { ReportDetails } from '@/components/report-details';
import { useReportColumns } from '@/components/report-columns';
import { useCurrentPlan } from '@/lib/current-plan';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { useReport } from '../api/get-report';
import { useReports } from '../api/get-reports';
import { useSubmitReport } from '../api/submit-report';

/** `/progress`: the reports of the user's unit, filterable by state, with edit, submit and view. */
export function ProgressListPage() {
  const t = useT();
  const cols = useReportColumns();
  const lang = useLang();
  const plan = useCurrentPlan();
  const { message } = App.useApp();
  const showError = useShowError();
  const [state, setState] = useState<ReportState | 'all'>('all');
  const [viewing, setViewing] = useState<string | null>(null);
  const reports = useReports({ planCode: plan?.code, state: state === 'all' ? undefined : state });
  const detail = useReport(viewing ?? undefined);
  const submit = useSubmitReport();

  return (
    <div data-testid="progress-page">
      <PageHeader
        title={t('progress.mine')}
        extra={
          <ExportButton
            path="/api/progress-reports/export.xlsx"
            query={{ planCode: plan?.code, state: state === 'all' ? undefined : state }}
            filename="进展填报.xlsx"
          />
        }
      />
      <Alert type="info" showIcon title={t('progress.hint')} style={{ marginBottom: 16 }} />
      <Card size="small">
        <Segmented
          style={{ marginBottom: 12 }}
          value={state}
          onChange={(v) => setState(v as ReportState | 'all')}
          options={[
            { value: 'all', label: t('common.all') },
            ...REPORT_STATES.map((s) => ({ value: s, label: pick(REPORT_STATE_LABELS[s], lang) })),
          ]}
        />
        <QueryState query={reports}>
          {(items) => (
            <Table
              size="small"
              rowKey="id"
              dataSource={items}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 980 }}
              columns={[
                cols.period,
                cols.task,
                cols.unit,
                cols.progress,
                cols.state,
                cols.submitted,
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 180,
                  render: (_, r) => (
                    <Space size={0}>
                      <Button size="small" type="link" onClick={() => setViewing(r.id)}>
                        {t('common.view')}
                      </Button>
                      {r.abilities.edit && (
                        <Link to={`/progress/${r.id}/edit`}>
                          <Button size="small" type="link">
                            {t('common.edit')}
                          </Button>
                        </Link>
                      )}
                      {r.abilities.submit && (
                        <Button
                          size="small"
                          type="link"
                          loading={submit.isPending && submit.variables === r.id}
                          onClick={() =>
                            submit.mutate(r.id, {
                              onSuccess: () => message.success(t('progress.submitted')),
                              onError: (e) => showError(e),
                            })
                          }
                        >
                          {t('progress.submitNow')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
      <Drawer
        open={!!viewing}
        onClose={() => setViewing(null)}
        size={720}
        title={t('review.detail')}
        destroyOnHidden
      >
        {viewing && <QueryState query={detail}>{(report) => <ReportDetails report={report} />}</QueryState>}
      </Drawer>
    </div>
  );
}
