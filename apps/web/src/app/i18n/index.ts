import type { Dictionaries } from '@/lib/i18n';
import { en } from './en';
import { zh } from './zh';

declare module '@/lib/i18n' {
  interface Register {
    dictionary: typeof zh;
  }
}

/** The UI dictionaries: Chinese first, English with exactly the same keys (i18n.test.ts checks). */
export const dictionaries: Dictionaries = { zh, en };
