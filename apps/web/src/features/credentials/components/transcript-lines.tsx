import { TRANSCRIPT_ACHIEVEMENT_TYPE, TRANSCRIPT_RESULT_TYPES } from '@zhijiao/contracts';
import { Alert, Table, Typography } from 'antd';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';
import type { CredentialVerification } from '../api/verify-credential';

type Summary = NonNullable<CredentialVerification['credential']>;
type Line = Summary['results'][number];

const TOTALS: ReadonlySet<string | null> = new Set([
  TRANSCRIPT_RESULT_TYPES.totalRecognised,
  TRANSCRIPT_RESULT_TYPES.totalConverted,
  TRANSCRIPT_RESULT_TYPES.balance,
]);

/** Whether a verified credential is a learner's transcript (学分档案). */
export const isTranscript = (c: Summary) => c.achievement.achievementType === TRANSCRIPT_ACHIEVEMENT_TYPE;

/**
 * A transcript credential's lines as signed — each recognised outcome and conversion with its
 * credits (each line's name says which it is), then the totals in bold — and the note that it is a
 * snapshot as of its issue date: a later recognition or revocation does not change it.
 */
export function TranscriptLines({ credential: c }: { credential: Summary }) {
  const t = useT();
  return (
    <div style={{ marginTop: 16 }} data-testid="credential-transcript">
      <Alert
        type="info"
        showIcon
        title={t('transcript.verify.snapshot', { date: formatDate(c.validFrom) })}
        style={{ marginBottom: 12 }}
        data-testid="credential-snapshot"
      />
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('transcript.verify.title')}
      </Typography.Title>
      <Table<Line & { key: number }>
        size="small"
        pagination={false}
        bordered
        dataSource={c.results.map((r, key) => ({ ...r, key }))}
        data-testid="credential-results"
        columns={[
          {
            title: t('transcript.verify.line'),
            key: 'name',
            render: (_, l) =>
              TOTALS.has(l.resultType) ? <Typography.Text strong>{l.name}</Typography.Text> : l.name,
          },
          {
            title: t('transcript.verify.credits'),
            key: 'value',
            align: 'right',
            width: 90,
            render: (_, l) =>
              TOTALS.has(l.resultType) ? <Typography.Text strong>{l.value}</Typography.Text> : l.value,
          },
        ]}
      />
    </div>
  );
}
