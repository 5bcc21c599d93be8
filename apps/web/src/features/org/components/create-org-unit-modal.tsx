import { ORG_UNIT_TYPE_LABELS, ORG_UNIT_TYPES } from '@zhijiao/contracts';
import { App, Form, Input, Modal, Select } from 'antd';
import type { OrgUnit } from '@/lib/api-types';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { useCreateOrgUnit, type CreateOrgUnitInput } from '../api/create-org-unit';
import { groupLabel } from '../lib/group-labels';

/**
 * New org unit under `parent` (or a root when there is none); groups are free tags. Mount it only
 * while open, so each opening starts from a fresh form.
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
  const showError = useShowError();
  const { message } = App.useApp();
  const create = useCreateOrgUnit();
  const [form] = Form.useForm<CreateOrgUnitInput>();
  const knownGroups = [...new Set(units.flatMap((u) => u.groups))].sort();

  const initialValues: Partial<CreateOrgUnitInput> = {
    parentCode: parent?.code ?? null,
    type: !parent || parent.type === 'district' ? 'bureau' : parent.type,
    groups: [],
  };

  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    create.mutate(
      {
        ...values,
        fullName: values.fullName?.trim() || values.name,
        nameEn: values.nameEn?.trim() ?? '',
        groups: values.groups ?? [],
      },
      {
        onSuccess: () => {
          message.success(t('admin.unitCreated'));
          onClose();
        },
        onError: (error) => showError(error, form),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={parent ? `${t('admin.createChild')} · ${parent.name}` : t('admin.createRoot')}
      onOk={() => void onOk()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={initialValues}
        data-testid="create-org-unit-form"
      >
        <Form.Item name="parentCode" label={t('admin.parentUnit')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={units.map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }))}
          />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('admin.unitCode')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { pattern: /^[A-Za-z0-9._-]{2,64}$/, message: 'A-Z a-z 0-9 . _ -' },
          ]}
        >
          <Input data-testid="org-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('admin.unitName')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input data-testid="org-name" maxLength={64} />
        </Form.Item>
        <Form.Item name="fullName" label={t('admin.unitFullName')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('admin.unitNameEn')}>
          <Input maxLength={200} />
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
      </Form>
    </Modal>
  );
}
