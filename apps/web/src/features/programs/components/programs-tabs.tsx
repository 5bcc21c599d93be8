import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import type { MessageKey } from '@/lib/i18n';
import { useT } from '@/lib/i18n';

const TABS: { path: string; label: MessageKey; testId: string }[] = [
  { path: '/programs', label: 'programs.tab.majors', testId: 'majors' },
  { path: '/programs/courses', label: 'programs.tab.courses', testId: 'courses' },
  { path: '/programs/projects', label: 'programs.tab.projects', testId: 'projects' },
  { path: '/programs/resources', label: 'programs.tab.resources', testId: 'resources' },
];

/** The pages of 专业与课程 as tabs under one menu entry: 专业建设, 课程与教材, 项目管理, 教学资源库. */
export function ProgramsTabs() {
  const t = useT();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const active = TABS.slice(1).find((tab) => pathname.startsWith(tab.path))?.path ?? '/programs';
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => navigate(key)}
      style={{ marginTop: -8, marginBottom: 8 }}
      items={TABS.map((tab) => ({
        key: tab.path,
        label: <span data-testid={`programs-tab-${tab.testId}`}>{t(tab.label)}</span>,
      }))}
    />
  );
}
