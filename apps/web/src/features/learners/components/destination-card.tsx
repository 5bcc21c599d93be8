import { Button, Card, Descriptions, Empty, Typography } from 'antd';
import { useState } from 'react';
import { QueryState } from '@/components/query-state';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useDestination } from '../api/destinations';
import type { LearnerDetail } from '../types';
import { DestinationModal } from './destination-modal';
import { useDestinationText } from './destination-text';

/**
 * 毕业去向 on a learner's page: where the graduate went (or that it is not recorded yet), and for the
 * school's keeper the button to record or correct it. Before graduation it only says when it will be
 * recorded.
 */
export function DestinationCard({ learner }: { learner: LearnerDetail }) {
  const t = useT();
  const destination = useDestination(learner.id);
  const text = useDestinationText();
  const [editing, setEditing] = useState(false);
  return (
    <QueryState query={destination}>
      {(d) => (
        <Card
          size="small"
          title={t('destinations.card.title')}
          style={{ marginTop: 16 }}
          data-testid="destination-card"
          extra={
            d.abilities.record && (
              <Button size="small" onClick={() => setEditing(true)} data-testid="destination-record">
                {t(d.destination ? 'destinations.edit' : 'destinations.record')}
              </Button>
            )
          }
        >
          {!d.graduatedOn ? (
            <Typography.Text type="secondary">{t('destinations.card.notGraduate')}</Typography.Text>
          ) : d.destination ? (
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('destinations.col.destination')}>
                <span data-testid="destination-text">{text(d.destination)}</span>
              </Descriptions.Item>
              {d.destination.settledOn && (
                <Descriptions.Item label={t('destinations.form.settledOn')}>
                  {formatDate(d.destination.settledOn)}
                </Descriptions.Item>
              )}
              {d.destination.note && d.destination.kind !== 'other' && (
                <Descriptions.Item label={t('destinations.form.note')}>
                  {d.destination.note}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('destinations.col.source')}>
                {t(`destinations.source.${d.destination.source}`)} ·{' '}
                {formatDate(String(d.destination.recordedAt))}
              </Descriptions.Item>
            </Descriptions>
          ) : (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={`${t('destinations.card.graduatedOn', { day: formatDate(d.graduatedOn) })} · ${t('destinations.card.empty')}`}
            />
          )}
          {editing && (
            <DestinationModal learner={learner} current={d.destination} onClose={() => setEditing(false)} />
          )}
        </Card>
      )}
    </QueryState>
  );
}
