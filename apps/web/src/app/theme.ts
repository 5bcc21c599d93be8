import type { ThemeConfig } from 'antd';

import { BRAND_RED } from '@/lib/brand';

/** Sober government-portal look: a deep blue for actions, the red of the brand bar kept for accents. */
export { BRAND_RED };

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f4e9c',
    colorLink: '#1f4e9c',
    borderRadius: 4,
    // Secondary and description text at 4.5:1 on white and on the grey page (WCAG AA); antd's
    // default (45 % black) reaches about 4:1.
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    // Danger text (逾期, 红色预警) at 4.5:1: antd's #ff4d4f reaches about 3.3:1 on white.
    colorError: '#c8102e',
    // Warning text (即将到期) likewise: antd's #faad14 is about 2:1 on white.
    colorWarning: '#ad6800',
    // …but that is 4.4:1 as text (Typography type="warning": 今日到期, 逾期办结): the text a shade darker.
    colorWarningText: '#8f5600',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', bodyBg: '#f3f4f6' },
    Menu: { itemSelectedBg: '#e8eef8', itemSelectedColor: '#1f4e9c' },
  },
};
