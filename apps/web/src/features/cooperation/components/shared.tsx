import {
  AGREEMENT_STATUS_LABELS,
  APPRENTICESHIP_STATE_LABELS,
  CENTRE_STATE_LABELS,
  type AgreementStatus,
  type ApprenticeshipState,
  type CentreState,
} from '@zhijiao/contracts';
import type { UseMutationResult } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, List, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '@/components/form-modal';
import { RouteTabs } from '@/components/route-tabs';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';

const AGREEMENT_COLORS: Record<AgreementStatus, string> = {
  not_started: 'default',
  in_force: 'green',
  expired: 'orange',
  terminated: 'red',
};
const APPRENTICESHIP_COLORS: Record<ApprenticeshipState, string> = {
  draft: 'default',
  school_approved: 'gold',
  approved: 'green',
  completed: 'blue',
  terminated: 'red',
};

export function AgreementStatusTag({ status }: { status: AgreementStatus }) {
  const lang = useLang();
  return <Tag color={AGREEMENT_COLORS[status]}>{pick(AGREEMENT_STATUS_LABELS[status], lang)}</Tag>;
}

export function ApprenticeshipStateTag({ state }: { state: ApprenticeshipState }) {
  const lang = useLang();
  return <Tag color={APPRENTICESHIP_COLORS[state]}>{pick(APPRENTICESHIP_STATE_LABELS[state], lang)}</Tag>;
}

export function CentreStateTag({ state }: { state: CentreState }) {
  const lang = useLang();
  return (
    <Tag color={state === 'operating' ? 'green' : 'default'}>{pick(CENTRE_STATE_LABELS[state], lang)}</Tag>
  );
}

export function Period({ from, to }: { from: string; to: string | null }) {
  return (
    <>
      <span style={{ whiteSpace: 'nowrap' }}>{from}</span> ~{' '}
      <span style={{ whiteSpace: 'nowrap' }}>{to ?? ''}</span>
    </>
  );
}

/** A stored file as a download link, or 未上传. */
export function FileLink({ file }: { file: { id: string; name: string } | null }) {
  const t = useT();
  if (!file) return <>{t('cooperation.noFile')}</>;
  return (
    <a href={`/api/files/${file.id}`} target="_blank" rel="noreferrer" data-testid="file-link">
      {file.name}
    </a>
  );
}

/** Reasons the server gives (refusals), in the page's language. */
export function ReasonsAlert({
  reasons,
  title,
}: {
  reasons: Array<{ code: string; zh: string; en: string }>;
  title: string;
}) {
  const lang = useLang();
  if (reasons.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      message={title}
      description={
        <List
          size="small"
          dataSource={reasons}
          renderItem={(r) => (
            <List.Item data-testid={`reason-${r.code}`}>{lang === 'en' ? r.en : r.zh}</List.Item>
          )}
        />
      }
    />
  );
}

/** 合作协议, 学徒制 and 协同创新中心与教学工厂 as tabs under one menu entry. */
export function CooperationTabs() {
  const t = useT();
  return (
    <RouteTabs
      tabs={[
        {
          path: '/cooperation/agreements',
          label: t('cooperation.tab.agreements'),
          testId: 'cooperation-tab-agreements',
        },
        {
          path: '/cooperation/apprenticeships',
          label: t('cooperation.tab.apprenticeships'),
          testId: 'cooperation-tab-apprenticeships',
        },
        {
          path: '/cooperation/centres',
          label: t('cooperation.tab.centres'),
          testId: 'cooperation-tab-centres',
        },
      ]}
    />
  );
}

/** A step that needs a reason (and, with `dated`, its date): termination, closure, return. */
export function ReasonModal<Vars, R>({
  title,
  dated,
  mutation,
  toInput,
  successMessage,
  onClose,
}: {
  title: string;
  dated?: boolean;
  mutation: Pick<UseMutationResult<R, unknown, Vars>, 'mutate' | 'isPending'>;
  toInput: (v: { reason: string; date: string }) => Vars;
  successMessage: string;
  onClose: () => void;
}) {
  const t = useT();
  const required = [{ required: true, message: t('common.required') }];
  return (
    <FormModal<{ reason: string; date?: Dayjs }, Vars, R>
      open
      onClose={onClose}
      title={title}
      okText={t('cooperation.save')}
      testId="reason-save"
      mutation={mutation}
      toInput={(v) => toInput({ reason: v.reason.trim(), date: v.date?.format('YYYY-MM-DD') ?? '' })}
      mapPath={(path) => (path[0] === 'reason' ? ['reason'] : ['date'])}
      successMessage={successMessage}
    >
      {dated && (
        <Form.Item name="date" label={t('cooperation.date')} rules={required}>
          <DatePicker style={{ width: '100%' }} data-testid="reason-date" />
        </Form.Item>
      )}
      <Form.Item name="reason" label={t('cooperation.reason')} rules={required}>
        <Input.TextArea rows={3} maxLength={1000} data-testid="reason-text" />
      </Form.Item>
    </FormModal>
  );
}
