import { PROGRESS_STATUS_LABELS, PROGRESS_STATUSES, type ProgressStatus } from '@zhijiao/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  ConfigProvider,
  Form,
  Input,
  Popconfirm,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { localName, pick, useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { useCreateReport } from '../api/create-report';
import { useUpdateReport } from '../api/update-report';
import { useWithdrawReport } from '../api/withdraw-report';
import type { Period, ReportBody, ReportDetail, TaskDetail } from '../types';
import { EvidenceUpload, toEvidenceFile, type EvidenceFile } from '@/components/evidence-upload';
import { ReportValuesFields } from './report-values-fields';

export interface ReportFormValues {
  periodId: string;
  progress: ProgressStatus;
  narrative: string;
  values: { value: number | null; numerator?: number | null; denominator?: number | null; note?: string }[];
  completedMilestones: string[];
}

const NARRATIVE_MAX = 5000;

/**
 * The progress report form: period, status, narrative, values of the task's reported indicators,
 * milestones completed and evidence files; saves a draft or submits for review.
 */
export function ReportForm({
  detail,
  periods,
  report,
  initialPeriodId,
}: {
  detail: TaskDetail;
  periods: Period[];
  report?: ReportDetail;
  initialPeriodId?: string;
}) {
  const t = useT();
  const lang = useLang();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const create = useCreateReport();
  const update = useUpdateReport();
  const withdraw = useWithdrawReport();
  const saving = create.isPending || update.isPending;
  const [form] = Form.useForm<ReportFormValues>();
  const [files, setFiles] = useState<EvidenceFile[]>(() => report?.files.map(toEvidenceFile) ?? []);
  const [pendingSubmit, setPendingSubmit] = useState<boolean | null>(null);
  const reported = detail.indicators.filter((i) => i.kind === 'reported');
  const readOnly = !!report && !report.abilities.edit;
  // Milestones completed by records are never ticked by hand (the server refuses them).
  const openMilestones = detail.milestones.filter(
    (m) => !m.completedBy && (!m.completedOn || report?.completedMilestones.includes(m.id)),
  );

  const initialValues: Partial<ReportFormValues> = {
    periodId: report?.period.id ?? initialPeriodId ?? periods.find((p) => p.current)?.id,
    progress: report?.progress,
    narrative: report?.narrative ?? '',
    values: reported.map((i) => {
      const existing = report?.values.find((v) => v.indicatorId === i.id);
      return {
        value: existing?.value ?? null,
        numerator: existing?.numerator ?? null,
        denominator: existing?.denominator ?? null,
        note: existing?.note ?? '',
      };
    }),
    completedMilestones: report?.completedMilestones ?? [],
  };

  // The server numbers `values` by what was sent; only filled values are sent, so map back.
  const submit = async (submitNow: boolean) => {
    let values: ReportFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const sent = reported
      .map((indicator, index) => ({ indicator, index, entry: values.values?.[index] }))
      .filter(({ entry }) => entry && entry.value !== null && entry.value !== undefined);
    const body: ReportBody = {
      progress: values.progress,
      narrative: values.narrative.trim(),
      values: sent.map(({ indicator, entry }) => ({
        indicatorId: indicator.id,
        value: entry!.value as number,
        ...(typeof entry!.numerator === 'number' ? { numerator: entry!.numerator } : {}),
        ...(typeof entry!.denominator === 'number' ? { denominator: entry!.denominator } : {}),
        ...(entry!.note?.trim() ? { note: entry!.note.trim() } : {}),
      })),
      fileIds: files.filter((f) => f.status === 'done' && f.response).map((f) => f.response!.id),
      completedMilestones: values.completedMilestones ?? [],
      submit: submitNow,
    };
    setPendingSubmit(submitNow);
    const callbacks = {
      onSuccess: (saved: ReportDetail) => {
        void message.success(t(submitNow ? 'progress.submitted' : 'progress.saved'));
        if (submitNow) navigate(`/tasks/${saved.taskId}`);
        else if (!report) navigate(`/progress/${saved.id}/edit`, { replace: true });
      },
      onError: (error: unknown) =>
        showError(error, form, (path) =>
          path[0] === 'values' && typeof path[1] === 'number'
            ? ['values', sent[path[1]]?.index ?? path[1], ...path.slice(2)]
            : path,
        ),
      onSettled: () => setPendingSubmit(null),
    };
    if (report) update.mutate({ id: report.id, body }, callbacks);
    else create.mutate({ taskId: detail.task.id, periodId: values.periodId, body }, callbacks);
  };

  const uploading = files.some((f) => f.status === 'uploading');
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues}
      disabled={readOnly}
      data-testid="report-form"
    >
      {report?.state === 'returned' && report.reviewComment && (
        <Alert
          type="warning"
          showIcon
          title={t('progress.returnedNote', { comment: report.reviewComment })}
          style={{ marginBottom: 16 }}
        />
      )}
      {readOnly && (
        <Alert
          type="info"
          showIcon
          title={t('progress.cannotEdit')}
          style={{ marginBottom: 16 }}
          action={
            report.abilities.withdraw && (
              // The form is disabled while the report waits for review: 撤回 and its confirmation stay usable.
              <ConfigProvider componentDisabled={false}>
                <Popconfirm
                  title={t('progress.withdrawConfirm')}
                  onConfirm={() =>
                    withdraw.mutate(report.id, {
                      onSuccess: () => void message.success(t('progress.withdrawn')),
                      onError: (error) => showError(error),
                    })
                  }
                >
                  <Button size="small" loading={withdraw.isPending} data-testid="report-withdraw">
                    {t('progress.withdraw')}
                  </Button>
                </Popconfirm>
              </ConfigProvider>
            )
          }
        />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form.Item
          name="periodId"
          label={t('progress.period')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            data-testid="report-period"
            disabled={!!report || readOnly}
            style={{ maxWidth: 360 }}
            options={[...periods].reverse().map((p) => ({
              value: p.id,
              label: `${p.label}${p.current ? t('plan.periodCurrent') : ''} · ${formatDate(p.dueOn)}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="progress"
          label={t('progress.status')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Radio.Group data-testid="report-status" optionType="button" buttonStyle="solid">
            {PROGRESS_STATUSES.map((status) => (
              <Radio.Button key={status} value={status}>
                {/* The test id sits on the visible label: antd hides the radio input itself. */}
                <span data-testid={`report-status-${status}`}>
                  {pick(PROGRESS_STATUS_LABELS[status], lang)}
                </span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="narrative"
          label={t('progress.narrative')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { max: NARRATIVE_MAX, message: t('progress.narrativeMax') },
          ]}
        >
          <Input.TextArea
            data-testid="report-narrative"
            rows={8}
            showCount
            maxLength={NARRATIVE_MAX}
            placeholder={t('progress.narrativePlaceholder')}
          />
        </Form.Item>
      </Card>

      <Card size="small" title={t('progress.values')} style={{ marginBottom: 16 }}>
        <ReportValuesFields indicators={reported} />
      </Card>

      <Card size="small" title={t('progress.milestones')} style={{ marginBottom: 16 }}>
        {openMilestones.length === 0 ? (
          <Typography.Text type="secondary">
            {t(detail.milestones.length ? 'progress.allMilestonesDone' : 'progress.noMilestones')}
          </Typography.Text>
        ) : (
          <Form.Item name="completedMilestones" noStyle>
            <Checkbox.Group
              data-testid="report-milestones"
              style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            >
              {openMilestones.map((m) => (
                <Checkbox key={m.id} value={m.id}>
                  <span data-testid={`report-milestone-${m.code}`}>
                    {localName(m.title, m.titleEn, lang)}
                    <Typography.Text type="secondary"> · {formatDate(m.due)}</Typography.Text>
                  </span>
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
        )}
      </Card>

      <Card size="small" title={t('progress.files')} style={{ marginBottom: 16 }}>
        <EvidenceUpload value={files} onChange={setFiles} disabled={readOnly} testId="report-upload" />
      </Card>

      {!readOnly && (
        <Space>
          <Button
            data-testid="report-save"
            onClick={() => void submit(false)}
            loading={saving && pendingSubmit === false}
            disabled={uploading || saving}
          >
            {t('progress.saveDraft')}
          </Button>
          <Button
            type="primary"
            data-testid="report-submit"
            onClick={() => void submit(true)}
            loading={saving && pendingSubmit === true}
            disabled={uploading || saving}
          >
            {t('progress.submit')}
          </Button>
        </Space>
      )}
    </Form>
  );
}
