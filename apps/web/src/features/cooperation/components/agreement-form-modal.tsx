import { COOPERATION_SCOPE_LABELS, COOPERATION_SCOPES } from '@zhijiao/contracts';
import { Checkbox, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { EvidenceUpload } from '@/components/evidence-upload';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useEnterpriseOptions } from '@/lib/reads/enterprise-options';
import { useSaveAgreement, type Agreement, type AgreementInput } from '../api/agreements';
import {
  PeriodField,
  periodFileInput,
  periodFilePath,
  periodFileValues,
  type PeriodFileValues,
} from './period-file-fields';

type Values = Omit<AgreementInput, 'startsOn' | 'endsOn' | 'signedOn' | 'agreementFileId'> &
  PeriodFileValues & { signedOn?: Dayjs };

/** 登记合作协议 (or edit one): the enterprise, title, period, scope, summary and the signed copy. */
export function AgreementFormModal({
  open,
  onClose,
  onSaved,
  agreement,
}: {
  open: boolean;
  onClose: () => void;
  onSaved?: (id: string) => void;
  agreement?: Agreement;
}) {
  const t = useT();
  const lang = useLang();
  const save = useSaveAgreement();
  const enterprises = useEnterpriseOptions(open);
  const required = [{ required: true, message: t('common.required') }];
  const initial: Partial<Values> = agreement
    ? {
        ...agreement,
        enterpriseId: agreement.enterprise.id,
        ...periodFileValues(agreement, agreement.file),
        signedOn: agreement.signedOn ? dayjs(agreement.signedOn) : undefined,
      }
    : { scopes: ['internship_training'], summary: '', files: [] };
  return (
    <FormModal<Values, { id?: string; body: AgreementInput }, Agreement>
      open={open}
      onClose={onClose}
      width={640}
      title={t(agreement ? 'cooperation.agreements.edit' : 'cooperation.agreements.add')}
      okText={t('cooperation.save')}
      testId="agreement-save"
      mutation={save}
      toInput={({ period, signedOn, files, ...v }) => ({
        id: agreement?.id,
        body: {
          ...v,
          summary: v.summary ?? '',
          signedOn: signedOn?.format('YYYY-MM-DD') ?? null,
          ...periodFileInput({ period, files }, 'agreementFileId'),
        },
      })}
      mapPath={periodFilePath('agreementFileId')}
      successMessage={t('cooperation.agreements.saved')}
      onSaved={(a) => onSaved?.(a.id)}
      initialValues={initial}
    >
      <Form.Item name="enterpriseId" label={t('cooperation.enterprise')} rules={required}>
        <Select
          showSearch
          optionFilterProp="label"
          disabled={!!agreement}
          loading={enterprises.isLoading}
          options={enterprises.data ?? []}
          aria-label={t('cooperation.enterprise')}
          data-testid="agreement-enterprise"
        />
      </Form.Item>
      <Form.Item name="title" label={t('cooperation.agreements.name')} rules={required}>
        <Input maxLength={200} data-testid="agreement-title" />
      </Form.Item>
      <PeriodField />
      <Form.Item name="scopes" label={t('cooperation.agreements.scopes')} rules={required}>
        <Checkbox.Group
          options={COOPERATION_SCOPES.map((s) => ({
            value: s,
            label: pick(COOPERATION_SCOPE_LABELS[s], lang),
          }))}
        />
      </Form.Item>
      <Form.Item name="summary" label={t('cooperation.agreements.summary')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="files" label={t('cooperation.file')}>
        <EvidenceUpload max={1} testId="upload-agreement" buttonLabel={t('cooperation.agreements.upload')} />
      </Form.Item>
      <Form.Item name="signedOn" label={t('cooperation.agreements.signedOn')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
