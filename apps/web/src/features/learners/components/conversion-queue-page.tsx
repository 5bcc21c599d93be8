import { OUTCOME_LEVEL_LABELS, OUTCOME_TYPE_LABELS } from '@zhijiao/contracts';
import { App, Button, Empty, Flex, Form, Input, Pagination, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { FormModal } from '@/components/form-modal';
import { QueryState } from '@/components/query-state';
import { RecordListPage } from '@/components/record-list-page';
import { ResponsiveTable } from '@/components/responsive-table';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { useConversionQueue, useDecideConversion } from '../api/conversions';
import type { QueuedConversion } from '../types';
import { credits } from './credit-bank-section';
import { LearnersTabs } from './learners-tabs';
import { formatDate } from '@/lib/format';

const PAGE = 50;

/**
 * `/learners/conversions` (待审转换): the conversions schools applied for, oldest first, with the
 * server's explanation; the district's reviewer approves (批准) or refuses with a reason (不予批准)
 * in the row, as the server's abilities allow; a school's clerk follows its own applications.
 */
export function ConversionQueuePage() {
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const showError = useShowError();
  const [page, setPage] = useState(1);
  const queue = useConversionQueue({ limit: PAGE, offset: (page - 1) * PAGE });
  const decide = useDecideConversion();
  const [refusing, setRefusing] = useState<QueuedConversion | null>(null);
  return (
    <RecordListPage
      testId="conversion-queue-page"
      tabs={<LearnersTabs />}
      title={t('creditbank.queue.title')}
      subtitle={t('creditbank.queue.hint')}
    >
      <QueryState query={queue}>
        {({ items, total }) => (
          <>
            <ResponsiveTable<QueuedConversion>
              size="small"
              rowKey="id"
              dataSource={items}
              pagination={false}
              scroll={{ x: 1200 }}
              data-testid="conversion-queue"
              locale={{ emptyText: <Empty description={t('creditbank.queue.empty')} /> }}
              columns={[
                {
                  title: t('creditbank.queue.learner'),
                  key: 'learner',
                  width: 100,
                  render: (_, c) => <Link to={`/learners/${c.learnerId}`}>{c.learnerName}</Link>,
                },
                {
                  title: t('creditbank.queue.school'),
                  key: 'school',
                  width: 160,
                  render: (_, c) => c.school.name,
                },
                {
                  title: t('creditbank.queue.major'),
                  key: 'major',
                  width: 140,
                  render: (_, c) => `${c.majorName}（${c.majorCode}）`,
                },
                {
                  title: t('creditbank.queue.rule'),
                  key: 'rule',
                  width: 160,
                  render: (_, c) => `${c.rule.exempts.join('、')} · ${credits(c.rule.credits)}`,
                },
                {
                  title: t('creditbank.queue.outcome'),
                  key: 'outcome',
                  width: 200,
                  render: (_, c) =>
                    `${c.outcome.title}（${pick(OUTCOME_TYPE_LABELS[c.outcome.type], lang)}${
                      c.outcome.level ? ` ${pick(OUTCOME_LEVEL_LABELS[c.outcome.level], lang)}` : ''
                    }）`,
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
                  title: t('creditbank.queue.appliedAt'),
                  key: 'appliedAt',
                  width: 110,
                  render: (_, c) => formatDate(c.appliedAt),
                },
                {
                  title: t('creditbank.col.actions'),
                  key: 'actions',
                  width: 170,
                  render: (_, c) =>
                    (c.abilities.approve || c.abilities.refuse) && (
                      <Space size={4}>
                        {c.abilities.approve && (
                          <Button
                            size="small"
                            type="primary"
                            loading={decide.isPending}
                            data-testid={`queue-approve-${c.id}`}
                            onClick={() =>
                              decide.mutate(
                                { id: c.id },
                                {
                                  onSuccess: () => void message.success(t('creditbank.queue.approved')),
                                  onError: (e) => showError(e),
                                },
                              )
                            }
                          >
                            {t('creditbank.conversions.approve')}
                          </Button>
                        )}
                        {c.abilities.refuse && (
                          <Button
                            size="small"
                            danger
                            data-testid={`queue-refuse-${c.id}`}
                            onClick={() => setRefusing(c)}
                          >
                            {t('creditbank.conversions.refuse')}
                          </Button>
                        )}
                      </Space>
                    ),
                },
              ]}
            />
            <Typography.Paragraph
              type="secondary"
              style={{ margin: '8px 0 0' }}
              data-testid="conversion-queue-total"
            >
              {t('creditbank.queue.total', { total })}
            </Typography.Paragraph>
            {total > PAGE && (
              <Flex justify="flex-end" style={{ marginTop: 12 }}>
                <Pagination
                  current={page}
                  pageSize={PAGE}
                  total={total}
                  onChange={setPage}
                  showSizeChanger={false}
                  responsive
                />
              </Flex>
            )}
          </>
        )}
      </QueryState>
      {refusing && (
        <FormModal<{ reason: string }, { id: string; reason?: string }, unknown>
          open
          onClose={() => setRefusing(null)}
          title={t('creditbank.conversions.refuse')}
          testId="queue-refuse-save"
          mutation={decide}
          toInput={(v) => ({ id: refusing.id, reason: v.reason.trim() })}
          successMessage={t('creditbank.queue.refused')}
        >
          <Form.Item
            name="reason"
            label={t('creditbank.reason')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea rows={3} maxLength={500} data-testid="queue-refuse-reason" />
          </Form.Item>
        </FormModal>
      )}
    </RecordListPage>
  );
}
