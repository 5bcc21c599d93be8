import { RouteTabs } from '@/components/route-tabs';
import { useT } from '@/lib/i18n';

/** 认定申报 and 激励台账 as tabs under one menu entry. */
export function CertificationTabs() {
  const t = useT();
  return (
    <RouteTabs
      tabs={[
        { path: '/certification/applications', label: t('certification.tab.applications') },
        { path: '/certification/incentives', label: t('certification.tab.incentives') },
      ]}
    />
  );
}
