import { QueryClientProvider, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useRef, type ReactNode } from 'react';
import { useMe } from '@/features/auth';
import { watchAntdA11y } from '@/lib/antd-a11y';
import { DictionariesProvider } from '@/lib/i18n';
import { useLang } from '@/lib/lang';
import { SessionContext } from '@/lib/session';
import { dictionaries } from './i18n';
import { theme } from './theme';

/** Keeps antd, dayjs and `<html lang>` in step with the chosen language, and refetches server text. */
function LanguageSync() {
  const lang = useLang();
  const queryClient = useQueryClient();
  const first = useRef(true);
  useEffect(() => {
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    if (first.current) {
      first.current = false;
      return;
    }
    // Alert messages and error texts come from the server in the request's language.
    void queryClient.invalidateQueries();
  }, [lang, queryClient]);
  return null;
}

/** Mends antd's tab bars and sideways-scrolling tables for keyboards and screen readers (lib/antd-a11y). */
function AntdA11y() {
  useEffect(() => watchAntdA11y(document), []);
  return null;
}

/** Reads the signed-in user once for the whole app, so features can use `useSession()`. */
function SessionProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  return <SessionContext.Provider value={me.data ?? null}>{children}</SessionContext.Provider>;
}

/** Everything the pages rely on: query cache, antd theme and locale, messages, dictionaries, session. */
export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  const lang = useLang();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
        <AntApp>
          <DictionariesProvider dictionaries={dictionaries}>
            <LanguageSync />
            <AntdA11y />
            <SessionProvider>{children}</SessionProvider>
          </DictionariesProvider>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
