import { describe, expect, it } from 'vitest';
import {
  extractTerms,
  filterTerms,
  normaliseText,
  parseQuery,
  resourceSearchFields,
} from './search-terms.ts';

describe('bigram extraction', () => {
  it('indexes runs of Han characters by their bigrams', () => {
    expect(extractTerms('焊接工艺')).toEqual(['工艺', '接工', '焊接'].sort());
    expect(extractTerms('焊接，工艺')).toEqual(['工艺', '焊接'].sort());
  });

  it('indexes Latin and digit runs as lower-case words, apart from the Han around them', () => {
    expect(extractTerms('可编程控制器PLC应用')).toEqual(
      ['plc', '可编', '编程', '程控', '控制', '制器', '应用'].sort(),
    );
    expect(extractTerms('Python程序设计 2021版')).toEqual(['2021', 'python', '程序', '序设', '设计'].sort());
  });

  it('folds full-width forms and case (NFKC), drops single letters and lone characters', () => {
    expect(normaliseText('ＰＬＣ　Ｃ语言')).toBe('plc c语言');
    expect(extractTerms('ＰＬＣ')).toEqual(['plc']);
    expect(extractTerms('C 焊 x')).toEqual([]);
  });

  it('gives each term once, sorted', () => {
    expect(extractTerms('焊接焊接 焊接')).toEqual(['接焊', '焊接'].sort());
  });
});

describe('queries', () => {
  it('splits a query into parts that must all occur, with their index terms', () => {
    expect(parseQuery('焊接 微课')).toEqual({ parts: ['焊接', '微课'], terms: ['微课', '焊接'].sort() });
    expect(parseQuery('  CO2气体保护焊  ')).toEqual({
      parts: ['co2', '气体保护焊'],
      terms: ['co2', '保护', '体保', '护焊', '气体'].sort(),
    });
  });

  it('keeps a lone character as a part to check, if another part can use the index', () => {
    expect(parseQuery('c 语言')).toEqual({ parts: ['c', '语言'], terms: ['语言'] });
  });

  it('has nothing to look up for a single character or only punctuation', () => {
    expect(parseQuery('焊')).toBeNull();
    expect(parseQuery('x')).toBeNull();
    expect(parseQuery('，。！ ')).toBeNull();
  });
});

describe('search columns of a resource', () => {
  it('covers title, description and the labels; the title alone for title matches', () => {
    const f = resourceSearchFields({
      title: '平焊操作要点',
      description: '二氧化碳气体保护焊',
      labels: ['微课', '焊接技术应用', '焊接工艺'],
    });
    expect(f.searchTitle).toBe('平焊操作要点');
    expect(f.titleTerms).toEqual(extractTerms('平焊操作要点'));
    expect(f.searchTerms).toEqual(expect.arrayContaining(['焊接', '微课', '保护', '平焊']));
    expect(f.searchText).toContain('焊接技术应用');
  });
});

describe('filter terms', () => {
  it('index type, major and course beside the words, never matching typed text', () => {
    expect(filterTerms({ resourceType: 'video', majorId: 'm1', courseId: null })).toEqual([
      'type:video',
      'major:m1',
    ]);
    const f = resourceSearchFields({
      title: 'type video',
      description: '',
      labels: [],
      filters: { resourceType: 'video' },
    });
    expect(f.searchTerms).toEqual(['type', 'type:video', 'video']);
    expect(parseQuery('type:video')).toEqual({ parts: ['type', 'video'], terms: ['type', 'video'] });
  });
});
