import { ArrowRightOutlined } from '@ant-design/icons';
import { Card } from 'antd';
import { ResponsiveTable } from '@/components/responsive-table';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import type { StatusHistoryLine } from '../types';
import { LearnerStatusTag } from './learner-tags';

/** 学籍异动记录: each change from → to, the day it took effect, why and when it was recorded; oldest first. */
export function StatusHistory({ history }: { history: StatusHistoryLine[] }) {
  const t = useT();
  return (
    <Card size="small" title={t('learners.history.title')} style={{ marginTop: 16 }}>
      <ResponsiveTable<StatusHistoryLine>
        size="small"
        rowKey={(h) => `${h.changedAt}-${h.toStatus}`}
        dataSource={history}
        pagination={false}
        data-testid="learner-history"
        onRow={(_, index) => ({ 'data-testid': `history-row-${index ?? 0}` }) as object}
        columns={[
          {
            title: t('learners.history.change'),
            key: 'change',
            width: 200,
            render: (_, h) =>
              h.fromStatus ? (
                <span>
                  <LearnerStatusTag status={h.fromStatus} />
                  <ArrowRightOutlined style={{ marginInlineEnd: 8 }} />
                  <LearnerStatusTag status={h.toStatus} />
                </span>
              ) : (
                <span>
                  {t('learners.history.entry')} <ArrowRightOutlined style={{ marginInlineEnd: 8 }} />
                  <LearnerStatusTag status={h.toStatus} />
                </span>
              ),
          },
          { title: t('learners.history.date'), dataIndex: 'changedOn', width: 120 },
          { title: t('learners.history.reason'), dataIndex: 'reason' },
          {
            title: t('learners.history.recordedAt'),
            key: 'recordedAt',
            width: 170,
            render: (_, h) => formatDateTime(h.changedAt),
          },
        ]}
      />
    </Card>
  );
}
