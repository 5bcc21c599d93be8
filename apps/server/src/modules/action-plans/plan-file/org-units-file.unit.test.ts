import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createUnitResolver, parseOrgUnitsFile } from './org-units-file.parse.ts';
import type { OrgUnitDefinition, PlanFileIssue } from './plan-file.types.ts';

const unitsText = readFileSync(
  new URL('../../../../../../plans/shangdang/org-units.yaml', import.meta.url),
  'utf8',
);

function shangdangUnits(): OrgUnitDefinition[] {
  const result = parseOrgUnitsFile(unitsText);
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.units;
}

function errorsOf(text: string): PlanFileIssue[] {
  const result = parseOrgUnitsFile(text);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

const lineOf = (text: string, needle: string) =>
  text.split('\n').findIndex((line) => line.includes(needle)) + 1;

const SMALL = `- code: SD
  name: 上党区
  fullName: 长治市上党区
  nameEn: Shangdang District
  type: district
  children:
    - code: SD-EDU
      name: 区教育局
      fullName: 长治市上党区教育局
      nameEn: Education Bureau
      type: bureau
      groups: [public]
      aliases: [上党区教育局]
    - code: SD-FIN
      name: 区财政局
      fullName: 长治市上党区财政局
      nameEn: Finance Bureau
      type: bureau
      aliases: [{ name: 区财政厅, aliasWarning: true }]
`;

/** Every unit name the action plan writes in its 责任单位 lists or in its text as a partner. */
const NAMED_IN_PLAN = [
  ...['区教育局', '区人社局', '区发改科技局', '区财政局', '区财政厅', '区国资发展中心', '区工信局'],
  ...['区自然资源局', '区税务局', '区农业农村局', '区总工会', '区委宣传部', '团区委'],
  ...['区职业高中', '区职教中心', '易通集团', '振东集团', '长治医学院', '山西机电'],
];

describe('the Shangdang org-unit file', () => {
  it('flattens the tree under 上党区 with each unit’s parent', () => {
    const units = shangdangUnits();
    const parentOf = (code: string) => units.find((u) => u.code === code)?.parentCode;
    expect(units[0]).toMatchObject({ code: 'SD', type: 'district', parentCode: null });
    expect(units.filter((u) => u.parentCode === null)).toHaveLength(1);
    expect(parentOf('SD-FIN')).toBe('SD');
    expect(parentOf('SD-VHS')).toBe('SD-EDU');
    expect(parentOf('SD-VEC')).toBe('SD-EDU');
    expect(units.find((u) => u.code === 'SD-ZHENDONG')?.groups).toContain('above-scale');
  });

  it('resolves every unit the plan names', () => {
    const resolve = createUnitResolver(shangdangUnits());
    for (const name of NAMED_IN_PLAN) expect(resolve(name), name).not.toBeNull();
    expect(resolve('区财政厅')?.code).toBe('SD-FIN');
    expect(resolve('山西机电职业技术学院')?.code).toBe('SX-JIDIAN');
  });

  it('marks invented units as demo and only those', () => {
    const demo = shangdangUnits()
      .filter((u) => u.demo)
      .map((u) => u.code);
    expect(demo).toEqual(['SD-HS1', 'SD-JHS1', 'SD-JHS2', 'SD-PVT1']);
  });
});

describe('createUnitResolver', () => {
  const units = (() => {
    const result = parseOrgUnitsFile(SMALL);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.units;
  })();
  const resolve = createUnitResolver(units);

  it('matches the short name, the full name and plain aliases silently', () => {
    expect(resolve('区教育局')).toEqual({ code: 'SD-EDU', name: '区教育局' });
    expect(resolve('长治市上党区教育局')).toEqual({ code: 'SD-EDU', name: '区教育局' });
    expect(resolve('上党区教育局')).toEqual({ code: 'SD-EDU', name: '区教育局' });
    expect(resolve(' 区教育局 ')).toEqual({ code: 'SD-EDU', name: '区教育局' });
  });

  it('resolves a defective alias with a bilingual warning', () => {
    expect(resolve('区财政厅')).toEqual({
      code: 'SD-FIN',
      name: '区财政局',
      warning: {
        zh: '“区财政厅”不是已登记的单位名称，已按别名解析为“区财政局”',
        en: "'区财政厅' is not a registered unit name; resolved by alias to '区财政局'",
      },
    });
  });

  it('returns null for a name it does not know', () => {
    expect(resolve('区财务局')).toBeNull();
    expect(resolve('SD-EDU')).toBeNull();
  });
});

describe('parseOrgUnitsFile on crafted files', () => {
  it('reports a code used twice', () => {
    const text = SMALL.replace('code: SD-FIN', 'code: SD-EDU');
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({
        code: 'PLAN_FILE_DUPLICATE_CODE',
        path: '[0].children[1].code',
        line: lineOf(text, 'name: 区财政局') - 1,
      }),
    ]);
  });

  it('reports a name or alias that two units share', () => {
    const text = SMALL.replace(
      'aliases: [{ name: 区财政厅, aliasWarning: true }]',
      'aliases: [区财政厅, 上党区教育局]',
    );
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({
        code: 'PLAN_FILE_DUPLICATE_NAME',
        path: '[0].children[1].aliases[1]',
        line: lineOf(text, 'aliases: [区财政厅'),
        messageEn:
          "Duplicate unit name or alias '上党区教育局'; first used at [0].children[0].aliases[0] (line 13)",
      }),
    ]);
  });

  it('reports bad types, unknown enum values and unknown fields, all at once', () => {
    const text = SMALL.replace('type: bureau', 'type: ministry')
      .replace('groups: [public]', 'groups: [pubilc]')
      .replace(
        'aliases: [{ name: 区财政厅, aliasWarning: true }]',
        'aliases: [{ name: 区财政厅, aliasWarnig: true }, 42]',
      );
    expect(errorsOf(text).map((e) => [e.code, e.path, e.line])).toEqual([
      ['PLAN_FILE_INVALID_VALUE', '[0].children[0].type', lineOf(text, 'ministry')],
      ['PLAN_FILE_INVALID_VALUE', '[0].children[0].groups[0]', lineOf(text, 'pubilc')],
      ['PLAN_FILE_UNKNOWN_FIELD', '[0].children[1].aliases[0].aliasWarnig', lineOf(text, 'aliasWarnig')],
      ['PLAN_FILE_INVALID_TYPE', '[0].children[1].aliases[1]', lineOf(text, 'aliasWarnig')],
    ]);
  });

  it('reports a missing required field and a root that is not a list', () => {
    const text = SMALL.replace('      nameEn: Finance Bureau\n', '');
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({
        code: 'PLAN_FILE_FIELD_REQUIRED',
        path: '[0].children[1].nameEn',
        line: lineOf(text, 'SD-FIN'),
      }),
    ]);
    expect(errorsOf('code: SD\n')).toEqual([
      expect.objectContaining({ code: 'PLAN_FILE_INVALID_TYPE', path: '', line: 1 }),
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(errorsOf(SMALL.replace('type: district', 'type: "district'))).toEqual([
      expect.objectContaining({ code: 'PLAN_FILE_YAML_SYNTAX', path: '' }),
    ]);
  });
});
