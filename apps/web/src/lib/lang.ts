import { useSyncExternalStore } from 'react';

/** The two UI languages: Simplified Chinese first, English as a switch. */
export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'zhijiao.lang';
const listeners = new Set<() => void>();

function readStored(): Lang {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

let current: Lang = readStored();

/** The chosen language, outside React (the API client sends it as `Accept-Language`). */
export function getLang(): Lang {
  return current;
}

/** Switches the language, remembers it in localStorage and tells every subscriber. */
export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The chosen language as React state; re-renders when it changes. */
export function useLang(): Lang {
  return useSyncExternalStore(subscribe, getLang, getLang);
}

/** Picks the text of a `{ zh, en }` label (the shape contracts uses for every enum label). */
export function pick(label: { zh: string; en: string } | undefined, lang: Lang): string {
  if (!label) return '';
  return label[lang];
}

/** Picks the Chinese or English name of a record, falling back to Chinese when English is missing. */
export function localName(zh: string, en: string | null | undefined, lang: Lang): string {
  return lang === 'en' && en ? en : zh;
}
