import { CERTIFICATION_OPINION_LABELS, type CertificationOpinion } from '@zhijiao/contracts';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Radio, Space, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useFormSubmit } from '@/components/form-modal';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { ResponsiveTable } from '@/components/responsive-table';
import { formatDate } from '@/lib/format';
import { useT, type MessageKey } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import {
  useApplication,
  useCertify,
  useOpinion,
  useRecheck,
  useRefuse,
  useRevoke,
  type Application,
} from '../api/certification';
import { CertificationTabs } from './certification-tabs';
import { StandingTag, StateTag } from './certification-tags';

type Result = Application['evaluation']['evaluation']['results'][number];
type Dialog = 'opinion' | 'certify' | 'refuse' | 'recheck' | 'revoke' | null;

/**
 * `/certification/applications/:id`: the review page — each criterion of 发改社会〔2019〕590号 with
 * the requirement, the number measured from the records, met or not and its basis; the 会签单;
 * the applying unit's line recused (回避); the decision, re-checks and history; the steps the actor
 * may take.
 */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const t = useT();
  const lang = useLang();
  const application = useApplication(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  return (
    <div data-testid="certification-application-page">
      <CertificationTabs />
      <QueryState query={application}>
        {(a) => (
          <>
            <PageHeader
              back
              printable
              title={`${a.enterprise.name} · ${t('certification.applicationOf', { year: a.year })}`}
              subtitle={<StateTag state={a.state} />}
              extra={
                <Space wrap>
                  {a.abilities.sign && (
                    <Button onClick={() => setDialog('opinion')} data-testid="give-opinion">
                      {t('certification.giveOpinion')}
                    </Button>
                  )}
                  {a.abilities.certify && (
                    <Button type="primary" onClick={() => setDialog('certify')} data-testid="certify">
                      {t('certification.certify')}
                    </Button>
                  )}
                  {a.abilities.refuse && (
                    <Button danger onClick={() => setDialog('refuse')} data-testid="refuse">
                      {t('certification.refuse')}
                    </Button>
                  )}
                  {a.abilities.recheck && (
                    <Button onClick={() => setDialog('recheck')} data-testid="recheck">
                      {t('certification.recheck')}
                    </Button>
                  )}
                  {a.abilities.revoke && (
                    <Button danger onClick={() => setDialog('revoke')} data-testid="revoke">
                      {t('certification.revoke')}
                    </Button>
                  )}
                </Space>
              }
            />
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Card size="small">
                <Descriptions size="small" column={{ xs: 1, md: 3 }}>
                  <Descriptions.Item label={t('certification.appliedBy')}>
                    {a.appliedBy.name}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('certification.appliedOn')}>{a.appliedOn}</Descriptions.Item>
                  <Descriptions.Item label={t('certification.decidedOn')}>
                    {a.decidedOn ?? '—'}
                  </Descriptions.Item>
                  {a.certification && (
                    <>
                      <Descriptions.Item label={t('certification.validity')}>
                        <StandingTag standing={a.certification.standing} /> {a.certification.certifiedOn} ～{' '}
                        {a.certification.validUntil}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('certification.nextRecheck')}>
                        {a.state === 'certified' ? (a.certification.nextRecheckOn ?? '—') : '—'}
                      </Descriptions.Item>
                    </>
                  )}
                  {a.statement ? (
                    <Descriptions.Item label={t('certification.statement')} span={3}>
                      {a.statement}
                    </Descriptions.Item>
                  ) : null}
                  {a.decisionNote ? (
                    <Descriptions.Item label={t('certification.decisionNote')} span={3}>
                      <span data-testid="decision-note">{a.decisionNote}</span>
                    </Descriptions.Item>
                  ) : null}
                  {a.revokedOn && (
                    <Descriptions.Item label={t('certification.revokedOn')} span={3}>
                      {a.revokedOn}：{a.revokeReason}
                    </Descriptions.Item>
                  )}
                </Descriptions>
              </Card>
              <Card size="small" title={t('certification.criteria')}>
                {/* The day it was measured on goes under the verdict: beside the card's title, on a
                    phone, the long line left the title no room. */}
                <Alert
                  type={a.evaluation.evaluation.eligible ? 'success' : 'warning'}
                  showIcon
                  style={{ marginBottom: 8 }}
                  message={
                    a.evaluation.evaluation.eligible
                      ? t('certification.eligible')
                      : t('certification.notEligible')
                  }
                  description={
                    a.evaluation.measuredNow
                      ? t('certification.measuredNow', { date: a.evaluation.date })
                      : t('certification.snapshot', { date: a.evaluation.date })
                  }
                />
                <CriteriaTable results={a.evaluation.evaluation.results} />
              </Card>
              <Card size="small" title={t('certification.panel')}>
                <ResponsiveTable
                  size="small"
                  rowKey={(o) => o.bureau.id}
                  dataSource={a.opinions}
                  pagination={false}
                  columns={[
                    { title: t('certification.bureau'), key: 'bureau', render: (_, o) => o.bureau.name },
                    {
                      title: t('certification.opinion'),
                      key: 'opinion',
                      width: 130,
                      render: (_, o) =>
                        o.recused ? (
                          <Tag>{t('certification.recused')}</Tag>
                        ) : o.opinion ? (
                          <Tag color={o.opinion === 'agree' ? 'success' : 'error'}>
                            {pick(CERTIFICATION_OPINION_LABELS[o.opinion], lang)}
                          </Tag>
                        ) : (
                          <Tag>{t('certification.notSigned')}</Tag>
                        ),
                    },
                    { title: t('certification.comment'), dataIndex: 'comment' },
                    {
                      title: t('certification.givenOn'),
                      dataIndex: 'givenOn',
                      width: 110,
                      render: (d: string | null) => d ?? '—',
                    },
                  ]}
                />
              </Card>
              {a.rechecks.length > 0 && (
                <Card size="small" title={t('certification.rechecks')}>
                  {a.rechecks.map((r) => (
                    <div key={r.checkedOn} style={{ marginBottom: 8 }}>
                      <strong>{r.checkedOn}</strong>{' '}
                      <Tag color={r.passed ? 'success' : 'error'}>
                        {r.passed ? t('certification.recheckPassed') : t('certification.recheckFailed')}
                      </Tag>{' '}
                      {r.comment}
                    </div>
                  ))}
                </Card>
              )}
              <Card size="small" title={t('certification.history')}>
                <Timeline
                  items={a.history.map((h) => ({
                    content: `${formatDate(h.at)} ${h.actor} · ${t(`certification.action.${h.action}` as MessageKey)}${h.comment ? `：${h.comment}` : ''}`,
                  }))}
                />
              </Card>
            </Space>
            <StepDialog application={a} dialog={dialog} onClose={() => setDialog(null)} />
          </>
        )}
      </QueryState>
    </div>
  );
}

/** The criteria: requirement, measured number, met or not (未接入 when not measured), basis. */
function CriteriaTable({ results }: { results: Result[] }) {
  const t = useT();
  const lang = useLang();
  return (
    <ResponsiveTable<Result>
      size="small"
      rowKey="key"
      dataSource={results}
      pagination={false}
      data-testid="criteria"
      columns={[
        { title: t('certification.required'), key: 'required', render: (_, r) => pick(r.required, lang) },
        {
          title: t('certification.group'),
          key: 'group',
          width: 90,
          render: (_, r) => (r.group === 'all' ? t('certification.groupAll') : t('certification.groupAny')),
        },
        {
          title: t('certification.actual'),
          key: 'actual',
          width: 200,
          render: (_, r) => pick(r.actual, lang),
        },
        {
          title: t('certification.met'),
          key: 'met',
          width: 90,
          render: (_, r) =>
            !r.measured ? (
              <Tag>{t('certification.notMeasured')}</Tag>
            ) : r.met ? (
              <Tag color="success">{t('certification.isMet')}</Tag>
            ) : (
              <Tag color="error">{t('certification.isUnmet')}</Tag>
            ),
        },
        { title: t('certification.basis'), dataIndex: 'basis', width: 320 },
      ]}
    />
  );
}

function StepDialog({
  application: a,
  dialog,
  onClose,
}: {
  application: Application;
  dialog: Dialog;
  onClose: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const opinion = useOpinion(a.id);
  const certify = useCertify(a.id);
  const refuse = useRefuse(a.id);
  const recheck = useRecheck(a.id);
  const revoke = useRevoke(a.id);
  type Values = { opinion?: CertificationOpinion; text?: string };
  const { form, submit, submitting } = useFormSubmit<Values, Values, unknown>({
    mutation: {
      isPending: [opinion, certify, refuse, recheck, revoke].some((m) => m.isPending),
      mutate: (v, callbacks) => {
        const text = (v.text ?? '').trim();
        if (dialog === 'opinion')
          opinion.mutate({ opinion: v.opinion ?? 'agree', comment: text }, callbacks as never);
        if (dialog === 'certify') certify.mutate({ note: text }, callbacks as never);
        if (dialog === 'refuse') refuse.mutate({ reason: text }, callbacks as never);
        if (dialog === 'recheck') recheck.mutate({ comment: text }, callbacks as never);
        if (dialog === 'revoke') revoke.mutate({ reason: text }, callbacks as never);
      },
    },
    toInput: (v) => v,
    successMessage: t('certification.saved'),
    onSaved: onClose,
    mapPath: (p) => (['comment', 'reason', 'note'].includes(String(p[0])) ? ['text'] : p),
  });
  if (!dialog) return null;
  const needsText = dialog === 'refuse' || dialog === 'revoke';
  return (
    <Modal
      open
      title={t(`certification.dialog.${dialog}` as MessageKey)}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={submitting}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ opinion: 'agree' }}>
        {dialog === 'opinion' && (
          <Form.Item name="opinion" label={t('certification.opinion')}>
            <Radio.Group
              options={(['agree', 'disagree'] as const).map((o) => ({
                value: o,
                label: pick(CERTIFICATION_OPINION_LABELS[o], lang),
              }))}
            />
          </Form.Item>
        )}
        {(dialog === 'certify' || dialog === 'recheck') && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('certification.measuredOnDecision')}
          />
        )}
        <Form.Item
          name="text"
          label={needsText ? t('certification.reason') : t('certification.comment')}
          rules={
            needsText
              ? [{ required: true, whitespace: true, message: t('certification.reasonRequired') }]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="step-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
