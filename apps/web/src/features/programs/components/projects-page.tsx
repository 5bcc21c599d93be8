import { PlusOutlined } from '@ant-design/icons';
import {
  PROJECT_KIND_LABELS,
  PROJECT_KINDS,
  PROJECT_LEVEL_LABELS,
  PROJECT_LEVELS,
  PROJECT_STATE_LABELS,
  PROJECT_STATES,
  type ProjectKind,
  type ProjectLevel,
  type ProjectState,
} from '@zhijiao/contracts';
import { Button, Card, Empty, Select, Space, Table } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ExportButton } from '@/components/export-button';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { byDate, byNumber, byText } from '@/lib/sorters';
import { pick, useLang } from '@/lib/lang';
import { canKeepSchoolRecords } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useProjects } from '../api/get-projects';
import { LevelTag, ProjectStateTag } from './program-tags';
import { ProgramsTabs } from './programs-tabs';
import { ProjectDrawer } from './project-drawer';
import { ProjectFormModal } from './project-form-modal';

/**
 * `/programs/projects`: 项目管理 — recognised projects filtered by kind, level and state
 * (`?kind=&level=&state=&open=<id>`); a row opens the project with the steps the user may take.
 */
export function ProjectsPage() {
  const t = useT();
  const lang = useLang();
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const filter = {
    kind: (params.get('kind') as ProjectKind | null) ?? undefined,
    level: (params.get('level') as ProjectLevel | null) ?? undefined,
    state: (params.get('state') as ProjectState | null) ?? undefined,
  };
  const projects = useProjects(filter);
  const [adding, setAdding] = useState(false);
  const set = (key: string, value: string | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const select = <T extends string>(
    key: string,
    values: readonly T[],
    labels: Record<T, { zh: string; en: string }>,
    placeholder: string,
  ) => (
    <Select
      allowClear
      style={{ width: 180 }}
      placeholder={placeholder}
      aria-label={placeholder}
      value={params.get(key) ?? undefined}
      onChange={(v: string | undefined) => set(key, v)}
      options={values.map((v) => ({ value: v, label: pick(labels[v], lang) }))}
      data-testid={`filter-${key}`}
    />
  );
  return (
    <div data-testid="projects-page">
      <ProgramsTabs />
      <PageHeader
        title={t('programs.projects.title')}
        subtitle={t('programs.projects.subtitle')}
        extra={
          <>
            <ExportButton path="/api/program-projects/export.xlsx" query={filter} filename="项目管理.xlsx" />
            {canKeepSchoolRecords(me, 'program.manage') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setAdding(true)}
                data-testid="new-project"
              >
                {t('programs.projects.add')}
              </Button>
            )}
          </>
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          {select('kind', PROJECT_KINDS, PROJECT_KIND_LABELS, t('programs.projects.kind'))}
          {select('level', PROJECT_LEVELS, PROJECT_LEVEL_LABELS, t('programs.projects.level'))}
          {select('state', PROJECT_STATES, PROJECT_STATE_LABELS, t('programs.projects.state'))}
        </Space>
        <QueryState query={projects}>
          {(items) => (
            <Table
              size="small"
              rowKey="id"
              dataSource={items}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              locale={{ emptyText: <Empty description={t('programs.projects.empty')} /> }}
              onRow={(p, index) =>
                ({
                  'data-testid': `project-row-${index ?? 0}`,
                  style: { cursor: 'pointer' },
                  onClick: () => set('open', p.id),
                }) as HTMLAttributes<HTMLElement>
              }
              columns={[
                { title: t('programs.projects.name'), dataIndex: 'title', sorter: byText((p) => p.title) },
                {
                  title: t('programs.projects.kind'),
                  key: 'kind',
                  width: 150,
                  render: (_, p) => pick(PROJECT_KIND_LABELS[p.kind], lang),
                },
                {
                  title: t('programs.school'),
                  key: 'school',
                  width: 110,
                  sorter: byText((p) => p.school.name),
                  filters: [...new Map(items.map((p) => [p.school.id, p.school.name]))].map(([id, name]) => ({
                    text: name,
                    value: id,
                  })),
                  onFilter: (value, p) => p.school.id === value,
                  render: (_, p) => p.school.name,
                },
                {
                  title: t('programs.projects.level'),
                  key: 'level',
                  width: 80,
                  render: (_, p) => <LevelTag level={p.level} />,
                },
                {
                  title: t('programs.projects.state'),
                  key: 'state',
                  width: 120,
                  render: (_, p) => <ProjectStateTag state={p.state} />,
                },
                {
                  title: t('programs.projects.score'),
                  dataIndex: 'averageScore',
                  width: 80,
                  sorter: byNumber((p) => p.averageScore),
                  render: (s: number | null) => s ?? '–',
                },
                {
                  title: t('programs.projects.approvedOn'),
                  dataIndex: 'approvedOn',
                  width: 100,
                  sorter: byDate((p) => p.approvedOn),
                  render: (d: string | null) => d ?? '–',
                },
                {
                  title: t('programs.projects.closedOn'),
                  dataIndex: 'closedOn',
                  width: 100,
                  sorter: byDate((p) => p.closedOn),
                  render: (d: string | null) => d ?? '–',
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
      <ProjectFormModal open={adding} onClose={() => setAdding(false)} onCreated={(id) => set('open', id)} />
      <ProjectDrawer id={params.get('open')} onClose={() => set('open', null)} />
    </div>
  );
}
