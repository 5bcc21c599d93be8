import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import type { MessageKey } from '@/lib/i18n';
import { useT } from '@/lib/i18n';

const TABS: { path: string; label: MessageKey; testId: string }[] = [
  { path: '/teachers', label: 'teachers.tab.register', testId: 'register' },
  { path: '/teachers/dq', label: 'teachers.tab.dq', testId: 'dq' },
  { path: '/teachers/ratio', label: 'teachers.tab.ratio', testId: 'ratio' },
  { path: '/teachers/hires', label: 'teachers.tab.hires', testId: 'hires' },
];

/** The pages of 教师队伍 as tabs under the one menu entry: 名册, 双师型认定, 双师型比例, 新进教师合规. */
export function TeachersTabs() {
  const t = useT();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const active = TABS.slice(1).find((tab) => pathname.startsWith(tab.path))?.path ?? '/teachers';
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => navigate(key)}
      style={{ marginTop: -8, marginBottom: 8 }}
      items={TABS.map((tab) => ({
        key: tab.path,
        label: <span data-testid={`teachers-tab-${tab.testId}`}>{t(tab.label)}</span>,
      }))}
    />
  );
}
