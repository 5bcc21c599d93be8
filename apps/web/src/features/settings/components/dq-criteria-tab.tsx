import { DQ_LEVEL_LABELS } from '@zhijiao/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Grid,
  Popconfirm,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { QueryState } from '@/components/query-state';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { CriterionInput } from './criterion-input';
import { useDqSettings, type DqLevels, type DqSettings } from '@/lib/reads/dq-settings';
import { useUpdateDqSettings } from '../api/update-dq-settings';
import {
  CRITERIA,
  DQ_LEVELS,
  fromForm,
  requirementText,
  toForm,
  type CriterionKey,
  type LevelForm,
} from '../lib/criteria';

type FormValues = { levels: Record<(typeof DQ_LEVELS)[number], LevelForm> };

/**
 * 双师型认定标准: each level's criteria beside the basis of each value (the documents it follows),
 * who changed them last and when. The teachers' reviewer edits them here (the one editor; the
 * ratio page links here), decides whether part-time teachers count, or goes back to the defaults.
 */
export function DqCriteriaTab() {
  const settings = useDqSettings();
  return <QueryState query={settings}>{(s) => <DqCriteria settings={s} />}</QueryState>;
}

function DqCriteria({ settings: s }: { settings: DqSettings }) {
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const showError = useShowError();
  const save = useUpdateDqSettings();
  const [form] = Form.useForm<FormValues>();
  const [editing, setEditing] = useState(false);
  const phone = !Grid.useBreakpoint().md;
  const record = (countPartTime: boolean, criteria: DqLevels | null, done: string) =>
    save.mutate(
      { countPartTime, criteria },
      {
        onSuccess: () => {
          setEditing(false);
          message.success(done);
        },
        onError: (e) =>
          showError(e, form, (path) => (path[0] === 'criteria' ? ['levels', ...path.slice(1)] : path)),
      },
    );
  const startEditing = () => {
    form.setFieldsValue({
      levels: Object.fromEntries(
        DQ_LEVELS.map((l) => [l, toForm(s.criteria.levels[l])]),
      ) as FormValues['levels'],
    });
    setEditing(true);
  };
  const submit = (v: FormValues) =>
    record(
      s.countPartTime,
      Object.fromEntries(DQ_LEVELS.map((l) => [l, fromForm(v.levels[l])])) as DqLevels,
      t('settings.dq.saved'),
    );
  const cell = (level: (typeof DQ_LEVELS)[number], key: CriterionKey) => {
    const c = s.criteria.levels[level];
    if (!editing)
      return (
        <Space size={4} wrap>
          <span>{requirementText(c, key, t, lang)}</span>
          {c.anyOf.includes(key) && <Tag color="blue">{t('settings.dq.anyTag')}</Tag>}
        </Space>
      );
    return (
      <Flex vertical gap={4}>
        <CriterionInput level={level} criterion={key} />
        <Form.Item name={['levels', level, 'anyOf', key]} valuePropName="checked" noStyle>
          <Checkbox>{t('settings.dq.anyTag')}</Checkbox>
        </Form.Item>
      </Flex>
    );
  };
  return (
    <Flex vertical gap={12} data-testid="dq-criteria">
      <Alert
        type="info"
        showIcon
        title={t('settings.dq.sourceLabel')}
        description={
          <>
            <div data-testid="dq-criteria-source">{s.criteria.source}</div>
            <div>{t('settings.dq.rule')}</div>
          </>
        }
      />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary" data-testid="dq-criteria-changed">
          {s.criteriaOverridden || s.updatedBy
            ? t('settings.dq.changedBy', {
                name: s.updatedBy ?? '—',
                at: formatDateTime(s.updatedAt),
              })
            : t('settings.dq.defaultsInForce')}
          {s.criteriaOverridden ? '' : ` · ${t('settings.dq.defaultsTag')}`}
        </Typography.Text>
        {s.abilities.edit && !editing && (
          <Space wrap>
            <Button type="primary" onClick={startEditing} data-testid="dq-criteria-edit">
              {t('settings.dq.edit')}
            </Button>
            <Popconfirm
              title={t('settings.dq.resetConfirm')}
              onConfirm={() => record(s.countPartTime, null, t('settings.dq.resetDone'))}
              disabled={!s.criteriaOverridden}
            >
              <Button disabled={!s.criteriaOverridden} data-testid="dq-criteria-reset">
                {t('settings.dq.reset')}
              </Button>
            </Popconfirm>
          </Space>
        )}
      </Flex>
      {phone && !editing ? (
        <Flex vertical gap={8} data-testid="dq-criteria-cards">
          {CRITERIA.map((r) => (
            <Card key={r.key} size="small" title={t(r.label)}>
              {DQ_LEVELS.map((level) => (
                <Flex key={level} gap={8} style={{ marginBottom: 4 }}>
                  <Typography.Text type="secondary" style={{ flex: '0 0 3em' }}>
                    {pick(DQ_LEVEL_LABELS[level], lang)}
                  </Typography.Text>
                  {cell(level, r.key)}
                </Flex>
              ))}
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
                {t('settings.dq.basis')}：{pick(s.basis[r.key], lang)}
              </Typography.Paragraph>
            </Card>
          ))}
        </Flex>
      ) : (
        <Form form={form} onFinish={submit} component={editing ? 'form' : false}>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            scroll={{ x: editing ? 980 : 860 }}
            dataSource={[...CRITERIA]}
            columns={[
              {
                title: t('settings.dq.criterion'),
                key: 'label',
                width: 120,
                fixed: 'left',
                render: (_, r) => t(r.label),
              },
              ...DQ_LEVELS.map((level) => ({
                title: pick(DQ_LEVEL_LABELS[level], lang),
                key: level,
                width: editing ? 200 : 150,
                render: (_: unknown, r: (typeof CRITERIA)[number]) => cell(level, r.key),
              })),
              {
                title: t('settings.dq.basis'),
                key: 'basis',
                render: (_, r) => (
                  <Typography.Text
                    type="secondary"
                    style={{ fontSize: 12 }}
                    data-testid={`dq-basis-${r.key}`}
                  >
                    {pick(s.basis[r.key], lang)}
                  </Typography.Text>
                ),
              },
            ]}
          />
          {editing && (
            <Space style={{ marginTop: 12 }}>
              <Button
                type="primary"
                htmlType="submit"
                loading={save.isPending}
                data-testid="dq-criteria-save"
              >
                {t('settings.save')}
              </Button>
              <Button onClick={() => setEditing(false)}>{t('settings.cancel')}</Button>
            </Space>
          )}
        </Form>
      )}
      <Flex align="center" gap={8} wrap>
        <Switch
          checked={s.countPartTime}
          disabled={!s.abilities.edit || editing}
          loading={save.isPending}
          data-testid="dq-count-part-time"
          aria-label={t('teachers.ratio.partTime')}
          onChange={(checked) =>
            record(
              checked,
              s.criteriaOverridden ? s.criteria.levels : null,
              t(checked ? 'teachers.done.partTimeCounted' : 'teachers.done.partTimeNotCounted'),
            )
          }
        />
        <span>{t('teachers.ratio.partTime')}</span>
      </Flex>
    </Flex>
  );
}
