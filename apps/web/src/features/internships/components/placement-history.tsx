import { Card, Timeline, Typography } from 'antd';
import { formatDateTime } from '@/lib/format';
import { type MessageKey, useT } from '@/lib/i18n';
import type { Placement } from '../api/get-placement';

/** 办理记录: each step taken on the placement (安排学生, 更新实习材料, 启动实习 …), who and when. */
export function PlacementHistory({ placement: p }: { placement: Placement }) {
  const t = useT();
  if (p.events.length === 0) return null;
  return (
    <Card
      size="small"
      title={t('internships.placements.history')}
      style={{ marginTop: 16 }}
      data-testid="placement-history"
    >
      <Timeline
        style={{ marginTop: 8, marginBottom: -16 }}
        items={p.events.map((e) => ({
          content: (
            <>
              <Typography.Text strong data-testid="placement-event">
                {t(`internships.event.${e.action}` as MessageKey)}
                {e.documents.length > 0 &&
                  `${t('internships.event.documentsSeparator')}${e.documents.map((d) => t(`internships.doc.${d}`)).join(t('internships.event.documentsJoin'))}`}
              </Typography.Text>{' '}
              <Typography.Text type="secondary">
                {e.actorName} · {formatDateTime(e.at)}
              </Typography.Text>
              {e.comment && <div>{e.comment}</div>}
            </>
          ),
        }))}
      />
    </Card>
  );
}
