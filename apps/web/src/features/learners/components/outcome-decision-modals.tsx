import { Form, Input, InputNumber } from 'antd';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { useLang } from '@/lib/lang';
import { useDecideOutcome, useRecognitionCheck, useRecogniseOutcome } from '../api/credit-bank';
import type { OutcomeListItem } from '../types';
import { credits } from './credit-bank-section';

/**
 * 认定: the credits to post, preset to the catalogue's suggestion for the outcome's year (editable),
 * and a note. The suggestion — or why the catalogue would refuse it — is the server's own check
 * (`recognition-check`); a refusal on saving shows on the fields it names or in a notification.
 */
export function RecogniseModal({ outcome, onClose }: { outcome: OutcomeListItem; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const check = useRecognitionCheck(outcome.id);
  const suggested = check.data?.suggestedCredits ?? undefined;
  const mutation = useRecogniseOutcome();
  if (check.isPending) return null;
  return (
    <FormModal<
      { credits?: number; note?: string },
      { id: string; body: { credits?: number; note?: string } },
      unknown
    >
      open
      onClose={onClose}
      title={t('creditbank.recognise.title', { title: outcome.title, name: outcome.learnerName })}
      testId="recognise-save"
      mutation={mutation}
      toInput={(v) => ({
        id: outcome.id,
        body: {
          ...(v.credits ? { credits: Math.round(v.credits * 10) } : {}),
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        },
      })}
      initialValues={{ credits: suggested === undefined ? undefined : suggested / 10 }}
      successMessage={t('creditbank.recognise.done')}
    >
      <Form.Item
        name="credits"
        label={t('creditbank.recognise.credits')}
        extra={
          suggested === undefined
            ? [
                t('creditbank.recognise.noSuggestion'),
                ...(check.data?.reasons ?? []).map((r) => r[lang]),
              ].join(' ')
            : t('creditbank.recognise.creditsHint', { credits: credits(suggested) })
        }
      >
        <InputNumber
          min={0.1}
          max={100}
          step={0.5}
          precision={1}
          style={{ width: '100%' }}
          data-testid="recognise-credits"
        />
      </Form.Item>
      <Form.Item name="note" label={t('creditbank.recognise.note')}>
        <Input.TextArea rows={2} maxLength={500} data-testid="recognise-note" />
      </Form.Item>
    </FormModal>
  );
}

/** 不予认定 or 撤销, with the reason the school will read. */
export function ReasonModal({
  outcome,
  decision,
  onClose,
}: {
  outcome: OutcomeListItem;
  decision: 'refusal' | 'revocation';
  onClose: () => void;
}) {
  const t = useT();
  const refuse = decision === 'refusal';
  return (
    <FormModal<{ reason: string }, { id: string; reason: string }, unknown>
      open
      onClose={onClose}
      title={t(refuse ? 'creditbank.refuse.title' : 'creditbank.revoke.title', {
        title: outcome.title,
        name: outcome.learnerName,
      })}
      testId="decision-save"
      mutation={useDecideOutcome(decision)}
      toInput={(v) => ({ id: outcome.id, reason: v.reason.trim() })}
      successMessage={t(refuse ? 'creditbank.refuse.done' : 'creditbank.revoke.done')}
    >
      <Form.Item
        name="reason"
        label={t('creditbank.reason')}
        extra={t('creditbank.reasonHint')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input.TextArea rows={3} maxLength={500} data-testid="decision-reason" />
      </Form.Item>
    </FormModal>
  );
}
