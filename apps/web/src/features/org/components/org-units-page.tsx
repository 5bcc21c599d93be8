import { PlusOutlined } from '@ant-design/icons';
import { ORG_UNIT_TYPE_LABELS, type OrgUnitType } from '@zhijiao/contracts';
import { Button, Card, Col, Descriptions, Empty, Row, Space, Tag, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { can } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useOrgUnits } from '../api/get-org-units';
import { groupLabel } from '../lib/group-labels';
import { buildOrgTree, type OrgNode } from '../lib/org-tree';
import type { OrgUnit } from '../types';
import { CreateOrgUnitModal } from './create-org-unit-modal';

const TYPE_COLORS: Record<OrgUnitType, string> = {
  district: 'red',
  bureau: 'blue',
  school: 'green',
  enterprise: 'orange',
  college: 'purple',
  other: 'default',
};

/** `/admin/org-units`: the org tree with type and group tags; the system admin adds child units. */
export function OrgUnitsPage() {
  const t = useT();
  const lang = useLang();
  const me = useSession();
  const units = useOrgUnits();
  const [selected, setSelected] = useState<OrgUnit | null>(null);
  const [creating, setCreating] = useState(false);
  const manage = can(me, 'org.manage');

  const treeData = useMemo(() => {
    const toNode = (node: OrgNode): TreeDataNode => ({
      key: node.unit.id,
      title: (
        <Space size={4} data-testid={`org-node-${node.unit.code}`}>
          <span>{node.unit.name}</span>
          <Tag color={TYPE_COLORS[node.unit.type]} style={{ marginInlineEnd: 0 }}>
            {pick(ORG_UNIT_TYPE_LABELS[node.unit.type], lang)}
          </Tag>
          {node.unit.groups.map((g) => (
            <Tag key={g} variant="filled" style={{ marginInlineEnd: 0 }}>
              {groupLabel(g, lang)}
            </Tag>
          ))}
        </Space>
      ),
      children: node.children.map(toNode),
    });
    return buildOrgTree(units.data ?? []).map(toNode);
  }, [units.data, lang]);

  return (
    <div data-testid="org-units-page">
      <PageHeader
        title={t('admin.orgUnits')}
        extra={
          manage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="org-create"
            >
              {selected ? t('admin.createChild') : t('admin.createRoot')}
            </Button>
          )
        }
      />
      <QueryState query={units}>
        {(items) => (
          <Row gutter={16}>
            <Col xs={24} lg={14}>
              <Card size="small">
                <Tree
                  showLine
                  defaultExpandAll
                  treeData={treeData}
                  selectedKeys={selected ? [selected.id] : []}
                  onSelect={(keys) => setSelected(items.find((u) => u.id === keys[0]) ?? null)}
                />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card size="small" title={selected?.name}>
                {selected ? (
                  <Descriptions
                    column={1}
                    size="small"
                    items={[
                      { key: 'code', label: t('admin.unitCode'), children: selected.code },
                      { key: 'fullName', label: t('admin.unitFullName'), children: selected.fullName ?? '' },
                      { key: 'nameEn', label: t('admin.unitNameEn'), children: selected.nameEn ?? '' },
                      {
                        key: 'type',
                        label: t('admin.unitType'),
                        children: pick(ORG_UNIT_TYPE_LABELS[selected.type], lang),
                      },
                      {
                        key: 'groups',
                        label: t('admin.unitGroups'),
                        children: selected.groups.map((g) => groupLabel(g, lang)).join('、') || '—',
                      },
                      {
                        key: 'parent',
                        label: t('admin.parentUnit'),
                        children: items.find((u) => u.id === selected.parentId)?.name ?? '—',
                      },
                    ]}
                  />
                ) : (
                  <Empty description={t('admin.selectUnit')} />
                )}
              </Card>
            </Col>
          </Row>
        )}
      </QueryState>
      {creating && (
        <CreateOrgUnitModal
          open
          parent={selected}
          units={units.data ?? []}
          onClose={() => setCreating(false)}
        />
      )}
    </div>
  );
}
