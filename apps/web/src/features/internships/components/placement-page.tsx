import { INTERNSHIP_KIND_LABELS, PREMIUM_PAYER_LABELS, type PlacementDocument } from '@zhijiao/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Input,
  List,
  Modal,
  Space,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { formatNumber } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { usePlacement, type Placement } from '../api/get-placement';
import { useActivatePlacement, useEndPlacement, useExtendPlacement } from '../api/placement-steps';
import { ActivationChecklist } from './activation-checklist';
import { AttendanceCard } from './attendance-card';
import { DocumentsModal } from './documents-modal';
import { EvaluationsCard } from './evaluations-card';
import { IncidentsCard } from './incidents-card';
import { Period, PlacementStateTag } from './internship-tags';
import { InternshipsTabs } from './internships-tabs';
import { PlacementHistory } from './placement-history';
import { ReasonsAlert } from './reasons-list';

/**
 * `/internships/placements/:id`: one placement — the student (ID masked), the documents on file,
 * the 启动实习 checklist (协议 ✓, 同意书 ✗ 缺少监护人知情同意书, 保险 ✗ 保险期未覆盖 …), the steps,
 * the evaluations and incident reports, and the attendance log. Completing shows what it still
 * asks (an evaluation missing, an injury not reported to the insurer).
 */
export function PlacementPage() {
  const { id = '' } = useParams();
  const placement = usePlacement(id);
  return (
    <div data-testid="internship-placement-page">
      <InternshipsTabs />
      <QueryState query={placement}>{(p) => <PlacementView p={p} />}</QueryState>
    </div>
  );
}

function PlacementView({ p }: { p: Placement }) {
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const showError = useShowError();
  const activate = useActivatePlacement();
  const extend = useExtendPlacement();
  const end = useEndPlacement();
  const [document, setDocument] = useState<PlacementDocument | null>(null);
  const [refused, setRefused] = useState(false);
  const [extending, setExtending] = useState<Dayjs | null | undefined>(undefined);
  const [ending, setEnding] = useState<{ how: 'complete' | 'terminate'; note: string } | null>(null);
  const docLabel = (d: PlacementDocument | 'rules') => t(`internships.doc.${d}`);
  const start = () =>
    activate.mutate(p.id, {
      onSuccess: () => void message.success(t('internships.placements.activated')),
      onError: (e) => {
        setRefused(true);
        showError(e);
      },
    });
  return (
    <>
      <PageHeader
        back
        printable
        title={`${p.student.name} · ${p.post.title}`}
        subtitle={`${p.school.name} → ${p.enterprise.name} · ${pick(INTERNSHIP_KIND_LABELS[p.post.kind], lang)}`}
        extra={
          <Space wrap>
            {p.abilities.activate && (
              <Button type="primary" data-testid="activate" loading={activate.isPending} onClick={start}>
                {t('internships.placements.activate')}
              </Button>
            )}
            {p.abilities.extend && (
              <Button onClick={() => setExtending(null)}>{t('internships.placements.extend')}</Button>
            )}
            {p.abilities.complete && (
              <Button onClick={() => setEnding({ how: 'complete', note: '' })}>
                {t('internships.placements.complete')}
              </Button>
            )}
            {p.abilities.terminate && (
              <Button danger onClick={() => setEnding({ how: 'terminate', note: '' })}>
                {t('internships.placements.terminate')}
              </Button>
            )}
          </Space>
        }
      />
      {p.state === 'draft' && <ActivationChecklist placement={p} refused={refused} onUpload={setDocument} />}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
          <Descriptions.Item label={t('internships.state')}>
            <PlacementStateTag state={p.state} />
          </Descriptions.Item>
          <Descriptions.Item label={t('internships.post')}>
            <Link to={`/internships/posts/${p.post.id}`}>{p.post.title}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('internships.idNumber')}>{p.student.idMasked}</Descriptions.Item>
          <Descriptions.Item label={t('internships.ageAtStart')}>{p.student.ageAtStart}</Descriptions.Item>
          <Descriptions.Item label={t('internships.major')}>{p.major}</Descriptions.Item>
          <Descriptions.Item label={t('internships.studyYear')}>
            {t('internships.studyYearValue', { year: p.studyYear })}
          </Descriptions.Item>
          {p.guardianName !== null && (
            <Descriptions.Item label={t('internships.guardian')}>{p.guardianName || '–'}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('internships.period')}>
            <Period from={p.startsOn} to={p.endsOn} />
          </Descriptions.Item>
          <Descriptions.Item label={t('internships.posts.pay')}>
            {`${formatNumber(p.monthlyPay)} ${t('internships.yuanMonth')}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('internships.supervisor')}>
            {p.schoolSupervisor || '–'}
          </Descriptions.Item>
          <Descriptions.Item label={t('internships.mentor')}>{p.enterpriseMentor || '–'}</Descriptions.Item>
          {p.activatedOn && (
            <Descriptions.Item label={t('internships.placements.activatedOn')}>
              {p.activatedOn}
            </Descriptions.Item>
          )}
          {p.endedOn && (
            <Descriptions.Item label={t('internships.placements.endedOn')}>{p.endedOn}</Descriptions.Item>
          )}
          {p.endNote ? (
            <Descriptions.Item label={t('internships.placements.endNote')} span={2}>
              {p.endNote}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card size="small" title={t('internships.documents')} style={{ marginBottom: 16 }}>
        <List
          size="small"
          dataSource={['agreement', 'consent', 'insurance'] as const}
          renderItem={(d) => {
            const file = {
              agreement: p.agreement?.file,
              consent: p.consent?.file,
              insurance: p.insurance?.file,
            }[d];
            const detail =
              d === 'agreement' && p.agreement
                ? t('internships.documents.signedOnValue', { date: p.agreement.signedOn })
                : d === 'consent' && p.consent
                  ? t('internships.documents.consentValue', {
                      student: p.consent.studentSignedOn ?? '–',
                      guardian: p.consent.guardianSignedOn ?? '–',
                    })
                  : d === 'insurance' && p.insurance
                    ? `${p.insurance.insurer} · ${p.insurance.policyNumber} · ${p.insurance.startsOn} ~ ${p.insurance.endsOn} · ${t('internships.documents.premiumPaidBy')}：${pick(PREMIUM_PAYER_LABELS[p.insurance.premiumPaidBy], lang)}`
                    : t('internships.missing');
            return (
              <List.Item
                data-testid={`document-${d}`}
                actions={
                  p.abilities.documents
                    ? [
                        <Button
                          key="put"
                          size="small"
                          onClick={() => setDocument(d)}
                          data-testid={`put-${d}`}
                        >
                          {t(file ? 'internships.documents.replace' : 'internships.documents.add')}
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={docLabel(d)}
                  description={
                    <>
                      {detail}
                      {d === 'insurance' && p.insurance && !p.documents.insurance && p.state !== 'draft' && (
                        // A running placement whose policy does not cover its whole period (an
                        // extension past the policy's end): the red alert's case, said where it is mended.
                        <Alert
                          type="error"
                          showIcon
                          data-testid="insurance-gap"
                          style={{ margin: '6px 0' }}
                          title={t('internships.documents.insuranceGap', {
                            from: p.startsOn,
                            to: p.endsOn,
                            insuredFrom: p.insurance.startsOn,
                            insuredTo: p.insurance.endsOn,
                          })}
                        />
                      )}
                      {file &&
                        (d === 'agreement' || p.abilities.readStudentPapers ? (
                          <div>
                            <a href={`/api/files/${file.id}`} target="_blank" rel="noreferrer">
                              {file.name}
                            </a>
                          </div>
                        ) : (
                          // The host enterprise may not download the student's own papers: say why no file.
                          <div>
                            <span data-testid={`document-${d}-on-file`}>
                              {t('internships.documents.onFile')}
                            </span>
                            <Typography.Text type="secondary">
                              {t('internships.documents.schoolKeeps')}
                            </Typography.Text>
                          </div>
                        ))}
                    </>
                  }
                />
              </List.Item>
            );
          }}
        />
      </Card>
      <EvaluationsCard placement={p} />
      <IncidentsCard placement={p} />
      <AttendanceCard placement={p} />
      <PlacementHistory placement={p} />
      {document && <DocumentsModal placement={p} document={document} onClose={() => setDocument(null)} />}
      <Modal
        open={extending !== undefined}
        title={t('internships.placements.extend')}
        onCancel={() => setExtending(undefined)}
        okButtonProps={{ disabled: !extending }}
        confirmLoading={extend.isPending}
        onOk={() =>
          extending &&
          extend.mutate(
            { id: p.id, endsOn: extending.format('YYYY-MM-DD') },
            { onSuccess: () => setExtending(undefined), onError: (e) => showError(e) },
          )
        }
      >
        <Typography.Paragraph>{t('internships.placements.extendHint')}</Typography.Paragraph>
        <DatePicker
          style={{ width: '100%' }}
          aria-label={t('internships.placements.newEnd')}
          value={extending ?? null}
          onChange={(d) => setExtending(d)}
        />
      </Modal>
      <Modal
        open={ending !== null}
        okButtonProps={{
          disabled:
            (ending?.how === 'terminate' && !ending.note.trim()) ||
            (ending?.how === 'complete' && !p.completionCheck.ok),
          danger: ending?.how === 'terminate',
          'data-testid': 'end-ok',
        }}
        title={
          ending &&
          t(
            ending.how === 'complete'
              ? 'internships.placements.complete'
              : 'internships.placements.terminate',
          )
        }
        onCancel={() => setEnding(null)}
        confirmLoading={end.isPending}
        onOk={() =>
          ending &&
          end.mutate(
            { id: p.id, ...ending },
            { onSuccess: () => setEnding(null), onError: (e) => showError(e) },
          )
        }
      >
        {ending?.how === 'complete' && (
          <ReasonsAlert
            type="error"
            title={t('internships.placements.completeRefusals')}
            reasons={p.completionCheck.refusals}
          />
        )}
        <Input.TextArea
          rows={3}
          maxLength={500}
          aria-label={t('internships.placements.note')}
          placeholder={t('internships.placements.note')}
          value={ending?.note}
          onChange={(e) => setEnding((x) => x && { ...x, note: e.target.value })}
        />
      </Modal>
    </>
  );
}
