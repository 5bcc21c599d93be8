import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { useT } from '@/lib/i18n';
import { canAny } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { SETTINGS_TABS, type SettingsTabKey } from '../lib/tabs';
import { CatalogueTab } from './catalogue-tab';
import { DqCriteriaTab } from './dq-criteria-tab';
import { PeriodsTab } from './periods-tab';
import { UploadRulesTab } from './upload-rules-tab';

const CONTENT: Record<SettingsTabKey, () => React.JSX.Element> = {
  dq: DqCriteriaTab,
  periods: PeriodsTab,
  catalogue: CatalogueTab,
  uploads: UploadRulesTab,
};

/**
 * `/settings` (区级设置): the tabs the user's permissions open, the chosen one in `?tab=`. Each
 * tab reads its own API; only the 双师型 criteria are edited here, the rest are shown as in force.
 */
export function SettingsPage() {
  const t = useT();
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const tabs = SETTINGS_TABS.filter((tab) => canAny(me, tab.permissions));
  const active = tabs.find((tab) => tab.key === params.get('tab'))?.key ?? tabs[0]?.key;
  return (
    <div data-testid="settings-page">
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <Tabs
        activeKey={active}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={tabs.map((tab) => {
          const Content = CONTENT[tab.key];
          return {
            key: tab.key,
            label: <span data-testid={`settings-tab-${tab.key}`}>{t(tab.label)}</span>,
            children: <Content />,
          };
        })}
      />
    </div>
  );
}
