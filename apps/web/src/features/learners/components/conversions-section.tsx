import { Button, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '@/components/form-modal';
import { QueryState } from '@/components/query-state';
import { ResponsiveTable } from '@/components/responsive-table';
import { useT } from '@/lib/i18n';
import { useLang } from '@/lib/lang';
import { can } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useShowError } from '@/lib/use-show-error';
import {
  useApplyForConversion,
  useConversionRules,
  useConversions,
  useDecideConversion,
  useReverseConversion,
} from '../api/conversions';
import type { Conversion, LearnerDetail } from '../types';
import { credits } from './credit-bank-section';
import { CreditBankExportButton } from './credit-bank-export-button';

const STATUS_COLORS: Record<Conversion['status'], string> = {
  applied: 'gold',
  approved: 'green',
  refused: 'red',
  reversed: 'default',
};

/**
 * 学分转换: the learner's conversions (courses exempted, credits, the server's explanation, status and
 * reason); the school's clerk applies under one of the school's rules (申请转换; the server checks and
 * explains, its reasons in a notification), the district's reviewer approves or refuses with a reason,
 * and reverses an approved one with a reason (撤销转换: a reversing entry gives its credits back).
 */
export function ConversionsSection({ learner, mayApply }: { learner: LearnerDetail; mayApply: boolean }) {
  const t = useT();
  const lang = useLang();
  const me = useSession();
  const conversions = useConversions(learner.id);
  const review = can(me, 'creditBank.review');
  const [reversing, setReversing] = useState<Conversion | null>(null);
  const reverse = useReverseConversion();
  const [applying, setApplying] = useState(false);
  const [refusing, setRefusing] = useState<Conversion | null>(null);
  const decide = useDecideConversion();
  const showError = useShowError();
  return (
    <>
      <Space style={{ marginTop: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('creditbank.conversions.title')}
        </Typography.Title>
        <Space wrap>
          <CreditBankExportButton learnerId={learner.id} />
          {mayApply && (
            <Button onClick={() => setApplying(true)} data-testid="conversion-apply">
              {t('creditbank.conversions.apply')}
            </Button>
          )}
        </Space>
      </Space>
      <QueryState query={conversions}>
        {(items) => (
          <ResponsiveTable<Conversion>
            size="small"
            rowKey="id"
            dataSource={items}
            pagination={false}
            style={{ marginTop: 8 }}
            locale={{ emptyText: t('creditbank.conversions.empty') }}
            data-testid="learner-conversions"
            columns={[
              {
                title: t('creditbank.rules.exempts'),
                key: 'courses',
                render: (_, c) => c.courses.join('、'),
              },
              {
                title: t('creditbank.entries.credits'),
                key: 'credits',
                width: 70,
                render: (_, c) => credits(c.credits),
              },
              {
                title: t('creditbank.conversions.explanation'),
                key: 'explanation',
                render: (_, c) => (lang === 'en' ? c.explanationEn : c.explanationZh),
              },
              {
                title: t('learners.outcomes.status'),
                key: 'status',
                width: 160,
                render: (_, c) => (
                  <span data-testid={`conversion-status-${c.id}`}>
                    <Tag color={STATUS_COLORS[c.status]}>
                      {t(`creditbank.conversions.status.${c.status}`)}
                    </Tag>
                    {c.status === 'reversed' ? c.reversalReason : c.statusReason}
                  </span>
                ),
              },
              ...(review
                ? [
                    {
                      title: t('creditbank.col.actions'),
                      key: 'actions',
                      width: 170,
                      render: (_: unknown, c: Conversion) =>
                        c.abilities.reverse ? (
                          <Button
                            size="small"
                            danger
                            data-testid={`conversion-reverse-${c.id}`}
                            onClick={() => setReversing(c)}
                          >
                            {t('creditbank.reverse.action')}
                          </Button>
                        ) : (
                          c.abilities.approve && (
                            <Space size={4}>
                              <Button
                                size="small"
                                type="primary"
                                loading={decide.isPending}
                                data-testid={`conversion-approve-${c.id}`}
                                onClick={() => decide.mutate({ id: c.id }, { onError: (e) => showError(e) })}
                              >
                                {t('creditbank.conversions.approve')}
                              </Button>
                              <Button size="small" danger onClick={() => setRefusing(c)}>
                                {t('creditbank.conversions.refuse')}
                              </Button>
                            </Space>
                          )
                        ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
      {applying && <ApplyModal learner={learner} onClose={() => setApplying(false)} />}
      {reversing && (
        <FormModal<{ reason: string }, { id: string; reason: string }, unknown>
          open
          onClose={() => setReversing(null)}
          title={t('creditbank.reverse.action')}
          testId="conversion-reverse-save"
          mutation={reverse}
          toInput={(v) => ({ id: reversing.id, reason: v.reason.trim() })}
          successMessage={t('creditbank.reverse.done')}
        >
          <Typography.Paragraph type="secondary">{t('creditbank.reverse.hint')}</Typography.Paragraph>
          <Form.Item
            name="reason"
            label={t('creditbank.reverse.reason')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea rows={3} maxLength={500} data-testid="conversion-reverse-reason" />
          </Form.Item>
        </FormModal>
      )}
      {refusing && (
        <FormModal<{ reason: string }, { id: string; reason?: string }, unknown>
          open
          onClose={() => setRefusing(null)}
          title={t('creditbank.conversions.refuse')}
          mutation={decide}
          toInput={(v) => ({ id: refusing.id, reason: v.reason.trim() })}
          successMessage={t('creditbank.refuse.done')}
        >
          <Form.Item
            name="reason"
            label={t('creditbank.reason')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

/** 申请转换: one of the learner's school's rules; the server checks and explains. */
function ApplyModal({ learner, onClose }: { learner: LearnerDetail; onClose: () => void }) {
  const t = useT();
  const rules = useConversionRules();
  const own = (rules.data ?? []).filter((r) => r.schoolId === learner.school.id);
  return (
    <FormModal<{ ruleId: string }, { id: string; ruleId: string }, unknown>
      open
      onClose={onClose}
      title={t('creditbank.conversions.apply')}
      testId="conversion-apply-save"
      mutation={useApplyForConversion()}
      toInput={(v) => ({ id: learner.id, ruleId: v.ruleId })}
      successMessage={t('creditbank.conversions.applied')}
    >
      <Form.Item
        name="ruleId"
        label={t('creditbank.rules.title')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Select
          loading={rules.isPending}
          data-testid="conversion-rule"
          options={own.map((r) => ({
            value: r.id,
            label: `${r.exempts.join('、')} · ${credits(r.credits)} · ${r.validFrom}${r.note ? ` · ${r.note}` : ''}`,
          }))}
        />
      </Form.Item>
    </FormModal>
  );
}
