import { describe, expect, it } from 'vitest';
import { ALERT_KIND_LABELS, ALERT_KINDS_BY_SOURCE } from '@zhijiao/contracts';
import { en } from './en';
import { zh } from './zh';

describe('UI dictionaries', () => {
  it('have exactly the same keys in Chinese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('have no empty messages', () => {
    for (const dict of [zh, en]) {
      for (const [key, text] of Object.entries(dict)) expect(text.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });
});

describe('alert kinds', () => {
  it('are all named, whichever module raises them', () => {
    for (const kinds of Object.values(ALERT_KINDS_BY_SOURCE))
      for (const kind of kinds) expect(Object.keys(zh), kind).toContain(`alerts.kind.${kind}`);
  });

  it('are named as the server names them in exports', () => {
    for (const [kind, label] of Object.entries(ALERT_KIND_LABELS)) {
      expect(zh[`alerts.kind.${kind}` as keyof typeof zh], kind).toBe(label.zh);
      expect(en[`alerts.kind.${kind}` as keyof typeof en], kind).toBe(label.en);
    }
  });
});
