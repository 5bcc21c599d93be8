import { PlusOutlined } from '@ant-design/icons';
import { isAdminRole, ROLE_LABELS } from '@zhijiao/contracts';
import { App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { SearchInput } from '@/components/search-input';
import { useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { can } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useShowError } from '@/lib/use-show-error';
import { useUsers } from '../api/get-users';
import { useResetPassword } from '../api/reset-password';
import { useRevokeRole } from '../api/revoke-role';
import { useUnlockUser } from '../api/unlock-user';
import { useUpdateUser } from '../api/update-user';
import { CreateUserModal } from './create-user-modal';
import { GrantRoleModal } from './grant-role-modal';
import { OneTimePasswordModal } from './one-time-password-modal';
import type { AdminUser } from '../types';

/**
 * `/admin/users`: the system administrator creates accounts (without a role), disables and enables
 * them; the security administrator grants, changes and revokes roles and their scope (三权分立),
 * unlocks and resets passwords (the one-time password is shown once).
 */
export function UsersPage() {
  const t = useT();
  const lang = useLang();
  const me = useSession();
  const { message } = App.useApp();
  const showError = useShowError();
  const users = useUsers();
  const update = useUpdateUser();
  const unlock = useUnlockUser();
  const reset = useResetPassword();
  const revoke = useRevokeRole();
  const [creating, setCreating] = useState(false);
  const [granting, setGranting] = useState<AdminUser | null>(null);
  const [search, setSearch] = useState('');
  const [oneTime, setOneTime] = useState<{ username: string; password: string } | null>(null);
  const manage = can(me, 'user.manage');
  const security = can(me, 'user.security');

  const done = {
    onSuccess: () => message.success(t('admin.updated')),
    onError: (e: unknown) => showError(e),
  };

  const statusTags = (u: AdminUser) => (
    <Space size={[0, 4]} wrap>
      {u.disabled ? (
        <Tag color="default">{t('admin.disabled')}</Tag>
      ) : (
        <Tag color="green">{t('admin.active')}</Tag>
      )}
      {u.locked && <Tag color="red">{t('admin.locked')}</Tag>}
      {u.mustChangePassword && <Tag color="orange">{t('admin.mustChange')}</Tag>}
      {u.totpEnabled && <Tag color="blue">{t('admin.totpOn')}</Tag>}
    </Space>
  );

  // The security administrator grants business roles, never their own nor an administrator's.
  const grantable = (u: AdminUser) => security && u.id !== me?.id && !isAdminRole(u.role);

  const actions = (u: AdminUser) => (
    <Space size={0} wrap>
      {grantable(u) && (
        <Button
          size="small"
          type="link"
          data-testid={`user-grant-${u.username}`}
          onClick={() => setGranting(u)}
        >
          {t(u.role ? 'admin.changeRole' : 'admin.grantRole')}
        </Button>
      )}
      {grantable(u) && u.role && (
        <Popconfirm title={t('admin.confirmRevoke')} onConfirm={() => revoke.mutate(u.id, done)}>
          <Button size="small" type="link" danger data-testid={`user-revoke-${u.username}`}>
            {t('admin.revokeRole')}
          </Button>
        </Popconfirm>
      )}
      {manage && u.id !== me?.id && (
        <Popconfirm
          title={u.disabled ? t('admin.enable') : t('admin.confirmDisable')}
          onConfirm={() => update.mutate({ id: u.id, disabled: !u.disabled }, done)}
        >
          <Button size="small" type="link" danger={!u.disabled} data-testid={`user-toggle-${u.username}`}>
            {u.disabled ? t('admin.enable') : t('admin.disable')}
          </Button>
        </Popconfirm>
      )}
      {security && u.locked && (
        <Button
          size="small"
          type="link"
          data-testid={`user-unlock-${u.username}`}
          onClick={() => unlock.mutate(u.id, done)}
        >
          {t('admin.unlock')}
        </Button>
      )}
      {security && u.id !== me?.id && (
        <Popconfirm
          title={t('admin.confirmReset')}
          onConfirm={() =>
            reset.mutate(u.id, {
              onSuccess: ({ initialPassword }) =>
                setOneTime({ username: u.username, password: initialPassword }),
              onError: (e) => showError(e),
            })
          }
        >
          <Button size="small" type="link" data-testid={`user-reset-${u.username}`}>
            {t('admin.resetPassword')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );

  const roleCell = (u: AdminUser) =>
    u.role ? (
      pick(ROLE_LABELS[u.role], lang)
    ) : (
      <Tag color="gold" data-testid={`user-no-role-${u.username}`}>
        {t('admin.noRole')}
      </Tag>
    );

  const matches = (u: AdminUser) => {
    const q = search.trim().toLowerCase();
    return !q || [u.username, u.displayName, u.orgUnit.name].some((s) => s.toLowerCase().includes(q));
  };

  return (
    <div data-testid="users-page">
      <PageHeader
        title={t('admin.users')}
        extra={
          manage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="user-create"
            >
              {t('admin.createUser')}
            </Button>
          )
        }
      />
      <Card size="small">
        <SearchInput
          allowClear
          placeholder={`${t('admin.username')} / ${t('admin.displayName')} / ${t('admin.orgUnit')}`}
          style={{ maxWidth: 320, marginBottom: 12 }}
          onSearch={setSearch}
          onChange={(e) => setSearch(e.target.value)}
        />
        <QueryState query={users}>
          {(items) => (
            <Table
              size="small"
              rowKey="id"
              dataSource={items.filter(matches)}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 1000 }}
              columns={[
                { title: t('admin.username'), dataIndex: 'username', width: 140 },
                { title: t('admin.displayName'), dataIndex: 'displayName', width: 120 },
                { title: t('admin.role'), key: 'role', width: 170, render: (_, u) => roleCell(u) },
                { title: t('admin.orgUnit'), key: 'unit', render: (_, u) => u.orgUnit.name },
                { title: t('admin.status'), key: 'status', width: 220, render: (_, u) => statusTags(u) },
                { title: t('admin.createdAt'), dataIndex: 'createdAt', width: 140, render: formatDateTime },
                { title: t('common.actions'), key: 'actions', width: 220, render: (_, u) => actions(u) },
              ]}
            />
          )}
        </QueryState>
      </Card>
      {creating && (
        <CreateUserModal
          open
          onClose={() => setCreating(false)}
          onCreated={(username, password) => {
            setCreating(false);
            message.success(t('admin.userCreated'));
            setOneTime({ username, password });
          }}
        />
      )}
      {granting && <GrantRoleModal user={granting} onClose={() => setGranting(null)} />}
      <OneTimePasswordModal
        username={oneTime?.username ?? ''}
        password={oneTime?.password ?? null}
        onClose={() => setOneTime(null)}
      />
    </div>
  );
}
