import { ClockCircleOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, List, Row, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { AlertTierTag } from '@/components/status-tags';
import { apiUrl } from '@/lib/api-client';
import { formatBytes, formatDate, formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useOrder } from '../api/get-order';
import type { OrderDetail } from '../types';
import { OrderAnswerForm } from './order-answer-form';
import { OrderExtensionModal } from './order-extension-modal';
import { OrderExtensions } from './order-extensions';
import { OrderReviewActions } from './order-review-actions';
import { DueText, OrderStateTag } from './supervision-tags';

/** What the unit answered: measures, evidence files and the inspector's comment. */
function AnswerView({ order: o }: { order: OrderDetail }) {
  const t = useT();
  if (!o.measures)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.answer.none')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph
        style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
        data-testid="order-measures-view"
      >
        {o.measures}
      </Typography.Paragraph>
      <Typography.Text type="secondary">
        {t('supervision.answer.answeredAt', { time: formatDateTime(o.answeredAt) })}
      </Typography.Text>
      <List
        size="small"
        header={t('supervision.answer.files')}
        dataSource={o.files}
        locale={{ emptyText: t('supervision.answer.noFiles') }}
        renderItem={(f) => (
          <List.Item>
            <a href={apiUrl('/api/files/{id}', { id: f.id })} target="_blank" rel="noreferrer">
              <PaperClipOutlined /> {f.name}
            </a>
            <Typography.Text type="secondary">{formatBytes(f.sizeBytes)}</Typography.Text>
          </List.Item>
        )}
      />
      {o.reviewComment && (
        <Typography.Text>
          {t('supervision.answer.reviewComment')}：{o.reviewComment}
        </Typography.Text>
      )}
    </Space>
  );
}

/** The order's history (办理记录), oldest first. */
function OrderTimeline({ events }: { events: OrderDetail['events'] }) {
  const t = useT();
  return (
    <Timeline
      data-testid="order-timeline"
      items={events.map((e, n) => ({
        key: n,
        icon: <ClockCircleOutlined />,
        title: formatDateTime(e.at),
        content: (
          <>
            <div>
              <strong>{t(`supervision.event.${e.action}` as 'supervision.event.issued')}</strong>
              {e.actor ? ` · ${e.actor}` : ''}
            </div>
            {e.comment && <Typography.Text type="secondary">{e.comment}</Typography.Text>}
          </>
        ),
      }))}
    />
  );
}

/**
 * `/supervision/orders/:id`: the rectification order (整改通知书) with its timeline. The responsible
 * unit answers (整改措施 + 佐证材料) and may ask for an extension; the inspector verifies, sends back,
 * decides extensions and closes it (销号). Every button comes from the API's `abilities`.
 */
export function OrderPage() {
  const { id = '' } = useParams();
  const t = useT();
  const order = useOrder(id);
  const [extending, setExtending] = useState(false);
  return (
    <QueryState query={order}>
      {(o) => (
        <div data-testid="order-page">
          <PageHeader
            back
            printable
            title={o.title}
            subtitle={
              <Space size={4} wrap>
                <OrderStateTag state={o.state} testId="order-state" />
                <AlertTierTag tier={o.tier} />
                <DueText daysLate={o.daysLate} closedOnTime={o.closedOnTime} />
              </Space>
            }
            extra={
              <>
                <OrderReviewActions order={o} />
                {o.abilities.requestExtension && (
                  <Button data-testid="order-extension-button" onClick={() => setExtending(true)}>
                    {t('supervision.extension.request')}
                  </Button>
                )}
              </>
            }
          />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={16}>
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <Card size="small" title={t('supervision.order.notice')}>
                  <Descriptions
                    size="small"
                    column={{ xs: 1, md: 2 }}
                    items={[
                      { key: 'unit', label: t('supervision.col.unit'), children: o.unit.name || '—' },
                      {
                        key: 'inspection',
                        label: t('supervision.col.inspection'),
                        children: (
                          <Link to={`/supervision/inspections/${o.inspection.id}`}>{o.inspection.title}</Link>
                        ),
                      },
                      {
                        key: 'finding',
                        label: t('supervision.col.finding'),
                        span: 'filled',
                        children: o.finding.title,
                      },
                      {
                        key: 'issued',
                        label: t('supervision.order.issuedOn'),
                        children: formatDate(o.issuedOn),
                      },
                      {
                        key: 'due',
                        label: t('supervision.col.due'),
                        children:
                          o.dueDate !== o.originalDueDate
                            ? t('supervision.order.dueExtended', {
                                due: formatDate(o.dueDate),
                                original: formatDate(o.originalDueDate),
                              })
                            : formatDate(o.dueDate),
                      },
                      ...(o.closedOn
                        ? [
                            {
                              key: 'closed',
                              label: t('supervision.order.closedOn'),
                              children: formatDate(o.closedOn),
                            },
                          ]
                        : []),
                      {
                        key: 'req',
                        label: t('supervision.field.requirements'),
                        span: 'filled' as const,
                        children: <span style={{ whiteSpace: 'pre-wrap' }}>{o.requirements}</span>,
                      },
                    ]}
                  />
                </Card>
                {o.abilities.answer ? (
                  <Card size="small" title={t('supervision.answer.title')}>
                    <OrderAnswerForm order={o} />
                  </Card>
                ) : (
                  <Card size="small" title={t('supervision.answer.view')}>
                    <AnswerView order={o} />
                  </Card>
                )}
                <Card size="small" title={t('supervision.extension.title')}>
                  <OrderExtensions order={o} />
                </Card>
              </Space>
            </Col>
            <Col xs={24} xl={8}>
              <Card size="small" title={t('supervision.order.timeline')}>
                <OrderTimeline events={o.events} />
              </Card>
            </Col>
          </Row>
          <OrderExtensionModal order={o} open={extending} onClose={() => setExtending(false)} />
        </div>
      )}
    </QueryState>
  );
}
