import { Form, Input, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { CodedName } from '@/components/coded-name';
import { FormModal } from '@/components/form-modal';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useAcknowledgeAlerts } from '../api/acknowledge-alerts';
import type { Alert } from '../types';

/** How many alerts the modal names before "and N more". */
const NAMED = 5;

/** The alert's subject in words: its task, its indicator, or its own title. */
export const alertSubject = (a: Alert) =>
  a.indicator
    ? `${a.task?.label ?? ''}${a.indicator.name}`
    : a.task
      ? `${a.task.label} ${a.task.title}`
      : (a.title ?? a.message);

/** The alert's subject as links to where it is dealt with (task, indicator or the source's page). */
export function AlertSubject({ alert: a }: { alert: Alert }) {
  return (
    <Space orientation="vertical" size={0}>
      {a.task && <Link to={`/tasks/${a.task.id}`}>{`${a.task.label} ${a.task.title}`}</Link>}
      {!a.task && !a.indicator && a.link && <Link to={a.link}>{a.title ?? a.link}</Link>}
      {!a.task && !a.indicator && !a.link && (a.title ?? '—')}
      {a.indicator && (
        <Link to={`/indicators/${a.indicator.id}`}>
          <CodedName name={a.indicator.name} code={a.indicator.code} />
        </Link>
      )}
    </Space>
  );
}

/** 知悉情况: 已知悉 with who and when (and the note), or 未知悉. */
export function AcknowledgementCell({ alert: a }: { alert: Alert }) {
  const t = useT();
  const ack = a.acknowledgement;
  if (!ack)
    return (
      <Tag color="orange" data-ack="pending">
        {t('alerts.ack.pending')}
      </Tag>
    );
  return (
    <Space orientation="vertical" size={0} data-ack="done">
      <Tag color="green">{t('alerts.ack.done')}</Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('alerts.ack.byAt', { by: ack.by, at: formatDateTime(String(ack.at)) })}
      </Typography.Text>
      {ack.note && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {ack.note}
        </Typography.Text>
      )}
    </Space>
  );
}

/**
 * 知悉 one alert or 批量知悉 several, with an optional note: the server takes them all or none; a
 * refusal lists each refused alert with its reason, and the list is read again either way.
 */
export function AcknowledgeModal({
  alerts,
  onClose,
  onDone,
}: {
  /** The alerts to acknowledge; null: closed. */
  alerts: Alert[] | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const list = alerts ?? [];
  return (
    <FormModal
      open={alerts !== null}
      onClose={onClose}
      title={list.length > 1 ? t('alerts.ack.titleMany', { count: list.length }) : t('alerts.ack.titleOne')}
      okText={t('alerts.ack.ok')}
      testId="alerts-ack-ok"
      mutation={useAcknowledgeAlerts()}
      toInput={(v: { note?: string }) => ({
        items: list.map((a) => ({ id: a.id, tier: a.tier })),
        note: v.note?.trim() || undefined,
      })}
      successMessage={(r) =>
        r.alreadyAcknowledged > 0
          ? t('alerts.ack.resultAlready', { count: r.acknowledged, already: r.alreadyAcknowledged })
          : t('alerts.ack.result', { count: r.acknowledged })
      }
      onSaved={onDone}
    >
      <Typography.Paragraph type="secondary">{t('alerts.ack.intro')}</Typography.Paragraph>
      <ul data-testid="alerts-ack-list" style={{ paddingInlineStart: 18 }}>
        {list.slice(0, NAMED).map((a) => (
          <li key={a.id}>
            <Typography.Text type="secondary">{a.unit.name}</Typography.Text> {alertSubject(a)}
          </li>
        ))}
        {list.length > NAMED && <li>{t('alerts.ack.more', { count: list.length - NAMED })}</li>}
      </ul>
      <Form.Item name="note" label={t('alerts.ack.note')} rules={[{ max: 200 }]}>
        <Input.TextArea
          maxLength={200}
          showCount
          autoSize={{ minRows: 2, maxRows: 4 }}
          placeholder={t('alerts.ack.notePlaceholder')}
          data-testid="alerts-ack-note"
        />
      </Form.Item>
    </FormModal>
  );
}
