import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '@/lib/i18n';

/** 认定申报 and 激励台账 as tabs under one menu entry. */
export function CertificationTabs() {
  const t = useT();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const active = pathname.startsWith('/certification/incentives')
    ? '/certification/incentives'
    : '/certification/applications';
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => navigate(key)}
      style={{ marginTop: -8, marginBottom: 8 }}
      items={[
        { key: '/certification/applications', label: t('certification.tab.applications') },
        { key: '/certification/incentives', label: t('certification.tab.incentives') },
      ]}
    />
  );
}
