import { ROLE_LABELS, ROLES, isAdminRole } from '@zhijiao/contracts';
import { Form, Input, Modal, Select } from 'antd';
import { useLang, pick } from '@/lib/lang';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { useCreateUser, type CreateUserInput } from '../api/create-user';
import { useOrgUnits } from '../api/get-org-units';

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
  const showError = useShowError();
  const units = useOrgUnits({ enabled: open });
  const create = useCreateUser();
  const [form] = Form.useForm<CreateUserInput>();

  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    create.mutate(
      { ...values, username: values.username.trim(), displayName: values.displayName.trim() },
      {
        onSuccess: ({ initialPassword }) => {
          onCreated(values.username.trim(), initialPassword);
        },
        onError: (error) => showError(error, form),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('admin.createUser')}
      onOk={() => void onOk()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false} data-testid="create-user-form">
        <Form.Item
          name="username"
          label={t('admin.username')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { pattern: /^[A-Za-z0-9._-]{3,64}$/, message: 'a-z 0-9 . _ - (3–64)' },
          ]}
        >
          <Input data-testid="user-username" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('admin.displayName')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input data-testid="user-display-name" maxLength={64} />
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
      </Form>
    </Modal>
  );
}
