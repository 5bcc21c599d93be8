import { PlusOutlined } from '@ant-design/icons';
import type { COMMITMENT_STATES } from '@zhijiao/contracts';
import { Button, Card, Empty, Form, Input, List, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { FormModal } from '@/components/form-modal';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { formatDate, formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useFollowUpCommitment } from '../api/follow-up-commitment';
import { useInspections } from '../api/get-inspections';
import { useInterviews } from '../api/get-interviews';
import type { Interview } from '../types';
import { InterviewFormModal } from './interview-form-modal';
import { SupervisionTabs } from './supervision-tabs';

const COMMITMENT_COLORS: Record<(typeof COMMITMENT_STATES)[number], string> = {
  pending: 'default',
  fulfilled: 'green',
  unfulfilled: 'red',
};

type Target = { interview: Interview; commitmentId: string };

/** Records whether a commitment was kept (跟踪落实). */
function FollowUpModal({ target, onClose }: { target: Target | null; onClose: () => void }) {
  const t = useT();
  return (
    <FormModal
      open={!!target}
      onClose={onClose}
      title={t('supervision.interviews.followUp')}
      initialValues={{ state: 'fulfilled' }}
      mutation={useFollowUpCommitment()}
      toInput={(v: { state: 'fulfilled' | 'unfulfilled'; followUp: string }) => ({
        interviewId: target!.interview.id,
        commitmentId: target!.commitmentId,
        body: { state: v.state, followUp: v.followUp.trim() },
      })}
      successMessage={t('supervision.done.commitmentFollowedUp')}
    >
      <Form.Item name="state" label={t('supervision.col.state')}>
        <Radio.Group
          options={(['fulfilled', 'unfulfilled'] as const).map((s) => ({
            value: s,
            label: t(`supervision.commitment.${s}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="followUp"
        label={t('supervision.interviews.followUpText')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 2000 }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}

/** Commitments of one interview with their follow-up. */
function Commitments({
  interview,
  onFollowUp,
}: {
  interview: Interview;
  onFollowUp: (target: Target) => void;
}) {
  const t = useT();
  return (
    <List
      size="small"
      dataSource={interview.commitments}
      locale={{ emptyText: t('supervision.interviews.noCommitments') }}
      renderItem={(c) => (
        <List.Item
          actions={
            interview.abilities.followUp && c.state === 'pending'
              ? [
                  <Button key="f" size="small" onClick={() => onFollowUp({ interview, commitmentId: c.id })}>
                    {t('supervision.interviews.followUp')}
                  </Button>,
                ]
              : undefined
          }
        >
          <Space orientation="vertical" size={0}>
            <Space wrap>
              <Tag color={COMMITMENT_COLORS[c.state]}>{t(`supervision.commitment.${c.state}`)}</Tag>
              <span>{c.text}</span>
              {c.dueDate && (
                <Typography.Text type="secondary">
                  {t('supervision.interviews.dueBy', { date: formatDate(c.dueDate) })}
                </Typography.Text>
              )}
            </Space>
            {c.followUp && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.followUp}（{formatDateTime(c.followedUpAt)}）
              </Typography.Text>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}

/** `/supervision/interviews`: interviews (约谈记录) of the inspection chosen (`?inspection=`), with commitments and follow-up. */
export function InterviewsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const inspections = useInspections();
  const chosen = params.get('inspection') ?? inspections.data?.[0]?.id;
  const inspection = inspections.data?.find((i) => i.id === chosen);
  const interviews = useInterviews(chosen);
  const [recording, setRecording] = useState(false);
  const [followUp, setFollowUp] = useState<Target | null>(null);
  return (
    <div data-testid="interviews-page">
      <SupervisionTabs />
      <PageHeader
        title={t('supervision.interviews.title')}
        subtitle={t('supervision.interviews.subtitle')}
        extra={
          inspection?.abilities.recordInterview && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="interview-create"
              onClick={() => setRecording(true)}
            >
              {t('supervision.interviews.record')}
            </Button>
          )
        }
      />
      <Card size="small">
        <Space style={{ marginBottom: 12 }} wrap>
          <Typography.Text>{t('supervision.col.inspection')}</Typography.Text>
          <Select
            style={{ minWidth: 320 }}
            loading={inspections.isLoading}
            value={chosen}
            placeholder={t('supervision.interviews.pickInspection')}
            aria-label={t('supervision.interviews.pickInspection')}
            onChange={(v) => setParams({ inspection: v }, { replace: true })}
            options={(inspections.data ?? []).map((i) => ({ value: i.id, label: i.title }))}
          />
          {inspection && (
            <Link to={`/supervision/inspections/${inspection.id}`}>
              {t('supervision.interviews.openInspection')}
            </Link>
          )}
        </Space>
        {inspections.data?.length === 0 ? (
          <Empty description={t('supervision.interviews.noInspections')} />
        ) : (
          chosen && (
            <QueryState query={interviews}>
              {(items) => (
                <Table
                  size="small"
                  rowKey="id"
                  dataSource={items}
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  scroll={{ x: 900 }}
                  locale={{ emptyText: <Empty description={t('supervision.interviews.empty')} /> }}
                  expandable={{
                    defaultExpandAllRows: true,
                    expandedRowRender: (i) => <Commitments interview={i} onFollowUp={setFollowUp} />,
                  }}
                  columns={[
                    {
                      title: t('supervision.interviews.heldOn'),
                      dataIndex: 'heldOn',
                      width: 110,
                      render: formatDate,
                    },
                    {
                      title: t('supervision.interviews.unit'),
                      key: 'unit',
                      width: 140,
                      render: (_, i) => i.unit.name,
                    },
                    {
                      title: t('supervision.interviews.interviewers'),
                      dataIndex: 'interviewers',
                      width: 160,
                    },
                    {
                      title: t('supervision.interviews.interviewees'),
                      dataIndex: 'interviewees',
                      width: 160,
                    },
                    { title: t('supervision.interviews.reason'), dataIndex: 'reason' },
                    {
                      title: t('supervision.interviews.findings'),
                      key: 'findings',
                      width: 200,
                      render: (_, i) => (i.findings.length ? i.findings.map((f) => f.title).join('；') : '—'),
                    },
                  ]}
                />
              )}
            </QueryState>
          )
        )}
      </Card>
      {chosen && (
        <InterviewFormModal inspectionId={chosen} open={recording} onClose={() => setRecording(false)} />
      )}
      <FollowUpModal target={followUp} onClose={() => setFollowUp(null)} />
    </div>
  );
}
