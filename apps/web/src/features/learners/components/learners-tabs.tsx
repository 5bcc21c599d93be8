import { Badge } from 'antd';
import { RouteTabs } from '@/components/route-tabs';
import { useT } from '@/lib/i18n';
import { useConversionQueue } from '../api/conversions';

/** 学籍 | 毕业去向 | 学分银行 | 待审转换 (with the count pending) | 1+X统计 | 转换规则 | 学习成果名录: the pages of the 学籍管理 menu entry. */
export function LearnersTabs() {
  const t = useT();
  const pending = useConversionQueue({ limit: 1, offset: 0 }).data?.total ?? 0;
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
        {
          path: '/learners/conversions',
          label: (
            <span data-testid="learners-tab-conversions-count" data-count={pending}>
              <Badge count={pending} size="small" offset={[8, -2]}>
                {t('creditbank.queue.tab')}
              </Badge>
            </span>
          ),
          testId: 'learners-tab-conversions',
        },
        { path: '/learners/one-plus-x', label: t('onex.tab'), testId: 'learners-tab-one-plus-x' },
        {
          path: '/learners/conversion-rules',
          label: t('creditbank.rules.tab'),
          testId: 'learners-tab-conversion-rules',
        },
        {
          path: '/learners/catalogue',
          label: t('creditbank.catalogue.tab'),
          testId: 'learners-tab-catalogue',
        },
      ]}
    />
  );
}
