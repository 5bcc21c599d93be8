import { Alert, Form, Input, Select } from 'antd';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { useCreateUser, type CreateUserInput } from '../api/create-user';
import { useOrgUnits } from '../api/get-org-units';

const trimmed = (v: CreateUserInput): CreateUserInput => ({
  ...v,
  username: v.username.trim(),
  displayName: v.displayName.trim(),
});

/**
 * New account (system administrator): username, name and unit, no role. The security
 * administrator grants the role and its scope afterwards (三权分立), so the system administrator
 * alone never makes an account that reads the business.
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
        <Alert type="info" showIcon title={t('admin.createUserNoRole')} style={{ marginBottom: 16 }} />
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
