import { App, Button, Card, DatePicker, Flex, Form, Input, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '@/lib/i18n';
import { useSession } from '@/lib/session';
import { useShowError } from '@/lib/use-show-error';
import { useApplicationStep } from '../api/applications';
import type { ApplicationDetail } from '../types';
import { ApplyModal } from './apply-modal';

/**
 * What the user may do with an application now: the school passes or returns it (with a comment),
 * the district approves it (certifying body, date, validity — five years unless given) or refuses
 * it with a reason; the school withdraws or resubmits. Returns with no reason are refused here too.
 */
export function ApplicationActions({ application: a }: { application: ApplicationDetail }) {
  const t = useT();
  const me = useSession();
  const { message } = App.useApp();
  const showError = useShowError();
  const step = useApplicationStep();
  const [resubmitting, setResubmitting] = useState(false);
  const [school] = Form.useForm<{ comment?: string }>();
  const [district] = Form.useForm<{
    certifyingBody: string;
    recognisedOn: Dayjs;
    validUntil?: Dayjs | null;
    reason?: string;
  }>();
  const ok = () => message.success(t('teachers.saved'));
  const run = (
    s: 'school-review' | 'decision' | 'withdrawal',
    body?: unknown,
    form?: typeof school | typeof district,
  ) => step.mutate({ id: a.id, step: s, body }, { onSuccess: ok, onError: (e) => showError(e, form) });
  const ab = a.abilities;
  if (!ab.schoolReview && !ab.decide && !ab.withdraw && !ab.resubmit) return null;

  const schoolStep = async (decision: 'pass' | 'return') => {
    const comment = (school.getFieldValue('comment') ?? '').trim();
    if (decision === 'return' && !comment) {
      school.setFields([{ name: 'comment', errors: [t('teachers.dq.reasonRequired')] }]);
      return;
    }
    run('school-review', { decision, comment }, school);
  };
  const districtStep = async (decision: 'approve' | 'refuse') => {
    const v = district.getFieldsValue();
    if (decision === 'refuse' && !(v.reason ?? '').trim()) {
      district.setFields([{ name: 'reason', errors: [t('teachers.dq.reasonRequired')] }]);
      return;
    }
    if (
      decision === 'approve' &&
      !(await district.validateFields(['certifyingBody', 'recognisedOn']).catch(() => null))
    )
      return;
    run(
      'decision',
      decision === 'refuse'
        ? { decision, reason: v.reason!.trim() }
        : {
            decision,
            reason: (v.reason ?? '').trim(),
            certifyingBody: v.certifyingBody.trim(),
            recognisedOn: v.recognisedOn.format('YYYY-MM-DD'),
            ...(v.validUntil ? { validUntil: v.validUntil.format('YYYY-MM-DD') } : {}),
          },
      district,
    );
  };

  return (
    <Card size="small" title={t('teachers.dq.actions')} style={{ marginTop: 16 }}>
      {ab.schoolReview && (
        <Form form={school} layout="vertical">
          <Form.Item name="comment" label={t('teachers.dq.schoolComment')}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="dq-school-comment" />
          </Form.Item>
          <Space>
            <Button
              type="primary"
              loading={step.isPending}
              onClick={() => void schoolStep('pass')}
              data-testid="dq-school-pass"
            >
              {t('teachers.dq.pass')}
            </Button>
            <Button danger onClick={() => void schoolStep('return')} data-testid="dq-school-return">
              {t('teachers.dq.return')}
            </Button>
          </Space>
        </Form>
      )}
      {ab.decide && (
        <Form
          form={district}
          layout="vertical"
          initialValues={{ certifyingBody: me?.orgUnit.name ?? '', recognisedOn: dayjs() }}
        >
          <Flex gap={8} wrap>
            <Form.Item
              name="certifyingBody"
              label={t('teachers.col.certifyingBody')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input maxLength={200} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item
              name="recognisedOn"
              label={t('teachers.col.recognisedOn')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <DatePicker />
            </Form.Item>
            <Form.Item name="validUntil" label={t('teachers.dq.validUntilField')}>
              <DatePicker />
            </Form.Item>
          </Flex>
          <Form.Item name="reason" label={t('teachers.dq.decisionReason')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Space>
            <Button
              type="primary"
              loading={step.isPending}
              onClick={() => void districtStep('approve')}
              data-testid="dq-district-approve"
            >
              {t('teachers.dq.approve')}
            </Button>
            <Button danger onClick={() => void districtStep('refuse')} data-testid="dq-district-refuse">
              {t('teachers.dq.refuse')}
            </Button>
          </Space>
        </Form>
      )}
      {(ab.withdraw || ab.resubmit) && (
        <Space style={{ marginTop: ab.schoolReview ? 12 : 0 }}>
          {ab.resubmit && <Button onClick={() => setResubmitting(true)}>{t('teachers.dq.resubmit')}</Button>}
          {ab.withdraw && <Button onClick={() => run('withdrawal')}>{t('teachers.dq.withdraw')}</Button>}
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
