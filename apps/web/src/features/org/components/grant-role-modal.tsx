import { BUSINESS_ROLES, ROLE_LABELS, type Role } from '@zhijiao/contracts';
import { Alert, Form, Select } from 'antd';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useGrantRole, type GrantRoleInput } from '../api/grant-role';
import { useOrgUnits } from '../api/get-org-units';
import type { AdminUser } from '../types';

/**
 * 授予角色 (security administrator): the business role and its scope, the unit whose records the
 * account sees. Administrator roles are not offered: only an operator sets them, on the command line.
 */
export function GrantRoleModal({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const units = useOrgUnits();
  const grant = useGrantRole();
  return (
    <FormModal<GrantRoleInput, GrantRoleInput & { id: string }, void>
      open
      onClose={onClose}
      title={`${t(user.role ? 'admin.changeRole' : 'admin.grantRole')}：${user.displayName}（${user.username}）`}
      mutation={grant}
      toInput={(v) => ({ ...v, id: user.id })}
      successMessage={t('admin.roleGranted')}
      testId="grant-role-submit"
      initialValues={{ role: user.role ?? undefined, orgUnitCode: user.orgUnit.code }}
    >
      <div data-testid="grant-role-form">
        <Alert type="info" showIcon title={t('admin.grantRoleHint')} style={{ marginBottom: 16 }} />
        <Form.Item
          name="role"
          label={t('admin.role')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select<Role>
            data-testid="grant-role-role"
            options={BUSINESS_ROLES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r], lang) }))}
          />
        </Form.Item>
        <Form.Item
          name="orgUnitCode"
          label={t('admin.scope')}
          extra={t('admin.scopeHint')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            data-testid="grant-role-unit"
            showSearch={{ optionFilterProp: 'label' }}
            loading={units.isPending}
            options={(units.data ?? []).map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }))}
          />
        </Form.Item>
      </div>
    </FormModal>
  );
}
