import { RouteTabs } from '@/components/route-tabs';
import { useT } from '@/lib/i18n';
import { can } from '@/lib/permissions';
import { useSession } from '@/lib/session';

/** 企业名录 and 实习岗位 2% 落实 as tabs under the enterprises menu, each for those who may read it. */
export function EnterprisesTabs() {
  const t = useT();
  const me = useSession();
  const tabs = [
    ...(me && can(me, 'enterprise.read')
      ? [{ path: '/enterprises', label: t('duty.tab.register'), testId: 'enterprises-tab-register' }]
      : []),
    ...(me && can(me, 'internship.read')
      ? [{ path: '/enterprises/internship-duty', label: t('duty.tab.duty'), testId: 'enterprises-tab-duty' }]
      : []),
  ];
  return tabs.length > 1 ? <RouteTabs tabs={tabs} /> : null;
}
