import { Result } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { Loading, QueryError } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { localName, useLang } from '@/lib/lang';
import { useReport } from '../api/get-report';
import { usePeriods } from '@/lib/reads/periods';
import { useTask } from '../api/get-task';
import { ReportForm } from './report-form';

/** `/progress/new?taskId=&periodId=` and `/progress/:id/edit`: loads task, periods and report, then the form. */
export function ReportFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const t = useT();
  const lang = useLang();
  const report = useReport(id);
  const taskId = id ? report.data?.taskId : (params.get('taskId') ?? undefined);
  const task = useTask(taskId);
  const periods = usePeriods(task.data?.task.planCode);

  if (!id && !taskId)
    return (
      <div style={{ maxWidth: 960 }} data-testid="report-form-page">
        <PageHeader back title={t('progress.newTitle')} />
        <Result status="info" title={t('progress.hint')} />
      </div>
    );
  const failed = [report, task, periods].find((q) => q.isError);
  if (failed) return <QueryError error={failed.error} onRetry={() => void failed.refetch()} />;
  if ((id && !report.data) || !task.data || !periods.data) return <Loading />;
  if (!id && !task.data.abilities.report) return <Result status="403" title={t('progress.noAbility')} />;

  const info = task.data.task;
  return (
    <div style={{ maxWidth: 960 }} data-testid="report-form-page">
      <PageHeader
        back
        title={id ? t('progress.editTitle') : t('progress.newTitle')}
        subtitle={`${info.label} ${localName(info.title, info.titleEn, lang)}`}
      />
      <ReportForm
        key={report.data?.id ?? 'new'}
        detail={task.data}
        periods={periods.data}
        report={report.data}
        initialPeriodId={params.get('periodId') ?? undefined}
      />
    </div>
  );
}
