import { ENTERPRISE_STATUSES, ENTERPRISE_STATUS_LABELS } from '@zhijiao/contracts';
import { Form, Input, Select } from 'antd';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useUnregisteredUnits } from '../api/get-unregistered-units';
import { useRegisterEnterprise } from '../api/register-enterprise';
import { useUpdateEnterprise } from '../api/update-enterprise';
import { divisionOptions } from '../lib/register';
import type { EnterpriseDetail } from '../types';

interface Values {
  orgUnitId?: string;
  shortName?: string;
  uscc: string;
  legalName: string;
  industryDivision: string;
  address?: string;
  status: EnterpriseDetail['status'];
}

/**
 * 登记企业 / 编辑企业信息: a new enterprise (linking an enterprise unit of the district that is not
 * on the register yet, or creating its unit) or a change of the profile. The server checks the
 * 统一社会信用代码 part by part; its refusal (with the position of the error) shows on the field.
 */
export function EnterpriseFormModal({
  open,
  onClose,
  enterprise,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  enterprise?: EnterpriseDetail;
  onSaved?: (e: EnterpriseDetail) => void;
}) {
  const t = useT();
  const lang = useLang();
  const creating = !enterprise;
  const units = useUnregisteredUnits(creating && open);
  const register = useRegisterEnterprise();
  const update = useUpdateEnterprise();
  const toBody = (v: Values) => ({
    uscc: v.uscc.trim(),
    legalName: v.legalName.trim(),
    industryDivision: v.industryDivision,
    address: (v.address ?? '').trim(),
    status: v.status,
  });
  const common = (
    <>
      <Form.Item
        name="uscc"
        label={t('enterprises.col.uscc')}
        rules={[{ required: true, message: t('enterprises.form.usccRequired') }]}
        extra={t('enterprises.form.usccHint')}
      >
        <Input maxLength={30} autoComplete="off" data-testid="enterprise-uscc" />
      </Form.Item>
      <Form.Item
        name="legalName"
        label={t('enterprises.col.legalName')}
        rules={[{ required: true, whitespace: true, message: t('enterprises.form.nameRequired') }]}
      >
        <Input maxLength={200} data-testid="enterprise-name" />
      </Form.Item>
      <Form.Item
        name="industryDivision"
        label={t('enterprises.col.division')}
        rules={[{ required: true, message: t('enterprises.form.divisionRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={divisionOptions(lang)}
          data-testid="enterprise-division"
          aria-label={t('enterprises.col.division')}
        />
      </Form.Item>
      <Form.Item name="address" label={t('enterprises.col.address')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="status" label={t('enterprises.col.status')}>
        <Select
          aria-label={t('enterprises.col.status')}
          options={ENTERPRISE_STATUSES.map((s) => ({
            value: s,
            label: pick(ENTERPRISE_STATUS_LABELS[s], lang),
          }))}
        />
      </Form.Item>
    </>
  );
  if (creating)
    return (
      <FormModal<Values, Parameters<typeof register.mutate>[0], EnterpriseDetail>
        open={open}
        onClose={onClose}
        title={t('enterprises.add')}
        testId="enterprise-save"
        initialValues={{ status: 'active' }}
        mutation={register}
        toInput={(v) => ({
          ...toBody(v),
          ...(v.orgUnitId ? { orgUnitId: v.orgUnitId } : { shortName: v.shortName?.trim() || undefined }),
        })}
        successMessage={t('enterprises.form.registered')}
        onSaved={onSaved}
      >
        {(form) => (
          <>
            <Form.Item
              name="orgUnitId"
              label={t('enterprises.form.link')}
              extra={t('enterprises.form.linkHint')}
            >
              <Select
                allowClear
                aria-label={t('enterprises.form.link')}
                loading={units.isLoading}
                options={(units.data ?? []).map((u) => ({
                  value: u.id,
                  label: `${u.name}（${u.fullName}）`,
                }))}
                onChange={(id: string | undefined) => {
                  const unit = units.data?.find((u) => u.id === id);
                  if (unit && !form.getFieldValue('legalName'))
                    form.setFieldValue('legalName', unit.fullName);
                }}
              />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.orgUnitId !== b.orgUnitId}>
              {() =>
                form.getFieldValue('orgUnitId') ? null : (
                  <Form.Item
                    name="shortName"
                    label={t('enterprises.col.shortName')}
                    extra={t('enterprises.form.shortNameHint')}
                  >
                    <Input maxLength={60} />
                  </Form.Item>
                )
              }
            </Form.Item>
            {common}
          </>
        )}
      </FormModal>
    );
  return (
    <FormModal<Values, Parameters<typeof update.mutate>[0], EnterpriseDetail>
      open={open}
      onClose={onClose}
      title={t('enterprises.edit')}
      testId="enterprise-save"
      initialValues={{
        uscc: enterprise.uscc,
        legalName: enterprise.legalName,
        industryDivision: enterprise.industryDivision,
        address: enterprise.address,
        status: enterprise.status,
      }}
      mutation={update}
      toInput={(v) => ({ id: enterprise.id, body: toBody(v) })}
      successMessage={t('enterprises.form.saved')}
      onSaved={onSaved}
    >
      {common}
    </FormModal>
  );
}
