import { TranslationOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useT } from '@/lib/i18n';
import { setLang, useLang } from '@/lib/lang';

/**
 * Header toggle between 中文 and English; the choice is remembered in localStorage. `compact`
 * shows the icon alone (a phone's header), the label staying as its accessible name; the button is
 * marked with the language of its label.
 */
export function LangSwitch({ ghost = false, compact = false }: { ghost?: boolean; compact?: boolean }) {
  const lang = useLang();
  const t = useT();
  return (
    <Button
      data-testid="lang-switch"
      type={ghost ? 'text' : 'default'}
      size="small"
      icon={<TranslationOutlined />}
      style={ghost ? { color: 'inherit' } : undefined}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
      aria-label={t('lang.switchTo')}
      // Named in the language it switches to (English / 中文), and marked as such.
      lang={lang === 'zh' ? 'en' : 'zh-CN'}
    >
      {compact ? null : t('lang.switchTo')}
    </Button>
  );
}
