import {
  VET_GROUP_MEMBER_KIND_LABELS,
  VET_GROUP_ROLE_LABELS,
  VET_PROGRAMME_KIND_LABELS,
} from '@zhijiao/contracts';
import { Button, Card, Descriptions, Empty, Space } from 'antd';
import { useState } from 'react';
import { RecordListPage } from '@/components/record-list-page';
import { QueryState } from '@/components/query-state';
import { ResponsiveTable } from '@/components/responsive-table';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useSession } from '@/lib/session';
import { useGroups, type Group } from '../api/groups';
import { EnrollmentLink, ProgrammeNumber } from './enrollment-link';
import { GroupFormModal } from './group-form-modal';
import { ProgrammeModal } from './programme-modal';

/** `/vet-groups`: 职教集团 — each group the user's unit leads or belongs to, its members and joint programmes. */
export function GroupsPage() {
  const t = useT();
  const me = useSession();
  const groups = useGroups();
  // Registering a group is the district's (the coordinator): the server decides; the button shows for the coordinator.
  const mayAdd = me?.role === 'coordinator';
  return (
    <RecordListPage
      testId="vet-groups-page"
      title={t('vetGroups.title')}
      subtitle={t('vetGroups.subtitle')}
      create={
        mayAdd && {
          label: t('vetGroups.add'),
          testId: 'new-group',
          form: (modal) => <GroupFormModal {...modal} />,
        }
      }
      card={false}
    >
      <QueryState query={groups}>
        {(items) =>
          items.length === 0 ? (
            <Card size="small">
              <Empty description={t('vetGroups.empty')} />
            </Card>
          ) : (
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              {items.map((g) => (
                <GroupCard key={g.id} group={g} />
              ))}
            </Space>
          )
        }
      </QueryState>
    </RecordListPage>
  );
}

function GroupCard({ group }: { group: Group }) {
  const t = useT();
  const lang = useLang();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  return (
    <Card
      size="small"
      title={group.name}
      data-testid="vet-group"
      extra={
        group.abilities.edit && (
          <Space wrap>
            <Button size="small" onClick={() => setEditing(true)}>
              {t('vetGroups.edit')}
            </Button>
            <Button size="small" type="primary" onClick={() => setAdding(true)} data-testid="add-programme">
              {t('vetGroups.addProgramme')}
            </Button>
          </Space>
        )
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('vetGroups.lead')}>{group.lead.name}</Descriptions.Item>
        <Descriptions.Item label={t('vetGroups.foundedOn')}>{group.foundedOn ?? '—'}</Descriptions.Item>
      </Descriptions>
      <h4>{t('vetGroups.members')}</h4>
      <ResponsiveTable
        size="small"
        rowKey={(m) => m.unit.id}
        pagination={false}
        dataSource={group.members}
        columns={[
          { title: t('vetGroups.unit'), key: 'unit', render: (_, m) => m.unit.name },
          {
            title: t('vetGroups.memberKind'),
            key: 'kind',
            width: 160,
            render: (_, m) => pick(VET_GROUP_MEMBER_KIND_LABELS[m.kind], lang),
          },
          {
            title: t('vetGroups.role'),
            key: 'role',
            width: 130,
            render: (_, m) => pick(VET_GROUP_ROLE_LABELS[m.role], lang),
          },
          { title: t('vetGroups.joinedOn'), dataIndex: 'joinedOn', width: 120 },
        ]}
      />
      <h4>{t('vetGroups.programmes')}</h4>
      <ResponsiveTable
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={group.programmes}
        // A programme's card on a phone is headed by its name (the year alone said little).
        cardTitle={(p) => p.name}
        locale={{ emptyText: <Empty description={t('vetGroups.noProgrammes')} /> }}
        columns={[
          { title: t('trainingBases.year'), dataIndex: 'year', width: 70 },
          {
            title: t('vetGroups.programmeKind'),
            key: 'kind',
            width: 150,
            render: (_, p) => pick(VET_PROGRAMME_KIND_LABELS[p.kind], lang),
          },
          { title: t('vetGroups.programmeName'), dataIndex: 'name', responsive: ['md'] },
          {
            title: t('vetGroups.programmeUnits'),
            key: 'units',
            render: (_, p) => p.units.map((u) => u.name).join('、'),
          },
          {
            title: t('vetGroups.enrollmentProgram'),
            key: 'enrollmentProgram',
            render: (_, p) => <EnrollmentLink group={group} programme={p} />,
          },
          {
            title: t('vetGroups.places'),
            key: 'places',
            width: 110,
            align: 'right',
            render: (_, p) => <ProgrammeNumber programme={p} value={p.places} />,
          },
          {
            title: t('vetGroups.enrolled'),
            key: 'enrolled',
            width: 110,
            align: 'right',
            render: (_, p) => <ProgrammeNumber programme={p} value={p.enrolled} />,
          },
        ]}
      />
      <GroupFormModal open={editing} onClose={() => setEditing(false)} group={group} />
      {adding && <ProgrammeModal group={group} open={adding} onClose={() => setAdding(false)} />}
    </Card>
  );
}
