import { Card, Descriptions, Result, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ResponsiveTable } from '@/components/responsive-table';
import { formatNumber } from '@/lib/format';
import { useT } from '@/lib/i18n';
import type { LookupResult } from '../types';
import { TrackTag } from './enrollment-tags';

/** A candidate's result: admitted where (batch, school, program, which choice), and why, with cut-offs. */
export function LookupResultView({ result, action }: { result: LookupResult; action?: ReactNode }) {
  const t = useT();
  const a = result.admission;
  const explanation = {
    first_choice: 'enrollment.public.whyFirstChoice',
    later_choice: 'enrollment.public.whyAdmitted',
    unplaced: 'enrollment.public.whyUnplaced',
    no_choices: 'enrollment.public.whyNone',
  } as const;
  return (
    <Card data-testid="lookup-result" data-status={result.status}>
      <Result
        status={result.status === 'admitted' ? 'success' : result.status === 'pending' ? 'info' : 'warning'}
        title={t(`enrollment.public.status.${result.status}`, { name: result.name })}
        subTitle={a ? t('enrollment.public.admittedTo', { school: a.school, program: a.program }) : undefined}
        extra={action}
        style={{ paddingBlock: 16 }}
      />
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('enrollment.col.examNumber')}>{result.examNumber}</Descriptions.Item>
        <Descriptions.Item label={t('enrollment.public.score')}>
          <span data-testid="lookup-score">{formatNumber(result.score)}</span>
          <Typography.Text type="secondary"> （{t('enrollment.public.scoreHint')}）</Typography.Text>
        </Descriptions.Item>
        {a && (
          <>
            <Descriptions.Item label={t('enrollment.col.batch')}>{a.batch}</Descriptions.Item>
            <Descriptions.Item label={t('enrollment.col.school')}>{a.school}</Descriptions.Item>
            <Descriptions.Item label={t('enrollment.col.program')}>
              {a.programCode} {a.program} <TrackTag track={a.track} />
            </Descriptions.Item>
            <Descriptions.Item label={t('enrollment.col.choice')}>
              {t('enrollment.preferences.nth', { n: a.choice })}
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      <Typography.Title level={5}>{t('enrollment.public.why')}</Typography.Title>
      <Typography.Paragraph type="secondary" data-testid="lookup-explanation">
        {t(explanation[result.explanation])}
      </Typography.Paragraph>
      {result.why.length > 0 && (
        <ResponsiveTable
          size="small"
          rowKey={(w) => `${w.batch}-${w.choice}`}
          pagination={false}
          dataSource={result.why}
          data-testid="lookup-why"
          cardTitle={(w) => `${w.school} · ${w.program}`}
          columns={[
            { title: t('enrollment.col.batch'), dataIndex: 'batch', width: 100 },
            {
              title: t('enrollment.col.choice'),
              key: 'choice',
              width: 90,
              render: (_, w) => t('enrollment.preferences.nth', { n: w.choice }),
            },
            { title: t('enrollment.col.school'), dataIndex: 'school', responsive: ['md'] },
            {
              title: t('enrollment.col.program'),
              key: 'program',
              responsive: ['md'],
              render: (_, w) => w.program,
            },
            {
              title: t('enrollment.col.cutoff'),
              key: 'cutoff',
              width: 110,
              align: 'right',
              render: (_, w) =>
                w.cutoff === null ? t('enrollment.public.noCutoff') : formatNumber(w.cutoff),
            },
          ]}
        />
      )}
    </Card>
  );
}
