import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '@/lib/i18n';

/** 实习岗位 and 实习安排 as tabs under one menu entry. */
export function InternshipsTabs() {
  const t = useT();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const active = pathname.startsWith('/internships/placements')
    ? '/internships/placements'
    : '/internships/posts';
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => navigate(key)}
      style={{ marginTop: -8, marginBottom: 8 }}
      items={[
        {
          key: '/internships/posts',
          label: <span data-testid="internships-tab-posts">{t('internships.tab.posts')}</span>,
        },
        {
          key: '/internships/placements',
          label: <span data-testid="internships-tab-placements">{t('internships.tab.placements')}</span>,
        },
      ]}
    />
  );
}
