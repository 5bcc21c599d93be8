import { ArrowDownOutlined, ArrowUpOutlined, CloseOutlined, LockOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { useSetPreferences } from '../api/set-preferences';
import type { Batch, BatchPreferences, Program } from '../types';
import { TrackTag, WindowTag } from './enrollment-tags';
import { PreferenceHistory } from './preference-history';

/**
 * One batch's ordered choices (平行志愿) for one candidate: add from the batch's programs up to its
 * most choices, move up and down, remove, save while the window is open. Locked (read-only) once the
 * window closes; every saved change appears in the history below.
 */
export function PreferenceEditor({
  candidateId,
  batch,
  programs,
  current,
  canEdit,
}: {
  candidateId: string;
  batch: Batch;
  programs: Program[];
  current: BatchPreferences | undefined;
  canEdit: boolean;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const save = useSetPreferences();
  const saved = current?.choices.map((c) => c.programId) ?? [];
  const [draft, setDraft] = useState<string[] | null>(null);
  const choices = draft ?? saved;
  const locked = current?.locked ?? batch.window !== 'open';
  const editable = canEdit && !locked;
  const dirty = draft !== null && draft.join() !== saved.join();
  const full = choices.length >= batch.maxChoices;
  const byId = new Map(programs.map((p) => [p.id, p]));
  const move = (i: number, by: -1 | 1) => {
    const next = [...choices];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    setDraft(next);
  };
  const submit = () =>
    save.mutate(
      { candidateId, batchId: batch.id, choices },
      {
        onSuccess: () => {
          setDraft(null);
          message.success(t('enrollment.preferences.saved'));
        },
        onError: (error) => showError(error),
      },
    );
  return (
    <Card
      size="small"
      data-testid="preference-editor"
      data-batch={batch.code}
      title={
        <Space wrap>
          {batch.name}
          <WindowTag state={batch.window} />
          {locked && (
            <Tag icon={<LockOutlined />} data-testid="preference-locked">
              {t('enrollment.preferences.locked')}
            </Tag>
          )}
        </Space>
      }
      extra={
        <Typography.Text type="secondary">
          {t('enrollment.preferences.window', {
            from: formatDateTime(batch.opensAt),
            to: formatDateTime(batch.closesAt),
          })}
        </Typography.Text>
      }
    >
      <List
        size="small"
        dataSource={choices}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enrollment.preferences.none')} />
          ),
        }}
        renderItem={(id, i) => {
          const p = byId.get(id);
          return (
            <List.Item
              data-testid={`preference-item-${i}`}
              actions={
                editable
                  ? [
                      <Button
                        key="up"
                        size="small"
                        type="text"
                        icon={<ArrowUpOutlined />}
                        disabled={i === 0}
                        aria-label={t('enrollment.preferences.up')}
                        data-testid={`preference-up-${i}`}
                        onClick={() => move(i, -1)}
                      />,
                      <Button
                        key="down"
                        size="small"
                        type="text"
                        icon={<ArrowDownOutlined />}
                        disabled={i === choices.length - 1}
                        aria-label={t('enrollment.preferences.down')}
                        data-testid={`preference-down-${i}`}
                        onClick={() => move(i, 1)}
                      />,
                      <Button
                        key="remove"
                        size="small"
                        type="text"
                        danger
                        icon={<CloseOutlined />}
                        aria-label={t('enrollment.preferences.remove')}
                        data-testid={`preference-remove-${i}`}
                        onClick={() => setDraft(choices.filter((x) => x !== id))}
                      />,
                    ]
                  : undefined
              }
            >
              <Space wrap>
                <Tag color="red">{t('enrollment.preferences.nth', { n: i + 1 })}</Tag>
                <span>{p ? `${p.code} ${p.name}` : id}</span>
                {p && <Typography.Text type="secondary">{p.school.name}</Typography.Text>}
                {p && <TrackTag track={p.track} />}
              </Space>
            </List.Item>
          );
        }}
      />
      {editable && (
        <Space wrap style={{ marginTop: 8 }}>
          <Select
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 320 }}
            value={null}
            disabled={full}
            placeholder={
              full
                ? t('enrollment.preferences.full', { max: batch.maxChoices })
                : t('enrollment.preferences.add')
            }
            data-testid="preference-add"
            onChange={(id: string | null) => id && setDraft([...choices, id])}
            options={programs
              .filter((p) => !choices.includes(p.id))
              .map((p) => ({ value: p.id, label: `${p.code} ${p.name} · ${p.school.name}` }))}
          />
          <Typography.Text type="secondary">
            {t('enrollment.preferences.count', { count: choices.length, max: batch.maxChoices })}
          </Typography.Text>
          <Button
            type="primary"
            disabled={!dirty}
            loading={save.isPending}
            onClick={submit}
            data-testid="preference-save"
          >
            {t('enrollment.preferences.save')}
          </Button>
          {dirty && <Button onClick={() => setDraft(null)}>{t('common.reset')}</Button>}
        </Space>
      )}
      {!canEdit && !locked && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('enrollment.preferences.readOnly')}
        </Typography.Paragraph>
      )}
      <PreferenceHistory history={current?.history ?? []} programs={programs} />
    </Card>
  );
}
