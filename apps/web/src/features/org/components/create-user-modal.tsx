import { ROLE_LABELS, ROLES, isAdminRole } from '@zhijiao/contracts';
import { Form, Input, Select } from 'antd';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useCreateUser, type CreateUserInput } from '../api/create-user';
import { useOrgUnits } from '../api/get-org-units';

const trimmed = (v: CreateUserInput): CreateUserInput => ({
  ...v,
  username: v.username.trim(),
  displayName: v.displayName.trim(),
});

/**
 * New account: username, name, role and unit. Administrator roles are not offered: the system
 * administrator may not hand them out (三权分立).
 */
export function CreateUserModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (username: string, password: string) => void;
}) {
  const t = useT();
  const lang = useLang();
  const units = useOrgUnits({ enabled: open });
  const create = useCreateUser();
  return (
    <FormModal
      open={open}
      onClose={onClose}
      title={t('admin.createUser')}
      mutation={create}
      toInput={trimmed}
      onSaved={(r, values) => onCreated(values.username.trim(), r.initialPassword)}
    >
      <div data-testid="create-user-form">
        <Form.Item
          name="username"
          label={t('admin.username')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { pattern: /^[A-Za-z][A-Za-z0-9._-]{2,31}$/, message: 'a-z 0-9 . _ - (3–32)' },
          ]}
        >
          <Input data-testid="user-username" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('admin.displayName')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input data-testid="user-display-name" maxLength={60} />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('admin.role')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            data-testid="user-role"
            options={ROLES.filter((r) => !isAdminRole(r)).map((r) => ({
              value: r,
              label: pick(ROLE_LABELS[r], lang),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="orgUnitCode"
          label={t('admin.orgUnit')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            data-testid="user-org-unit"
            showSearch={{ optionFilterProp: 'label' }}
            loading={units.isPending}
            options={(units.data ?? []).map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }))}
          />
        </Form.Item>
      </div>
    </FormModal>
  );
}
