import { RouteTabs } from '@/components/route-tabs';
import { useT } from '@/lib/i18n';

/** 学籍 | 毕业去向 | 学分银行 | 1+X统计 | 转换规则 | 学习成果名录: the pages of the 学籍管理 menu entry. */
export function LearnersTabs() {
  const t = useT();
  return (
    <RouteTabs
      tabs={[
        { path: '/learners', label: t('destinations.tab.register'), testId: 'learners-tab-register' },
        {
          path: '/learners/destinations',
          label: t('destinations.tab.destinations'),
          testId: 'learners-tab-destinations',
        },
        { path: '/learners/outcomes', label: t('creditbank.tab'), testId: 'learners-tab-outcomes' },
        { path: '/learners/one-plus-x', label: t('onex.tab'), testId: 'learners-tab-one-plus-x' },
        {
          path: '/learners/catalogue',
          label: t('creditbank.catalogue.tab'),
          testId: 'learners-tab-catalogue',
        },
      ]}
    />
  );
}
