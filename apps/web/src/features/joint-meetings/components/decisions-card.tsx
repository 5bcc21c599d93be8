import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useFormSubmit } from '@/components/form-modal';
import { AlertTierTag } from '@/components/status-tags';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { useAddDecision } from '../api/add-decision';
import { useUnits } from '../api/get-org-units';
import { useRemoveDecision } from '../api/remove-decision';
import type { MeetingDetail } from '../types';
import { ActionItemStateTag } from './meeting-tags';

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 一、二、… as the minutes number them (plain digits past ten). */
const itemNumber = (n: number) => (n <= 10 ? `${CN[n]}、` : `${n}.`);

/** 议定事项: the decisions with responsible unit and deadline; recorded here after the meeting. */
export function DecisionsCard({ meeting }: { meeting: MeetingDetail }) {
  const t = useT();
  const remove = useRemoveDecision();
  const showError = useShowError();
  return (
    <Card size="small" title={t('meetings.decisions')} data-testid="meeting-decisions">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={meeting.decisions}
        locale={{ emptyText: t('meetings.noDecisions') }}
        onRow={(_, i) => ({ 'data-testid': `decision-row-${i}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: '', key: 'n', width: 50, render: (_, d) => itemNumber(d.number) },
          { title: t('meetings.decision'), dataIndex: 'decision' },
          {
            title: t('meetings.responsibleUnit'),
            key: 'unit',
            width: 120,
            render: (_, d) => d.responsibleUnit.name,
          },
          { title: t('meetings.deadline'), dataIndex: 'deadline', width: 110 },
          {
            title: t('meetings.state'),
            key: 'state',
            width: 150,
            render: (_, d) => (
              <Space size={2}>
                <ActionItemStateTag state={d.state} />
                <AlertTierTag tier={d.tier} />
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            key: 'remove',
            width: 80,
            render: (_, d) =>
              d.abilities.remove && (
                <Button
                  size="small"
                  danger
                  loading={remove.isPending}
                  onClick={() =>
                    remove.mutate({ id: meeting.id, itemId: d.id }, { onError: (e) => showError(e) })
                  }
                >
                  {t('meetings.removeDecision')}
                </Button>
              ),
          },
        ]}
      />
      {meeting.abilities.decide && <DecisionForm meetingId={meeting.id} />}
    </Card>
  );
}

type DecisionValues = { decision: string; responsibleUnitId: string; deadline: Dayjs };

function DecisionForm({ meetingId }: { meetingId: string }) {
  const t = useT();
  const units = useUnits();
  const add = useAddDecision();
  const { form, submit, submitting } = useFormSubmit({
    mutation: add,
    toInput: (v: DecisionValues) => ({
      id: meetingId,
      body: {
        decision: v.decision,
        responsibleUnitId: v.responsibleUnitId,
        deadline: v.deadline.format('YYYY-MM-DD'),
      },
    }),
    onSaved: () => form.resetFields(),
  });
  return (
    <Form form={form} layout="vertical" style={{ marginTop: 16 }} onFinish={() => void submit()}>
      <Typography.Text strong>{t('meetings.addDecision')}</Typography.Text>
      <Form.Item
        name="decision"
        label={t('meetings.decision')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input.TextArea rows={2} maxLength={2000} data-testid="decision-text" />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item
          name="responsibleUnitId"
          label={t('meetings.responsibleUnit')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            style={{ width: 220 }}
            showSearch
            optionFilterProp="label"
            data-testid="decision-unit"
            options={(units.data ?? [])
              .filter((u) => u.type !== 'district')
              .map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('meetings.deadline')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker data-testid="decision-deadline" />
        </Form.Item>
      </Space>
      <Button type="primary" htmlType="submit" loading={submitting} data-testid="decision-submit">
        {t('meetings.addDecision')}
      </Button>
    </Form>
  );
}
