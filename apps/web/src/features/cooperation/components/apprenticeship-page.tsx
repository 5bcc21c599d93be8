import { APPRENTICESHIP_SCHEME_LABELS } from '@zhijiao/contracts';
import { App, Button, Card, Descriptions, Space, Timeline } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { ResponsiveTable } from '@/components/responsive-table';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { useApprenticeship, useApproveApprenticeship, useReasonStep } from '../api/apprenticeships';
import { ApprenticeshipFormModal } from './apprenticeship-form-modal';
import { CompletionModal, StageModal } from './apprenticeship-steps';
import {
  ApprenticeshipStateTag,
  CooperationTabs,
  FileLink,
  Period,
  ReasonModal,
  ReasonsAlert,
} from './shared';

/**
 * `/cooperation/apprenticeships/:id`: one programme — what stands in the way of its approval, the
 * two approvals, the training plan, mentors, stages and history; the steps the user may take.
 */
export function ApprenticeshipPage() {
  const { id = '' } = useParams();
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const showError = useShowError();
  const query = useApprenticeship(id);
  const approve = useApproveApprenticeship();
  const reasonStep = useReasonStep();
  const [modal, setModal] = useState<
    null | 'edit' | 'return' | 'termination' | 'complete' | { stageId: string }
  >(null);
  const close = () => setModal(null);
  return (
    <div data-testid="cooperation-apprenticeship-page">
      <CooperationTabs />
      <QueryState query={query}>
        {(a) => {
          const step = (side: 'school' | 'enterprise') =>
            approve.mutate(
              { id: a.id, side },
              {
                onSuccess: () => void message.success(t('cooperation.apprenticeships.approved')),
                onError: (e) => showError(e),
              },
            );
          return (
            <>
              <PageHeader
                back
                printable
                title={a.title}
                subtitle={`${pick(APPRENTICESHIP_SCHEME_LABELS[a.scheme], lang)} · ${a.school.name} · ${a.enterprise.name}`}
                extra={
                  <Space wrap>
                    {a.abilities.edit && <Button onClick={() => setModal('edit')}>{t('common.edit')}</Button>}
                    {a.abilities.schoolApproval && (
                      <Button
                        type="primary"
                        loading={approve.isPending}
                        onClick={() => step('school')}
                        data-testid="school-approval"
                      >
                        {t('cooperation.apprenticeships.schoolApproval')}
                      </Button>
                    )}
                    {a.abilities.enterpriseApproval && (
                      <Button
                        type="primary"
                        loading={approve.isPending}
                        onClick={() => step('enterprise')}
                        data-testid="enterprise-approval"
                      >
                        {t('cooperation.apprenticeships.enterpriseApproval')}
                      </Button>
                    )}
                    {a.abilities.return && (
                      <Button onClick={() => setModal('return')}>
                        {t('cooperation.apprenticeships.return')}
                      </Button>
                    )}
                    {a.abilities.complete && (
                      <Button onClick={() => setModal('complete')}>
                        {t('cooperation.apprenticeships.complete')}
                      </Button>
                    )}
                    {a.abilities.terminate && (
                      <Button danger onClick={() => setModal('termination')}>
                        {t('cooperation.apprenticeships.terminate')}
                      </Button>
                    )}
                  </Space>
                }
              />
              <ReasonsAlert reasons={a.approvalCheck} title={t('cooperation.apprenticeships.check')} />
              <Card size="small" style={{ marginBottom: 16 }}>
                <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
                  <Descriptions.Item label={t('cooperation.status')}>
                    <ApprenticeshipStateTag state={a.state} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('cooperation.period')}>
                    <Period from={a.startsOn} to={a.endsOn} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('cooperation.apprenticeships.agreement')}>
                    <Link to={`/cooperation/agreements/${a.agreementId}`}>{a.agreementTitle}</Link>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('cooperation.apprenticeships.occupation')}>
                    {a.occupation}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('cooperation.apprenticeships.count')}>
                    {a.apprenticeCount}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('cooperation.apprenticeships.completedCount')}>
                    {a.completedCount ?? '–'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('cooperation.apprenticeships.schoolMentors')}>
                    {a.schoolMentors.join('、') || '–'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('cooperation.apprenticeships.enterpriseMentors')}>
                    {a.enterpriseMentors.join('、') || '–'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('cooperation.apprenticeships.schoolApprovedOn')}>
                    {a.schoolApprovedOn ?? '–'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('cooperation.apprenticeships.enterpriseApprovedOn')}>
                    {a.enterpriseApprovedOn ?? '–'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('cooperation.apprenticeships.planFile')} span={2}>
                    <FileLink file={a.planFile} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('cooperation.apprenticeships.planSummary')} span={2}>
                    {a.planSummary || '–'}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
              <Card size="small" title={t('cooperation.apprenticeships.stages')} style={{ marginBottom: 16 }}>
                {/* A card a stage on a phone: the table hid its completion date off the screen's edge. */}
                <ResponsiveTable
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={a.stages}
                  cardTitle={(s) => `${s.seq}. ${s.title}`}
                  columns={[
                    { title: '#', dataIndex: 'seq', width: 40, responsive: ['md'] },
                    {
                      title: t('cooperation.apprenticeships.stageTitle'),
                      dataIndex: 'title',
                      responsive: ['md'],
                    },
                    {
                      title: t('cooperation.apprenticeships.plannedEnd'),
                      dataIndex: 'plannedEndOn',
                      width: 120,
                    },
                    {
                      title: t('cooperation.apprenticeships.completedOn'),
                      key: 'done',
                      width: 140,
                      render: (_, s) =>
                        s.completedOn ??
                        (a.abilities.progress ? (
                          <Button
                            size="small"
                            onClick={() => setModal({ stageId: s.id })}
                            data-testid="stage-done"
                          >
                            {t('cooperation.apprenticeships.stageDone')}
                          </Button>
                        ) : (
                          t('cooperation.apprenticeships.notDone')
                        )),
                    },
                  ]}
                />
              </Card>
              <Card size="small" title={t('cooperation.apprenticeships.history')}>
                <Timeline
                  items={a.history.map((h) => ({
                    content: `${formatDate(h.at)} ${t(`cooperation.history.${h.action}` as never)}${h.actorName ? ` · ${[h.actorUnit, h.actorName].filter(Boolean).join(' ')}` : ''}${h.comment ? `：${h.comment}` : ''}`,
                  }))}
                />
              </Card>
              {modal === 'edit' && <ApprenticeshipFormModal open apprenticeship={a} onClose={close} />}
              {modal === 'complete' && <CompletionModal a={a} onClose={close} />}
              {modal && typeof modal === 'object' && (
                <StageModal a={a} stageId={modal.stageId} onClose={close} />
              )}
              {(modal === 'return' || modal === 'termination') && (
                <ReasonModal
                  title={t(
                    modal === 'return'
                      ? 'cooperation.apprenticeships.return'
                      : 'cooperation.apprenticeships.terminate',
                  )}
                  mutation={reasonStep}
                  toInput={(v) => ({ id: a.id, step: modal, reason: v.reason })}
                  successMessage={t(
                    modal === 'return'
                      ? 'cooperation.apprenticeships.returned'
                      : 'cooperation.apprenticeships.terminated',
                  )}
                  onClose={close}
                />
              )}
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
