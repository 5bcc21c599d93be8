import { FileTextOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { useLearner } from '../api/get-learner';
import type { LearnerDetail } from '../types';
import { CreditBankSection } from './credit-bank-section';
import { DestinationCard } from './destination-card';
import { LearnerKindTag, LearnerStatusTag } from './learner-tags';
import { SamePersonCard } from './same-person-card';
import { StatusChangeModal } from './status-change-modal';
import { StatusHistory } from './status-history';

/**
 * `/learners/:id`: one learner's register entry (ID number masked), the status history, the
 * learning outcomes with the credit-bank balance and, once graduated, where they went (毕业去向); a
 * keeper of the school's register changes the status here (休学, 复学, 转学, 退学, 毕业) and records
 * the destination; 成绩单 opens the transcript.
 */
export function LearnerPage() {
  const { id = '' } = useParams();
  const learner = useLearner(id);
  return (
    <div data-testid="learner-page">
      <QueryState query={learner}>{(d) => <LearnerView learner={d} />}</QueryState>
    </div>
  );
}

function LearnerView({ learner: d }: { learner: LearnerDetail }) {
  const t = useT();
  const navigate = useNavigate();
  const [changing, setChanging] = useState(false);
  const social = d.kind === 'social';
  return (
    <>
      <PageHeader
        back
        printable
        title={d.name}
        subtitle={
          social
            ? `${d.school.name} · ${t('learners.kind.social')} · ${t('learners.social.since', { year: d.cohortYear })}`
            : `${d.school.name} · ${d.majorName} · ${t('learners.cohortYear', { year: d.cohortYear })}`
        }
        extra={
          <>
            <Button
              icon={<FileTextOutlined />}
              onClick={() => navigate(`/learners/${d.id}/transcript`)}
              data-testid="learner-transcript"
            >
              {t('transcript.open')}
            </Button>
            {d.abilities.changeStatus && (
              <Button type="primary" onClick={() => setChanging(true)} data-testid="learner-change-status">
                {t('learners.change.button')}
              </Button>
            )}
          </>
        }
      />
      <Card size="small" title={t('learners.record.title')}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" data-testid="learner-record">
          <Descriptions.Item label={t('learners.col.name')}>
            {d.name}
            <LearnerKindTag kind={d.kind} />
          </Descriptions.Item>
          <Descriptions.Item label={t('learners.col.idMasked')}>{d.idMasked}</Descriptions.Item>
          <Descriptions.Item label={t('learners.col.sex')}>{t(`learners.sex.${d.sex}`)}</Descriptions.Item>
          <Descriptions.Item label={t('learners.col.school')}>{d.school.name}</Descriptions.Item>
          {!social && (
            <Descriptions.Item label={t('learners.col.major')}>
              {d.majorName}（{d.majorCode}）
            </Descriptions.Item>
          )}
          {!social && (
            <Descriptions.Item label={t('learners.col.className')}>
              {d.className || t('learners.noClass')}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={social ? t('learners.social.year') : t('learners.col.cohort')}>
            {social ? d.cohortYear : t('learners.cohortYear', { year: d.cohortYear })}
          </Descriptions.Item>
          {!social && (
            <Descriptions.Item label={t('learners.col.status')}>
              <span data-testid="learner-status">
                <LearnerStatusTag status={d.status} />
              </span>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('learners.col.statusSince')}>{d.statusSince}</Descriptions.Item>
          <Descriptions.Item label={t('learners.col.source')}>
            {t(`learners.source.${d.source}`)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <SamePersonCard learnerId={d.id} />
      <StatusHistory history={d.history} />
      <CreditBankSection learner={d} />
      {!social && <DestinationCard learner={d} />}
      {changing && <StatusChangeModal open onClose={() => setChanging(false)} learner={d} />}
    </>
  );
}
