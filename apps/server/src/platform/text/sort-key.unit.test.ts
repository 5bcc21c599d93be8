import { describe, expect, it } from 'vitest';
import { GIVEN, SURNAMES } from '../../modules/teachers/teachers.demo-data.ts';
import { sortKey } from './sort-key.ts';

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byKey = (names: string[]) => [...names].sort((a, b) => byteOrder(sortKey(a), sortKey(b)));
const primary = new Intl.Collator('zh', { sensitivity: 'base' });

describe('sortKey: pinyin order as bytes', () => {
  it('orders Chinese names by pinyin, as zh-x-icu on PostgreSQL does', () => {
    const names = [
      '张三',
      '李四',
      '王五',
      '赵六',
      '阿明',
      '白雪',
      '陈刚',
      '刘洋',
      '孙丽',
      '周杰',
      '吴敏',
      '郑强',
    ];
    expect(byKey(names)).toEqual([
      '阿明',
      '白雪',
      '陈刚',
      '李四',
      '刘洋',
      '孙丽',
      '王五',
      '吴敏',
      '张三',
      '赵六',
      '郑强',
      '周杰',
    ]);
  });

  it('agrees with the collator on every demo name, a name before its extensions', () => {
    const names = [...SURNAMES].flatMap((s) => [s, ...GIVEN.map((g) => `${s}${g}`)]);
    const sorted = byKey(names);
    for (let i = 1; i < sorted.length; i++)
      expect(
        primary.compare(sorted[i - 1]!, sorted[i]!),
        `${sorted[i - 1]} ≤ ${sorted[i]}`,
      ).toBeLessThanOrEqual(0);
    expect(sortKey('张') < sortKey('张三')).toBe(true);
  });

  it('ties only where the collator ties at its primary level: case and width', () => {
    expect(sortKey('anna')).toBe(sortKey('Anna'));
    expect(sortKey('ＡＢ')).toBe(sortKey('ab'));
    expect(sortKey('张')).not.toBe(sortKey('章'));
    expect(sortKey('阿卜杜·热合曼') < sortKey('阿卜杜热')).toBe(
      primary.compare('阿卜杜·热合曼', '阿卜杜热') < 0,
    );
  });

  it('puts characters outside the ranked blocks after every ranked one, and keeps keys ASCII', () => {
    expect(sortKey('𠮷') > sortKey('左')).toBe(true);
    expect(sortKey('𠮷')).toBe('f020bb7');
    expect(sortKey('张三 Zoe·1')).toMatch(/^[0-9a-f]+$/);
    expect(sortKey('')).toBe('');
  });
});
