import { ORG_UNIT_TYPE_LABELS, ORG_UNIT_TYPES } from '@zhijiao/contracts';
import { Form, Input, Select } from 'antd';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useCreateOrgUnit, type CreateOrgUnitInput } from '../api/create-org-unit';
import { groupLabel } from '../lib/group-labels';
import type { OrgUnit } from '../types';

const toInput = (v: CreateOrgUnitInput): CreateOrgUnitInput => ({
  ...v,
  fullName: v.fullName?.trim() || v.name,
  nameEn: v.nameEn?.trim() ?? '',
  groups: v.groups ?? [],
});

/**
 * New org unit under `parent` (or a parent to choose when none is selected); groups are free
 * tags. Mount it only while open, so each opening starts from a fresh form.
 */
export function CreateOrgUnitModal({
  open,
  parent,
  units,
  onClose,
}: {
  open: boolean;
  parent: OrgUnit | null;
  units: OrgUnit[];
  onClose: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const create = useCreateOrgUnit();
  const knownGroups = [...new Set(units.flatMap((u) => u.groups))].sort();
  const initialValues: Partial<CreateOrgUnitInput> = {
    parentCode: parent?.code,
    type: !parent || parent.type === 'district' ? 'bureau' : parent.type,
    groups: [],
  };
  return (
    <FormModal
      open={open}
      onClose={onClose}
      title={parent ? `${t('admin.createChild')} · ${parent.name}` : t('admin.createRoot')}
      mutation={create}
      toInput={toInput}
      successMessage={t('admin.unitCreated')}
      initialValues={initialValues}
    >
      <div data-testid="create-org-unit-form">
        <Form.Item
          name="parentCode"
          label={t('admin.parentUnit')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={units.map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }))}
          />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('admin.unitCode')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { pattern: /^[A-Z0-9][A-Z0-9-]{1,39}$/, message: 'A-Z 0-9 -' },
          ]}
        >
          <Input data-testid="org-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('admin.unitName')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input data-testid="org-name" maxLength={60} />
        </Form.Item>
        <Form.Item name="fullName" label={t('admin.unitFullName')}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('admin.unitNameEn')}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item
          name="type"
          label={t('admin.unitType')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            options={ORG_UNIT_TYPES.map((type) => ({
              value: type,
              label: pick(ORG_UNIT_TYPE_LABELS[type], lang),
            }))}
          />
        </Form.Item>
        <Form.Item name="groups" label={t('admin.unitGroups')} extra={t('admin.unitGroupsHint')}>
          <Select
            mode="tags"
            tokenSeparators={[',', '，']}
            options={knownGroups.map((g) => ({ value: g, label: groupLabel(g, lang) }))}
          />
        </Form.Item>
      </div>
    </FormModal>
  );
}
