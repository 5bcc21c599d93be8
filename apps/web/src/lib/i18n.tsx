import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { useLang, type Lang } from './lang';

/**
 * The app registers its dictionary type here (`declare module '@/lib/i18n'`), so features get
 * checked message keys without importing from `app/` (imports go app → features → lib only).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Register {}

type Dictionary = Register extends { dictionary: infer D } ? D : Record<string, string>;
/** A key of the message dictionary, e.g. `'nav.alerts'`. */
export type MessageKey = keyof Dictionary & string;
export type Dictionaries = Record<Lang, Record<MessageKey, string>>;
/** Values substituted into `{name}` placeholders. */
export type MessageVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

const DictionariesContext = createContext<Dictionaries | null>(null);

/** Makes the dictionaries available to `useT()`; rendered once by the app's providers. */
export function DictionariesProvider({
  dictionaries,
  children,
}: {
  dictionaries: Dictionaries;
  children: ReactNode;
}) {
  return <DictionariesContext.Provider value={dictionaries}>{children}</DictionariesContext.Provider>;
}

/**
 * Fills `{name}` placeholders.
 *
 * @example interpolate('逾期 {days} 天', { days: 3 }) // '逾期 3 天'
 */
export function interpolate(template: string, vars?: MessageVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Returns `t(key, vars)` for the chosen language; a missing key shows itself so it gets noticed. */
export function useT(): Translate {
  const dictionaries = useContext(DictionariesContext);
  const lang = useLang();
  return useCallback(
    (key: MessageKey, vars?: MessageVars) => interpolate(dictionaries?.[lang][key] ?? key, vars),
    [dictionaries, lang],
  );
}
