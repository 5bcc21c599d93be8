import { COOPERATION_SCOPE_LABELS } from '@zhijiao/contracts';
import { Button, Card, Descriptions, Space } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useAgreement, useTerminateAgreement } from '../api/agreements';
import { AgreementFormModal } from './agreement-form-modal';
import { AgreementStatusTag, CooperationTabs, FileLink, Period, ReasonModal } from './shared';

/** `/cooperation/agreements/:id`: one agreement — parties, period, scope, signed copy, its steps. */
export function AgreementPage() {
  const { id = '' } = useParams();
  const t = useT();
  const lang = useLang();
  const agreement = useAgreement(id);
  const terminate = useTerminateAgreement();
  const [editing, setEditing] = useState(false);
  const [ending, setEnding] = useState(false);
  return (
    <div data-testid="cooperation-agreement-page">
      <CooperationTabs />
      <QueryState query={agreement}>
        {(a) => (
          <>
            <PageHeader
              back
              printable
              title={a.title}
              subtitle={`${a.school.name} · ${a.enterprise.name}`}
              extra={
                <Space wrap>
                  {a.abilities.edit && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
                  {a.abilities.terminate && (
                    <Button danger onClick={() => setEnding(true)} data-testid="agreement-terminate">
                      {t('cooperation.agreements.terminate')}
                    </Button>
                  )}
                </Space>
              }
            />
            <Card size="small">
              <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
                <Descriptions.Item label={t('cooperation.status')}>
                  <AgreementStatusTag status={a.status} />
                </Descriptions.Item>
                <Descriptions.Item label={t('cooperation.period')}>
                  <Period from={a.startsOn} to={a.endsOn} />
                </Descriptions.Item>
                <Descriptions.Item label={t('cooperation.school')}>{a.school.name}</Descriptions.Item>
                <Descriptions.Item label={t('cooperation.enterprise')}>{a.enterprise.name}</Descriptions.Item>
                <Descriptions.Item label={t('cooperation.agreements.scopes')} span={2}>
                  {a.scopes.map((s) => pick(COOPERATION_SCOPE_LABELS[s], lang)).join('、')}
                </Descriptions.Item>
                <Descriptions.Item label={t('cooperation.agreements.summary')} span={2}>
                  {a.summary || '–'}
                </Descriptions.Item>
                <Descriptions.Item label={t('cooperation.file')}>
                  <FileLink file={a.file} />
                </Descriptions.Item>
                <Descriptions.Item label={t('cooperation.agreements.signedOn')}>
                  {a.signedOn ?? '–'}
                </Descriptions.Item>
                <Descriptions.Item label={t('cooperation.agreements.apprenticeships')}>
                  <Link to={`/cooperation/apprenticeships?agreementId=${a.id}`}>{a.apprenticeships}</Link>
                </Descriptions.Item>
                {a.terminatedOn && (
                  <Descriptions.Item label={t('cooperation.agreements.terminationReason')}>
                    {`${a.terminatedOn} ${a.terminationReason}`}
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>
            {editing && <AgreementFormModal open agreement={a} onClose={() => setEditing(false)} />}
            {ending && (
              <ReasonModal
                dated
                title={t('cooperation.agreements.terminate')}
                mutation={terminate}
                toInput={(v) => ({ id: a.id, body: { terminatedOn: v.date, reason: v.reason } })}
                successMessage={t('cooperation.agreements.terminated')}
                onClose={() => setEnding(false)}
              />
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}
