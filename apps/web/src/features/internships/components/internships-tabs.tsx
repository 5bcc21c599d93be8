import { RouteTabs } from '@/components/route-tabs';
import { useT } from '@/lib/i18n';

/** 实习岗位 and 实习安排 as tabs under one menu entry. */
export function InternshipsTabs() {
  const t = useT();
  return (
    <RouteTabs
      tabs={[
        { path: '/internships/posts', label: t('internships.tab.posts'), testId: 'internships-tab-posts' },
        {
          path: '/internships/placements',
          label: t('internships.tab.placements'),
          testId: 'internships-tab-placements',
        },
      ]}
    />
  );
}
