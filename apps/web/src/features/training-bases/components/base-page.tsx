import { TRAINING_SESSION_PURPOSE_LABELS, TRAINING_SESSION_STATE_LABELS } from '@zhijiao/contracts';
import { App, Button, Card, Descriptions, Empty, Progress, Space, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { ResponsiveTable } from '@/components/responsive-table';
import { chinaToday, formatNumber } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { useBase, type Base, type Session } from '../api/get-base';
import { useCancelSession } from '../api/cancel-session';
import { BaseFormModal } from './base-form-modal';
import { BaseKindTag, BaseStatusTag } from './base-tags';
import { BookingModal } from './booking-modal';

/** `/training-bases/:id`: one base — what it is, its utilisation per year, its sessions; edit and book. */
export function BasePage() {
  const { id = '' } = useParams();
  const base = useBase(id);
  return <QueryState query={base}>{(b) => <BaseView base={b} />}</QueryState>;
}

function BaseView({ base }: { base: Base }) {
  const t = useT();
  const lang = useLang();
  const [editing, setEditing] = useState(false);
  const [booking, setBooking] = useState(false);
  // Newest first; the page shows the latest 200 (a busy base books thousands a year).
  const upcoming = base.sessions.slice(-200).reverse();
  return (
    <div data-testid="training-base-page">
      <PageHeader
        back
        title={base.name}
        subtitle={
          <Space wrap>
            <BaseKindTag kind={base.kind} />
            <BaseStatusTag status={base.status} />
          </Space>
        }
        extra={
          <>
            {base.abilities.edit && (
              <Button onClick={() => setEditing(true)} data-testid="edit-base">
                {t('trainingBases.edit')}
              </Button>
            )}
            {base.abilities.book && (
              <Button type="primary" onClick={() => setBooking(true)} data-testid="book-base">
                {t('trainingBases.book')}
              </Button>
            )}
          </>
        }
      />
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
            <Descriptions.Item label={t('trainingBases.owner')}>{base.owner.name}</Descriptions.Item>
            <Descriptions.Item label={t('trainingBases.partners')}>
              {base.partners.map((p) => p.name).join('、') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('trainingBases.majors')}>
              {base.majors.join('、') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('trainingBases.capacity')}>{base.capacity}</Descriptions.Item>
            <Descriptions.Item label={t('trainingBases.location')}>{base.location || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('trainingBases.equipmentValue')}>
              {formatNumber(Math.round(base.equipmentValue / 1000) / 10)}
            </Descriptions.Item>
            <Descriptions.Item label={t('trainingBases.plannedOn')}>
              {base.plannedOn ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('trainingBases.constructionStartedOn')}>
              {base.constructionStartedOn ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('trainingBases.operatingSince')}>
              {base.operatingSince ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('trainingBases.documents')}>
              {base.documents.length === 0
                ? '—'
                : base.documents.map((d) => (
                    <a key={d.id} href={`/api/files/${d.id}`} style={{ marginRight: 8 }}>
                      {d.name}
                    </a>
                  ))}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        {base.equipment.length > 0 && (
          <Card size="small" title={t('trainingBases.equipment')}>
            <ResponsiveTable
              size="small"
              rowKey="name"
              pagination={false}
              dataSource={base.equipment}
              columns={[
                { title: t('trainingBases.equipmentName'), dataIndex: 'name' },
                { title: t('trainingBases.quantity'), dataIndex: 'quantity', width: 90, align: 'right' },
                {
                  title: t('trainingBases.unitValue'),
                  dataIndex: 'unitValue',
                  width: 140,
                  align: 'right',
                  render: (v: number) => formatNumber(v),
                },
              ]}
            />
          </Card>
        )}
        {base.utilisation.length > 0 && (
          <Card size="small" title={t('trainingBases.utilisation')} data-testid="base-utilisation">
            <p style={{ marginTop: 0, color: '#666' }}>
              {t('trainingBases.utilisationRule', {
                opensAt: base.opening.opensAt,
                closesAt: base.opening.closesAt,
              })}
            </p>
            <ResponsiveTable
              size="small"
              rowKey="year"
              pagination={false}
              dataSource={base.utilisation}
              columns={[
                { title: t('trainingBases.year'), dataIndex: 'year', width: 80 },
                {
                  title: t('trainingBases.booked'),
                  dataIndex: 'bookedStationHours',
                  align: 'right',
                  render: (v: number) => formatNumber(v),
                },
                {
                  title: t('trainingBases.available'),
                  dataIndex: 'availableStationHours',
                  align: 'right',
                  render: (v: number) => formatNumber(v),
                },
                {
                  title: t('trainingBases.share'),
                  dataIndex: 'share',
                  width: 200,
                  render: (v: number) => <Progress percent={v} size="small" format={(p) => `${p}%`} />,
                },
              ]}
            />
          </Card>
        )}
        <Card size="small" title={t('trainingBases.sessions')}>
          <SessionsTable sessions={upcoming} lang={lang} />
        </Card>
      </Space>
      <BaseFormModal open={editing} onClose={() => setEditing(false)} base={base} />
      {booking && <BookingModal base={base} open={booking} onClose={() => setBooking(false)} />}
    </div>
  );
}

function SessionsTable({ sessions, lang }: { sessions: Session[]; lang: 'zh' | 'en' }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const cancel = useCancelSession();
  const today = chinaToday();
  return (
    <ResponsiveTable
      size="small"
      rowKey="id"
      dataSource={sessions}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: <Empty description={t('trainingBases.noSessions')} /> }}
      columns={[
        { title: t('trainingBases.date'), dataIndex: 'date', width: 110 },
        {
          title: t('trainingBases.time'),
          key: 'time',
          width: 120,
          render: (_, s) => `${s.startTime}–${s.endTime}`,
        },
        { title: t('trainingBases.booker'), key: 'booker', render: (_, s) => s.booker.name },
        { title: t('trainingBases.groupSize'), dataIndex: 'groupSize', width: 90, align: 'right' },
        {
          title: t('trainingBases.purpose'),
          key: 'purpose',
          width: 110,
          render: (_, s) => pick(TRAINING_SESSION_PURPOSE_LABELS[s.purpose], lang),
        },
        {
          title: t('trainingBases.state'),
          key: 'state',
          width: 90,
          // A booking whose day has passed took place: 已开展, not still 已预约.
          render: (_, s) =>
            s.state === 'booked' && s.date < today ? (
              <Tag color="blue">{t('trainingBases.sessionHeld')}</Tag>
            ) : (
              <Tag color={s.state === 'booked' ? 'green' : 'default'}>
                {pick(TRAINING_SESSION_STATE_LABELS[s.state], lang)}
              </Tag>
            ),
        },
        {
          title: '',
          key: 'actions',
          width: 80,
          render: (_, s) =>
            s.abilities.cancel && (
              <Button
                size="small"
                danger
                onClick={() =>
                  cancel.mutate(s.id, {
                    onSuccess: () => void message.success(t('trainingBases.cancelled')),
                    onError: (e) => showError(e),
                  })
                }
              >
                {t('trainingBases.cancel')}
              </Button>
            ),
        },
      ]}
    />
  );
}
