import { INDUSTRY_SECTIONS } from '@zhijiao/contracts';
import { describe, expect, it } from 'vitest';
import { SCALE_THRESHOLDS } from './scale.config.ts';
import {
  judgeByThresholds,
  resolveAboveScale,
  thresholdVersionFor,
  type ScaleThresholdVersion,
} from './scale.rules.ts';

const versions: ScaleThresholdVersion[] = [
  {
    version: 'old',
    fromYear: 2005,
    basis: '',
    thresholds: [
      {
        sections: ['C'],
        minRevenueWan: 500,
        label: { zh: '工业', en: 'industry' },
        basis: '',
        verified: true,
      },
    ],
  },
  {
    version: 'new',
    fromYear: 2011,
    basis: '',
    thresholds: [
      {
        sections: ['C'],
        minRevenueWan: 2000,
        label: { zh: '工业', en: 'industry' },
        basis: '',
        verified: true,
      },
      {
        sections: ['F'],
        divisions: ['52'],
        minRevenueWan: 500,
        label: { zh: '零售', en: 'retail' },
        basis: '',
        verified: true,
      },
      { sections: ['F'], minRevenueWan: 2000, label: { zh: '批零', en: 'trade' }, basis: '', verified: true },
      {
        sections: ['E'],
        minRevenueWan: null,
        label: { zh: '建筑', en: 'building' },
        basis: '',
        verified: true,
      },
    ],
  },
];

describe('规模以上 by versioned thresholds', () => {
  it('takes the version in force in the year, none before the first', () => {
    expect(thresholdVersionFor(versions, 2010)?.version).toBe('old');
    expect(thresholdVersionFor(versions, 2011)?.version).toBe('new');
    expect(thresholdVersionFor(versions, 2030)?.version).toBe('new');
    expect(thresholdVersionFor(versions, 2004)).toBeNull();
  });

  it('judges the same revenue by the version of its year', () => {
    const e = { section: 'C', division: '27', revenueWan: 1200 };
    expect(judgeByThresholds(e, versions, 2010)).toMatchObject({ aboveScale: true, version: 'old' });
    expect(judgeByThresholds(e, versions, 2021)).toMatchObject({ aboveScale: false, version: 'new' });
  });

  it('counts the threshold itself as reached', () => {
    expect(
      judgeByThresholds({ section: 'C', division: '13', revenueWan: 2000 }, versions, 2021).aboveScale,
    ).toBe(true);
    expect(
      judgeByThresholds({ section: 'C', division: '13', revenueWan: 1999.99 }, versions, 2021).aboveScale,
    ).toBe(false);
  });

  it('prefers a threshold naming the 大类 over one naming only the 门类', () => {
    expect(
      judgeByThresholds({ section: 'F', division: '52', revenueWan: 600 }, versions, 2021),
    ).toMatchObject({
      aboveScale: true,
      threshold: { minRevenueWan: 500 },
    });
    expect(
      judgeByThresholds({ section: 'F', division: '51', revenueWan: 600 }, versions, 2021),
    ).toMatchObject({
      aboveScale: false,
      threshold: { minRevenueWan: 2000 },
    });
  });

  it('says why it cannot judge: no revenue, an industry not judged by revenue, no threshold, no version', () => {
    expect(
      judgeByThresholds({ section: 'C', division: '27', revenueWan: null }, versions, 2021),
    ).toMatchObject({
      aboveScale: null,
      reason: { zh: '2021 年营业收入未登记' },
    });
    expect(
      judgeByThresholds({ section: 'E', division: '47', revenueWan: 99999 }, versions, 2021),
    ).toMatchObject({
      aboveScale: null,
      reason: { zh: '该行业不按营业收入认定规上，以统计局名录为准' },
    });
    expect(
      judgeByThresholds({ section: 'J', division: '66', revenueWan: 99999 }, versions, 2021).aboveScale,
    ).toBe(null);
    expect(
      judgeByThresholds({ section: 'C', division: '27', revenueWan: 99999 }, versions, 2000),
    ).toMatchObject({
      aboveScale: null,
      version: null,
    });
  });

  it('takes the statistics list over the thresholds, both ways', () => {
    const big = { section: 'C', division: '27', revenueWan: 50000 };
    expect(resolveAboveScale({ ...big, listed: false }, versions, 2021)).toEqual({
      aboveScale: false,
      source: 'statistics_list',
      thresholdVersion: null,
    });
    expect(resolveAboveScale({ ...big, revenueWan: 1, listed: true }, versions, 2021)).toEqual({
      aboveScale: true,
      source: 'statistics_list',
      thresholdVersion: null,
    });
    expect(resolveAboveScale({ ...big, listed: null }, versions, 2021)).toEqual({
      aboveScale: true,
      source: 'thresholds',
      thresholdVersion: 'new',
    });
    expect(resolveAboveScale({ ...big, revenueWan: null, listed: null }, versions, 2021)).toEqual({
      aboveScale: null,
      source: null,
      thresholdVersion: null,
    });
  });

  it('configures industry at 2000 万元 from 2011 (DOMAIN.md), and names only real 门类 and 大类', () => {
    const industry = { section: 'C', division: '36' };
    expect(judgeByThresholds({ ...industry, revenueWan: 2000 }, SCALE_THRESHOLDS, 2021).aboveScale).toBe(
      true,
    );
    expect(judgeByThresholds({ ...industry, revenueWan: 1999 }, SCALE_THRESHOLDS, 2021).aboveScale).toBe(
      false,
    );
    const sections = new Map(INDUSTRY_SECTIONS.map((s) => [s.code, s.divisions.map((d) => d.code)]));
    for (const v of SCALE_THRESHOLDS)
      for (const t of v.thresholds)
        for (const s of t.sections) {
          expect(sections.has(s), s).toBe(true);
          for (const d of t.divisions ?? []) expect(sections.get(s), `${s}${d}`).toContain(d);
        }
  });
});

describe('the 国民经济行业分类 catalogue', () => {
  it('holds 门类 A–T and 大类 01–97 once each, in order', () => {
    expect(INDUSTRY_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    const divisions = INDUSTRY_SECTIONS.flatMap((s) => s.divisions.map((d) => d.code));
    expect(divisions).toEqual(Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')));
  });
});
