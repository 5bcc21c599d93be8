import { TranslationOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useT } from '@/lib/i18n';
import { setLang, useLang } from '@/lib/lang';

/** Header toggle between 中文 and English; the choice is remembered in localStorage. */
export function LangSwitch({ ghost = false }: { ghost?: boolean }) {
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
    >
      {t('lang.switchTo')}
    </Button>
  );
}
