import { LEARNER_STATUS_LABELS, OUTCOME_LEVEL_LABELS, OUTCOME_TYPE_LABELS } from '@zhijiao/contracts';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { ResponsiveTable } from '@/components/responsive-table';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { can, canKeepSchoolRecords } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useShowError } from '@/lib/use-show-error';
import { issueTranscriptCredential, useTranscript, type Transcript } from '../api/get-transcript';
import { saveCredential } from '../lib/save-credential';
import { useManagedSchools } from '../lib/schools';
import { credits } from './credit-bank-section';

type OutcomeLine = Transcript['outcomes'][number];
type ConversionLine = Transcript['conversions'][number];

/**
 * `/learners/:id/transcript`: 学分档案（成绩单）— the learner's register facts (ID masked), the
 * recognised outcomes with their credits, the approved conversions and the totals, all as the
 * server reads them from the credit account; A4-printable (打印), and 下载电子成绩单 saves it as a
 * signed credential (VC-JWT) for the school's clerk or the district's reviewer.
 */
export function TranscriptPage() {
  const { id = '' } = useParams();
  const transcript = useTranscript(id);
  return (
    <div data-testid="transcript-page" className="transcript-page">
      <QueryState query={transcript}>{(d) => <TranscriptView transcript={d} />}</QueryState>
    </div>
  );
}

function TranscriptView({ transcript: d }: { transcript: Transcript }) {
  const t = useT();
  const lang = useLang();
  const me = useSession();
  const managed = useManagedSchools();
  const l = d.learner;
  const mayIssue =
    (canKeepSchoolRecords(me, 'learner.manage') && managed.some((s) => s.id === l.school.id)) ||
    can(me, 'creditBank.review');
  const history = l.history.filter((h) => h.fromStatus !== null);
  return (
    <>
      <PageHeader
        back
        printable
        title={t('transcript.title')}
        subtitle={t('transcript.subtitle', { name: l.name, school: l.school.name })}
        extra={mayIssue && <TranscriptCredentialButton learnerId={l.id} />}
      />
      <Typography.Paragraph type="secondary" data-testid="transcript-as-of">
        {t('transcript.asOf', { date: formatDate(d.generatedAt) })}
      </Typography.Paragraph>
      <Card size="small" title={t('transcript.learner')}>
        <Descriptions column={{ xs: 1, sm: 2, xl: 3 }} size="small" data-testid="transcript-learner">
          <Descriptions.Item label={t('transcript.name')}>{l.name}</Descriptions.Item>
          <Descriptions.Item label={t('transcript.idMasked')}>{l.idMasked}</Descriptions.Item>
          <Descriptions.Item label={t('transcript.school')}>{l.school.name}</Descriptions.Item>
          {l.kind === 'social' ? (
            <Descriptions.Item label={t('learners.kind.social')}>
              {t('learners.social.since', { year: l.cohortYear })}
            </Descriptions.Item>
          ) : (
            <>
              <Descriptions.Item label={t('transcript.major')}>
                {l.majorName}（{l.majorCode}）
              </Descriptions.Item>
              <Descriptions.Item label={t('transcript.className')}>{l.className || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('transcript.cohort')}>
                {t('transcript.cohortYear', { year: l.cohortYear })}
              </Descriptions.Item>
              <Descriptions.Item label={t('transcript.status')}>
                {pick(LEARNER_STATUS_LABELS[l.status], lang)}
              </Descriptions.Item>
            </>
          )}
          <Descriptions.Item label={t('transcript.statusSince')}>{l.statusSince}</Descriptions.Item>
          <Descriptions.Item label={t('transcript.history')}>
            {history.length === 0
              ? t('transcript.history.none')
              : history
                  .map(
                    (h) =>
                      `${h.changedOn} ${pick(LEARNER_STATUS_LABELS[h.fromStatus!], lang)} → ${pick(LEARNER_STATUS_LABELS[h.toStatus], lang)}`,
                  )
                  .join('；')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('transcript.outcomes')} style={{ marginTop: 16 }}>
        <ResponsiveTable<OutcomeLine>
          size="small"
          rowKey="id"
          dataSource={d.outcomes}
          pagination={false}
          locale={{ emptyText: t('transcript.outcomes.empty') }}
          data-testid="transcript-outcomes"
          cardTitle={(o) => o.title}
          columns={[
            // On a phone the card's heading is the name already.
            { title: t('transcript.col.title'), dataIndex: 'title', responsive: ['md'] },
            {
              title: t('transcript.col.type'),
              key: 'type',
              render: (_, o) => pick(OUTCOME_TYPE_LABELS[o.type], lang),
            },
            {
              title: t('transcript.col.level'),
              key: 'level',
              render: (_, o) => (o.level ? pick(OUTCOME_LEVEL_LABELS[o.level], lang) : '—'),
            },
            { title: t('transcript.col.issuer'), dataIndex: 'issuer' },
            { title: t('transcript.col.number'), key: 'number', render: (_, o) => o.number ?? '—' },
            { title: t('transcript.col.achievedOn'), dataIndex: 'achievedOn', width: 110 },
            {
              title: t('transcript.col.recognisedOn'),
              key: 'recognisedOn',
              width: 110,
              render: (_, o) => o.recognisedOn ?? '—',
            },
            {
              title: t('transcript.col.credits'),
              key: 'credits',
              align: 'right',
              width: 90,
              render: (_, o) => credits(o.credits),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('transcript.conversions')} style={{ marginTop: 16 }}>
        <ResponsiveTable<ConversionLine>
          size="small"
          rowKey="id"
          dataSource={d.conversions}
          pagination={false}
          locale={{ emptyText: t('transcript.conversions.empty') }}
          data-testid="transcript-conversions"
          cardTitle={(c) => c.courses.join('、')}
          columns={[
            {
              title: t('transcript.col.courses'),
              key: 'courses',
              responsive: ['md'],
              render: (_, c) => c.courses.join('、'),
            },
            { title: t('transcript.col.outcome'), dataIndex: 'outcomeTitle' },
            {
              title: t('transcript.col.approvedOn'),
              key: 'approvedOn',
              width: 110,
              render: (_, c) => c.approvedOn ?? '—',
            },
            {
              title: t('transcript.col.converted'),
              key: 'credits',
              align: 'right',
              width: 90,
              render: (_, c) => credits(c.credits),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('transcript.totals')} style={{ marginTop: 16 }}>
        <Descriptions column={{ xs: 1, sm: 3 }} size="small" data-testid="transcript-totals">
          <Descriptions.Item label={t('transcript.total.recognised')}>
            <span data-testid="transcript-total-recognised">{credits(d.totals.recognised)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('transcript.total.converted')}>
            <span data-testid="transcript-total-converted">{credits(d.totals.converted)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('transcript.total.balance')}>
            <Typography.Text strong data-testid="transcript-balance">
              {credits(d.totals.balance)}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        {t('transcript.footnote')}
      </Typography.Paragraph>
    </>
  );
}

/** 下载电子成绩单: issues the transcript as of now as a signed credential and saves the `.jwt`. */
function TranscriptCredentialButton({ learnerId }: { learnerId: string }) {
  const t = useT();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const issue = async () => {
    setBusy(true);
    try {
      const { jwt, fileName } = await issueTranscriptCredential(learnerId);
      saveCredential(jwt, fileName);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      icon={<SafetyCertificateOutlined />}
      loading={busy}
      onClick={() => void issue()}
      data-testid="transcript-credential"
    >
      {t('transcript.download')}
    </Button>
  );
}
