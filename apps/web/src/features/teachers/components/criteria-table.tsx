import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { DQ_LEVEL_LABELS } from '@zhijiao/contracts';
import { Alert, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { CHART_COLORS } from '@/components/echart';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import type { ApplicationDetail } from '../types';

/**
 * The level's criteria as the reviewer sees them: each with what is required, what the record
 * says and met / not met; "one of" criteria are marked, and the overall verdict is on top.
 */
export function CriteriaTable({ application: a }: { application: ApplicationDetail }) {
  const t = useT();
  const lang = useLang();
  const c = a.criteria;
  return (
    <div data-testid="dq-criteria">
      <Alert
        type={c.eligible ? 'success' : 'warning'}
        showIcon
        title={t(c.eligible ? 'teachers.dq.eligible' : 'teachers.dq.notEligible', {
          level: pick(DQ_LEVEL_LABELS[c.level], lang),
        })}
        style={{ marginBottom: 8 }}
      />
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={c.checks}
        onRow={(x) => ({ 'data-met': String(x.met) }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('teachers.dq.criterion'),
            key: 'label',
            render: (_, x) => (
              <>
                {pick(x.label, lang)} {x.group === 'any' && <Tag>{t('teachers.dq.anyOf')}</Tag>}
              </>
            ),
          },
          { title: t('teachers.dq.required'), key: 'required', render: (_, x) => pick(x.required, lang) },
          { title: t('teachers.dq.actual'), key: 'actual', render: (_, x) => pick(x.actual, lang) },
          {
            title: t('teachers.dq.result'),
            key: 'met',
            width: 90,
            render: (_, x) =>
              x.met ? (
                <span style={{ color: CHART_COLORS.green }}>
                  <CheckCircleFilled /> {t('teachers.dq.met')}
                </span>
              ) : (
                <span style={{ color: CHART_COLORS.red }}>
                  <CloseCircleFilled /> {t('teachers.dq.notMet')}
                </span>
              ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
        {t('teachers.dq.source')}
        {a.criteriaSource}
      </Typography.Paragraph>
    </div>
  );
}
