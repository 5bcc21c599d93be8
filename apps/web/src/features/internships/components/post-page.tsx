import { INTERNSHIP_KIND_LABELS, POST_HIGH_RISK_WORK_LABELS, POST_VENUE_LABELS } from '@zhijiao/contracts';
import { App, Button, Card, Descriptions, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { formatNumber } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useSession } from '@/lib/session';
import { useShowError } from '@/lib/use-show-error';
import { usePost } from '../api/get-post';
import { useClosePost, usePublishPost } from '../api/post-steps';
import { placesStudents } from '../access';
import { labourClassText, Period, PostStateTag } from './internship-tags';
import { InternshipsTabs } from './internships-tabs';
import { PlacementFormModal } from './placement-form-modal';
import { PlacementsTable } from './placements-table';
import { PostFormModal } from './post-form-modal';
import { ReasonsAlert } from './reasons-list';

/** `/internships/posts/:id`: one post — what it offers, the rules' check, its placements, its steps. */
export function PostPage() {
  const { id = '' } = useParams();
  const t = useT();
  const lang = useLang();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const post = usePost(id);
  const publish = usePublishPost();
  const close = useClosePost();
  const [editing, setEditing] = useState(false);
  const [placing, setPlacing] = useState(false);
  const me = useSession();
  const yes = (v: boolean) => t(v ? 'common.yes' : 'common.no');
  const yuan = (v: number | null) => (v === null ? '–' : `${formatNumber(v)} ${t('internships.yuanMonth')}`);
  return (
    <div data-testid="internship-post-page">
      <InternshipsTabs />
      <QueryState query={post}>
        {(p) => (
          <>
            <PageHeader
              back
              printable
              title={p.title}
              subtitle={`${p.enterprise.name} · ${pick(INTERNSHIP_KIND_LABELS[p.kind], lang)} · ${p.year}`}
              extra={
                <Space wrap>
                  {p.abilities.edit && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
                  {p.abilities.publish && (
                    <Button
                      type="primary"
                      data-testid="post-publish-button"
                      loading={publish.isPending}
                      onClick={() =>
                        publish.mutate(p.id, {
                          onSuccess: () => void message.success(t('internships.posts.published')),
                          onError: (e) => showError(e),
                        })
                      }
                    >
                      {t('internships.posts.publish')}
                    </Button>
                  )}
                  {p.abilities.close && (
                    <Button
                      loading={close.isPending}
                      onClick={() =>
                        close.mutate(p.id, {
                          onSuccess: () => void message.success(t('internships.posts.closed')),
                          onError: (e) => showError(e),
                        })
                      }
                    >
                      {t('internships.posts.close')}
                    </Button>
                  )}
                  {p.abilities.place && (
                    <Button type="primary" data-testid="place-student" onClick={() => setPlacing(true)}>
                      {t('internships.placements.add')}
                    </Button>
                  )}
                </Space>
              }
            />
            <ReasonsAlert type="error" reasons={p.check.refusals} title={t('internships.posts.refusals')} />
            <ReasonsAlert type="warning" reasons={p.check.warnings} title={t('internships.posts.warnings')} />
            <Card size="small" style={{ marginBottom: 16 }}>
              <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
                <Descriptions.Item label={t('internships.state')}>
                  <PostStateTag state={p.state} />
                </Descriptions.Item>
                <Descriptions.Item
                  label={t('internships.posts.places')}
                >{`${p.placed} / ${p.places}`}</Descriptions.Item>
                <Descriptions.Item label={t('internships.period')}>
                  <Period from={p.startsOn} to={p.endsOn} />
                </Descriptions.Item>
                <Descriptions.Item label={t('internships.posts.location')}>{p.location}</Descriptions.Item>
                <Descriptions.Item label={t('internships.posts.majors')}>
                  {p.majors.join('、') || '–'}
                </Descriptions.Item>
                <Descriptions.Item label={t('internships.posts.pay')}>{yuan(p.monthlyPay)}</Descriptions.Item>
                <Descriptions.Item label={t('internships.posts.wage')}>
                  {yuan(p.sameJobMonthlyWage)}
                </Descriptions.Item>
                <Descriptions.Item label={t('internships.posts.lowestWage')}>
                  {yuan(p.lowestWageGrade)}
                </Descriptions.Item>
                <Descriptions.Item label={t('internships.posts.hours')}>
                  {t('internships.posts.hoursValue', { daily: p.dailyHours, weekly: p.weeklyHours })}
                </Descriptions.Item>
                <Descriptions.Item label={t('internships.posts.night')}>{yes(p.nightWork)}</Descriptions.Item>
                <Descriptions.Item label={t('internships.posts.overtime')}>
                  {yes(p.overtimeWork)}
                </Descriptions.Item>
                <Descriptions.Item label={t('internships.posts.holiday')}>
                  {yes(p.holidayWork)}
                </Descriptions.Item>
                <Descriptions.Item label={t('internships.posts.filing')}>
                  {p.filingReference || '–'}
                </Descriptions.Item>
                <Descriptions.Item label={t('internships.posts.venue')}>
                  {p.venue ? pick(POST_VENUE_LABELS[p.venue], lang) : t('internships.none')}
                </Descriptions.Item>
                <Descriptions.Item label={t('internships.posts.highRisk')}>
                  {p.highRiskWork.map((k) => pick(POST_HIGH_RISK_WORK_LABELS[k], lang)).join('、') ||
                    t('internships.none')}
                </Descriptions.Item>
                <Descriptions.Item label={t('internships.posts.labourClass')}>
                  {labourClassText(t, p.labourIntensityClass)}
                </Descriptions.Item>
                <Descriptions.Item label={t('internships.posts.viaAgent')}>
                  {yes(p.viaAgent)}
                </Descriptions.Item>
                <Descriptions.Item label={t('internships.posts.staffOnPost')}>
                  {p.staffOnPost ?? '–'}
                </Descriptions.Item>
                {p.publishedOn && (
                  <Descriptions.Item label={t('internships.posts.publishedOn')}>
                    {p.publishedOn}
                  </Descriptions.Item>
                )}
                {p.closedOn && (
                  <Descriptions.Item label={t('internships.posts.closedOn')}>{p.closedOn}</Descriptions.Item>
                )}
              </Descriptions>
            </Card>
            <Card
              size="small"
              title={t(
                placesStudents(me) ? 'internships.posts.placementsOfSchool' : 'internships.placements.title',
              )}
            >
              <PlacementsTable filter={{ postId: p.id }} />
            </Card>
            {editing && <PostFormModal open post={p} onClose={() => setEditing(false)} />}
            <PlacementFormModal
              open={placing}
              post={p}
              onClose={() => setPlacing(false)}
              onCreated={(placementId) => navigate(`/internships/placements/${placementId}`)}
            />
          </>
        )}
      </QueryState>
    </div>
  );
}
