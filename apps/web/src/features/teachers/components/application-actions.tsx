import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useFormSubmit, type FormSubmitOptions } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { useSession } from '@/lib/session';
import { useShowError } from '@/lib/use-show-error';
import { useDecideApplication, type Decision } from '../api/decide-application';
import { useReviewAtSchool } from '../api/review-at-school';
import { useWithdrawApplication } from '../api/withdraw-application';
import type { ApplicationDetail } from '../types';
import { ApplyModal } from './apply-modal';
import { chinaTodayDay } from '@/lib/format';

type SchoolValues = { comment?: string };
type DistrictValues = {
  certifyingBody: string;
  recognisedOn: Dayjs;
  validUntil?: Dayjs | null;
  reason?: string;
};

/** A rule that applies only when `when()` holds at validation (the button pressed decides). */
const requiredWhen = (when: () => boolean, message: string) => ({
  validator: async (_: unknown, value: unknown) => {
    if (when() && !(typeof value === 'string' ? value.trim() : value)) throw new Error(message);
  },
});

/**
 * A form whose buttons say what it decides: `press('return')` validates (rules may ask `decided()`)
 * and sends the mutation with that decision.
 */
function useDecisionForm<D extends string, Values, Vars, Result>(
  initial: D,
  mutation: FormSubmitOptions<Values, Vars, Result>['mutation'],
  toInput: (decision: D, values: Values) => Vars,
  doneMessages: Record<D, string>,
) {
  const decision = useRef(initial);
  const { form, submit, submitting } = useFormSubmit({
    mutation,
    toInput: (v: Values) => toInput(decision.current, v),
    successMessage: () => doneMessages[decision.current],
  });
  const press = (d: D) => {
    decision.current = d;
    void submit();
  };
  return { form, press, submitting, decided: () => decision.current };
}

/** The school passes the application on or returns it; returning needs a comment. */
function SchoolReview({ application: a }: { application: ApplicationDetail }) {
  const t = useT();
  const review = useReviewAtSchool();
  const { form, press, submitting, decided } = useDecisionForm(
    'pass' as 'pass' | 'return',
    review,
    (decision, v: SchoolValues) => ({ id: a.id, body: { decision, comment: (v.comment ?? '').trim() } }),
    { pass: t('teachers.done.passed'), return: t('teachers.done.returned') },
  );
  return (
    <Form form={form} layout="vertical">
      <Form.Item
        name="comment"
        label={t('teachers.dq.schoolComment')}
        rules={[requiredWhen(() => decided() === 'return', t('teachers.dq.reasonRequired'))]}
      >
        <Input.TextArea rows={2} maxLength={2000} data-testid="dq-school-comment" />
      </Form.Item>
      <Space>
        <Button
          type="primary"
          loading={submitting}
          onClick={() => press('pass')}
          data-testid="dq-school-pass"
        >
          {t('teachers.dq.pass')}
        </Button>
        <Button danger onClick={() => press('return')} data-testid="dq-school-return">
          {t('teachers.dq.return')}
        </Button>
      </Space>
    </Form>
  );
}

/** The decision's body: approving records the recognition (five years unless a validity is given). */
function decisionBody(decision: 'approve' | 'refuse', v: DistrictValues): Decision {
  const reason = (v.reason ?? '').trim();
  if (decision === 'refuse') return { decision, reason };
  return {
    decision,
    reason,
    certifyingBody: v.certifyingBody.trim(),
    recognisedOn: v.recognisedOn.format('YYYY-MM-DD'),
    ...(v.validUntil ? { validUntil: v.validUntil.format('YYYY-MM-DD') } : {}),
  };
}

/** The district approves (certifying body, date, validity) or refuses with a reason. */
function DistrictDecision({ application: a }: { application: ApplicationDetail }) {
  const t = useT();
  const me = useSession();
  const decide = useDecideApplication();
  const { form, press, submitting, decided } = useDecisionForm(
    'approve' as 'approve' | 'refuse',
    decide,
    (decision, v: DistrictValues) => ({ id: a.id, body: decisionBody(decision, v) }),
    { approve: t('teachers.done.recognised'), refuse: t('teachers.done.refused') },
  );
  const approving = () => decided() === 'approve';
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ certifyingBody: me?.orgUnit.name ?? '', recognisedOn: chinaTodayDay() }}
    >
      <Flex gap={8} wrap>
        <Form.Item
          name="certifyingBody"
          label={t('teachers.col.certifyingBody')}
          required
          rules={[requiredWhen(approving, t('common.required'))]}
        >
          <Input maxLength={200} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item
          name="recognisedOn"
          label={t('teachers.col.recognisedOn')}
          required
          rules={[requiredWhen(approving, t('common.required'))]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item name="validUntil" label={t('teachers.dq.validUntilField')}>
          <DatePicker />
        </Form.Item>
      </Flex>
      {!a.criteria.eligible && (
        <Alert
          type="warning"
          showIcon
          title={t('teachers.dq.criteriaNotMetReason')}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form.Item
        name="reason"
        label={t('teachers.dq.decisionReason')}
        required={!a.criteria.eligible}
        rules={[requiredWhen(() => !approving() || !a.criteria.eligible, t('teachers.dq.reasonRequired'))]}
      >
        <Input.TextArea rows={2} maxLength={2000} data-testid="dq-decision-reason" />
      </Form.Item>
      <Space>
        <Button
          type="primary"
          loading={submitting}
          onClick={() => press('approve')}
          data-testid="dq-district-approve"
        >
          {t('teachers.dq.approve')}
        </Button>
        <Button danger onClick={() => press('refuse')} data-testid="dq-district-refuse">
          {t('teachers.dq.refuse')}
        </Button>
      </Space>
    </Form>
  );
}

/**
 * What the user may do with an application now: the school passes or returns it (with a comment),
 * the district approves it (certifying body, date, validity — five years unless given) or refuses
 * it with a reason; the school withdraws or resubmits. Returns with no reason are refused here too.
 */
export function ApplicationActions({ application: a }: { application: ApplicationDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const withdraw = useWithdrawApplication();
  const [resubmitting, setResubmitting] = useState(false);
  const ab = a.abilities;
  if (!ab.schoolReview && !ab.decide && !ab.withdraw && !ab.resubmit) return null;
  const onWithdraw = () =>
    withdraw.mutate(a.id, {
      onSuccess: () => message.success(t('teachers.done.withdrawn')),
      onError: (e) => showError(e),
    });

  return (
    <Card size="small" title={t('teachers.dq.actions')} style={{ marginTop: 16 }}>
      {ab.schoolReview && <SchoolReview application={a} />}
      {ab.decide && <DistrictDecision application={a} />}
      {(ab.withdraw || ab.resubmit) && (
        <Space style={{ marginTop: ab.schoolReview ? 12 : 0 }}>
          {ab.resubmit && <Button onClick={() => setResubmitting(true)}>{t('teachers.dq.resubmit')}</Button>}
          {ab.withdraw && <Button onClick={onWithdraw}>{t('teachers.dq.withdraw')}</Button>}
        </Space>
      )}
      {resubmitting && (
        <ApplyModal
          open
          teacherId={a.teacher.id}
          resubmit={{ id: a.id, level: a.level, statement: a.statement }}
          onClose={() => setResubmitting(false)}
        />
      )}
    </Card>
  );
}
