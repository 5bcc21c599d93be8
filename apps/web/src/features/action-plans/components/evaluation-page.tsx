import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import type { TaskOutcome } from '@zhijiao/contracts';
import { useState } from 'react';
import { useParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { localName, useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { useClosePlan } from '../api/close-plan';
import { downloadFinalEvaluation } from '../api/download-final-evaluation';
import { useEvaluation } from '../api/get-evaluation';
import { useSaveEvaluation } from '../api/save-evaluation';
import type { Evaluation, EvaluationBody } from '../types';
import { EvaluationIndicatorTable, EvaluationTaskTable } from './evaluation-tables';

interface FormValues {
  narrative: string;
  tasks: Array<{ taskId: string; outcome: TaskOutcome; remark: string }>;
}

/**
 * `/plans/:code/evaluation`: the final evaluation (终期评估). The coordinator confirms each task's
 * outcome (prefilled from the latest approved progress) with a remark, writes the narrative, sees
 * each indicator's verdict at its deadline, saves the draft and closes the plan (关闭计划) after a
 * confirmation. Once closed it reads as the plan's conclusion, with its report to download.
 */
export function EvaluationPage() {
  const { code = '' } = useParams();
  const query = useEvaluation(code);
  return (
    <div data-testid="evaluation-page">
      <QueryState query={query}>
        {(evaluation) => <EvaluationForm code={code} evaluation={evaluation} />}
      </QueryState>
    </div>
  );
}

function EvaluationForm({ code, evaluation }: { code: string; evaluation: Evaluation }) {
  const t = useT();
  const lang = useLang();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const save = useSaveEvaluation(code);
  const close = useClosePlan(code);
  const [form] = Form.useForm<FormValues>();
  const editable = evaluation.abilities.save;
  const initialValues: FormValues = {
    narrative: evaluation.narrative,
    tasks: evaluation.tasks.map((task) => ({
      taskId: task.id,
      outcome: task.outcome ?? task.proposedOutcome,
      remark: task.remark,
    })),
  };
  const body = (): EvaluationBody => {
    const v = form.getFieldsValue(true) as FormValues;
    return { narrative: v.narrative ?? '', tasks: v.tasks };
  };
  const onSave = () =>
    save.mutate(body(), {
      onSuccess: () => message.success(t('closing.saved')),
      onError: (e) => showError(e, form),
    });
  const onClose = () =>
    modal.confirm({
      title: t('closing.closeConfirm'),
      content: t('closing.closeConfirmText'),
      okText: t('closing.close'),
      okButtonProps: { danger: true, 'data-testid': 'close-plan-confirm' } as Record<
        `data-${string}`,
        string
      >,
      onOk: async () => {
        try {
          await save.mutateAsync(body());
          await close.mutateAsync();
          message.success(t('closing.closedOk'));
        } catch (e) {
          showError(e, form);
        }
      },
    });
  return (
    <>
      <PageHeader
        title={t('closing.title')}
        subtitle={
          <Space size={8} wrap>
            <span>{localName(evaluation.plan.title, evaluation.plan.titleEn, lang)}</span>
            <span>
              {formatDate(evaluation.plan.startDate)} — {formatDate(evaluation.plan.endDate)}
            </span>
            <StateTag evaluation={evaluation} />
          </Space>
        }
        extra={
          <EvaluationActions
            code={code}
            evaluation={evaluation}
            onSave={onSave}
            onClose={onClose}
            busy={save.isPending || close.isPending}
          />
        }
      />
      <PhaseNotice evaluation={evaluation} />
      <Typography.Paragraph data-testid="evaluation-summary">
        {summaryText(t, evaluation)}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={initialValues} disabled={!editable}>
        <Card size="small" title={t('closing.narrative')} style={{ marginBottom: 16 }}>
          {editable ? (
            <Form.Item name="narrative" style={{ marginBottom: 0 }}>
              <Input.TextArea
                rows={5}
                maxLength={20000}
                placeholder={t('closing.narrativeHint')}
                aria-label={t('closing.narrative')}
                data-testid="evaluation-narrative"
              />
            </Form.Item>
          ) : (
            <Typography.Paragraph
              style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
              data-testid="evaluation-narrative"
            >
              {evaluation.narrative || '—'}
            </Typography.Paragraph>
          )}
        </Card>
        <Card
          size="small"
          title={t('closing.tasks')}
          extra={editable && t('closing.tasksHint')}
          style={{ marginBottom: 16 }}
        >
          <EvaluationTaskTable evaluation={evaluation} editable={editable} />
        </Card>
      </Form>
      <Card size="small" title={t('closing.indicators')}>
        <EvaluationIndicatorTable evaluation={evaluation} />
      </Card>
    </>
  );
}

function StateTag({ evaluation }: { evaluation: Evaluation }) {
  const t = useT();
  const state = evaluation.state ?? 'none';
  const color = { none: 'default', draft: 'processing', closed: 'success' }[state];
  return (
    <Tag color={color} data-testid="evaluation-state">
      {t(`closing.state.${state}`)}
    </Tag>
  );
}

function PhaseNotice({ evaluation }: { evaluation: Evaluation }) {
  const t = useT();
  if (evaluation.phase === 'running')
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('closing.notEnded', { end: formatDate(evaluation.plan.endDate) })}
      />
    );
  if (evaluation.phase === 'closed')
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('closing.readOnly', { date: formatDate(evaluation.closedOn) })}
      />
    );
  return null;
}

function EvaluationActions(props: {
  code: string;
  evaluation: Evaluation;
  onSave: () => void;
  onClose: () => void;
  busy: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const showError = useShowError();
  const [downloading, setDownloading] = useState<'docx' | 'pdf' | null>(null);
  const { abilities, state } = props.evaluation;
  const download = (format: 'docx' | 'pdf') => {
    setDownloading(format);
    downloadFinalEvaluation(props.code, format, lang)
      .catch(showError)
      .finally(() => setDownloading(null));
  };
  return (
    <Space wrap>
      {state && (
        <>
          <Button
            icon={<FileWordOutlined />}
            loading={downloading === 'docx'}
            onClick={() => download('docx')}
          >
            {t('closing.docx')}
          </Button>
          <Button icon={<FilePdfOutlined />} loading={downloading === 'pdf'} onClick={() => download('pdf')}>
            {t('closing.pdf')}
          </Button>
        </>
      )}
      {abilities.save && (
        <Button onClick={props.onSave} loading={props.busy} data-testid="evaluation-save">
          {t('closing.save')}
        </Button>
      )}
      {abilities.close && (
        <Button type="primary" danger onClick={props.onClose} loading={props.busy} data-testid="close-plan">
          {t('closing.close')}
        </Button>
      )}
    </Space>
  );
}

function summaryText(t: ReturnType<typeof useT>, e: Evaluation): string {
  const outcome = (o: TaskOutcome) =>
    e.tasks.filter((task) => (task.outcome ?? task.proposedOutcome) === o).length;
  const verdict = (v: string) => e.indicators.filter((i) => i.verdict === v).length;
  return t('closing.summary', {
    completed: outcome('completed'),
    partly: outcome('partly'),
    notCompleted: outcome('not_completed'),
    met: verdict('met'),
    notMet: verdict('not_met'),
    noData: verdict('no_data'),
  });
}
