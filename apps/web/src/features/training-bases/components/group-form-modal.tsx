import { VET_GROUP_ROLE_LABELS, VET_GROUP_ROLES } from '@zhijiao/contracts';
import { DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '@/components/form-modal';
import { FormRows } from '@/components/form-rows';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useUnits } from '../api/get-units';
import { useSaveGroup, type Group, type GroupInput } from '../api/groups';
import { chinaTodayDay } from '@/lib/format';

type Member = { unitId: string; role: NonNullable<GroupInput['members']>[number]['role']; joinedOn: Dayjs };
type Values = { name: string; leadUnitId: string; foundedOn?: Dayjs | null; members: Member[] };

/** 登记职教集团 (or edit one): name, lead unit, member units with role and the day they joined. */
export function GroupFormModal({
  open,
  onClose,
  group,
}: {
  open: boolean;
  onClose: () => void;
  group?: Group;
}) {
  const t = useT();
  const lang = useLang();
  const save = useSaveGroup();
  const units = (useUnits().data ?? []).filter(
    (u) => u.type === 'school' || u.type === 'college' || u.type === 'enterprise',
  );
  const required = [{ required: true, message: t('common.required') }];
  const options = units.map((u) => ({ value: u.id, label: u.name }));
  const initial: Partial<Values> = group
    ? {
        name: group.name,
        leadUnitId: group.lead.id,
        foundedOn: group.foundedOn ? dayjs(group.foundedOn) : null,
        members: group.members.map((m) => ({ unitId: m.unit.id, role: m.role, joinedOn: dayjs(m.joinedOn) })),
      }
    : { members: [] };
  return (
    <FormModal<Values, { id?: string; body: GroupInput }, Group>
      open={open}
      onClose={onClose}
      width={720}
      title={t(group ? 'vetGroups.edit' : 'vetGroups.add')}
      okText={t('trainingBases.save')}
      testId="group-save"
      mutation={save}
      toInput={(v) => ({
        id: group?.id,
        body: {
          name: v.name.trim(),
          leadUnitId: v.leadUnitId,
          foundedOn: v.foundedOn ? v.foundedOn.format('YYYY-MM-DD') : null,
          members: (v.members ?? []).map((m) => ({ ...m, joinedOn: m.joinedOn.format('YYYY-MM-DD') })),
        },
      })}
      successMessage={t('trainingBases.saved')}
      initialValues={initial}
    >
      <Form.Item name="name" label={t('vetGroups.name')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="leadUnitId" label={t('vetGroups.lead')} rules={required}>
          <Select showSearch optionFilterProp="label" options={options} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="foundedOn" label={t('vetGroups.foundedOn')}>
          <DatePicker />
        </Form.Item>
      </Space>
      <FormRows
        name="members"
        label={t('vetGroups.members')}
        addLabel={t('vetGroups.addMember')}
        removeLabel={t('trainingBases.remove')}
        newRow={() => ({ role: 'member', joinedOn: chinaTodayDay() })}
      >
        {(f) => (
          <>
            <Form.Item name={[f.name, 'unitId']} rules={required} noStyle>
              <Select
                showSearch
                optionFilterProp="label"
                options={options}
                style={{ width: 240 }}
                aria-label={t('vetGroups.unit')}
              />
            </Form.Item>
            <Form.Item name={[f.name, 'role']} noStyle>
              <Select
                style={{ width: 150 }}
                aria-label={t('vetGroups.role')}
                options={VET_GROUP_ROLES.map((r) => ({
                  value: r,
                  label: pick(VET_GROUP_ROLE_LABELS[r], lang),
                }))}
              />
            </Form.Item>
            <Form.Item name={[f.name, 'joinedOn']} rules={required} noStyle>
              <DatePicker placeholder={t('vetGroups.joinedOn')} />
            </Form.Item>
          </>
        )}
      </FormRows>
    </FormModal>
  );
}
