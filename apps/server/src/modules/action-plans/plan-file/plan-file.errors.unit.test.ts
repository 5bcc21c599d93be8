import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './plan-file.parse.ts';
import { ONE_TASK_PLAN_HEAD } from './plan-file.test-fixture.ts';
import type { PlanFileIssue, UnitResolver } from './plan-file.types.ts';

const UNITS: Record<string, { code: string; name: string; warning?: { zh: string; en: string } }> = {
  区教育局: { code: 'SD-EDU', name: '区教育局' },
  区人社局: { code: 'SD-HRSS', name: '区人社局' },
  区财政局: { code: 'SD-FIN', name: '区财政局' },
  区财政厅: { code: 'SD-FIN', name: '区财政局', warning: { zh: '别名', en: 'alias' } },
};
const resolveUnit: UnitResolver = (name) => UNITS[name] ?? null;

const BASE = `${ONE_TASK_PLAN_HEAD}        indicators:
          - code: T01-A
            name: 指标甲
            nameEn: Indicator A
            unit: 个
            comparator: gte
            target: 5
            deadline: 2022-12-31
            kind: reported
            public: true
        milestones:
          - code: T01-M
            title: 里程碑
            titleEn: Milestone
            due: 2021-06-30
            unit: 区教育局
`;

/** 1-based line of the first line containing `needle` (the tests assert errors point there). */
const lineOf = (text: string, needle: string) =>
  text.split('\n').findIndex((line) => line.includes(needle)) + 1;

function errorsOf(text: string): PlanFileIssue[] {
  const result = parsePlanFile(text, resolveUnit);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

const only = (errors: PlanFileIssue[]) => {
  expect(errors).toHaveLength(1);
  return errors[0]!;
};

const IND = 'sections[0].tasks[0].indicators[0]';

describe('parsePlanFile on crafted files', () => {
  it('accepts the minimal file and fills the defaults', () => {
    const result = parsePlanFile(BASE, resolveUnit);
    expect(result).toMatchObject({ ok: true, warnings: [] });
    if (!result.ok) return;
    expect(result.plan.stage).toBe('final');
    expect(result.plan.sections[0]?.tasks[0]?.indicators[0]).toMatchObject({
      recurrence: 'once',
      baseline: null,
      metric: null,
      description: null,
      targetLow: null,
    });
    expect(result.plan.sections[0]?.tasks[0]?.milestones[0]?.unit).toEqual({
      name: '区教育局',
      code: 'SD-EDU',
    });
  });

  it('reports a missing required field at the object that lacks it', () => {
    const text = BASE.replace('            nameEn: Indicator A\n', '');
    expect(only(errorsOf(text))).toMatchObject({
      code: 'PLAN_FILE_FIELD_REQUIRED',
      path: `${IND}.nameEn`,
      line: lineOf(text, 'code: T01-A'),
      message: '缺少必填字段“nameEn”',
      messageEn: "Required field 'nameEn' is missing",
    });
  });

  it('reports a value of the wrong type', () => {
    const text = BASE.replace('target: 5', 'target: "5 个"');
    expect(only(errorsOf(text))).toMatchObject({
      code: 'PLAN_FILE_INVALID_TYPE',
      path: `${IND}.target`,
      line: lineOf(text, 'target: "5 个"'),
      messageEn: 'Expected a number, got a string',
    });
    expect(only(errorsOf(BASE.replace('version: 1', 'version: 1.5')))).toMatchObject({
      code: 'PLAN_FILE_INVALID_TYPE',
      path: 'version',
      line: 2,
    });
  });

  it('reports a value outside an enumeration', () => {
    const text = BASE.replace('comparator: gte', 'comparator: gt');
    expect(only(errorsOf(text))).toMatchObject({
      code: 'PLAN_FILE_INVALID_VALUE',
      path: `${IND}.comparator`,
      line: lineOf(text, 'comparator: gt'),
      messageEn: "Invalid value 'gt'; allowed: gte, lte, eq, between",
    });
  });

  it('rejects unknown keys and suggests the intended one', () => {
    const text = BASE.replace('target: 5', 'trget: 5');
    const errors = errorsOf(text);
    expect(errors).toContainEqual(
      expect.objectContaining({
        code: 'PLAN_FILE_UNKNOWN_FIELD',
        path: `${IND}.trget`,
        line: lineOf(text, 'trget'),
        message: '未知字段“trget”，是否应为“target”？',
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'PLAN_FILE_FIELD_REQUIRED', path: `${IND}.target` }),
    );
  });

  it('refuses dates that are not real calendar dates', () => {
    const text = BASE.replace('due: 2021-06-30', 'due: 2021-02-30');
    expect(only(errorsOf(text))).toMatchObject({
      code: 'PLAN_FILE_INVALID_DATE',
      path: 'sections[0].tasks[0].milestones[0].due',
      line: lineOf(text, '2021-02-30'),
    });
  });

  it('refuses dates outside the plan period and a period that ends before it starts', () => {
    const late = BASE.replace('deadline: 2022-12-31', 'deadline: 2023-06-30');
    expect(only(errorsOf(late))).toMatchObject({
      code: 'PLAN_FILE_DATE_OUT_OF_RANGE',
      path: `${IND}.deadline`,
    });
    const reversed = BASE.replace('endDate: 2022-12-31', 'endDate: 2019-12-31');
    expect(only(errorsOf(reversed))).toMatchObject({
      code: 'PLAN_FILE_INVALID_VALUE',
      path: 'endDate',
      line: 8,
    });
  });

  it('requires targetLow ≤ targetHigh for between, and no single target', () => {
    const band = (low: number, high: number) =>
      BASE.replace('comparator: gte', 'comparator: between').replace(
        'target: 5',
        `targetLow: ${low}\n            targetHigh: ${high}`,
      );
    expect(parsePlanFile(band(45, 55), resolveUnit).ok).toBe(true);
    const text = band(55, 45);
    expect(only(errorsOf(text))).toMatchObject({
      code: 'PLAN_FILE_INVALID_VALUE',
      path: `${IND}.targetLow`,
      line: lineOf(text, 'targetLow'),
    });
    const both = BASE.replace('comparator: gte', 'comparator: between');
    expect(errorsOf(both).map((e) => [e.code, e.path])).toEqual([
      ['PLAN_FILE_FIELD_REQUIRED', `${IND}.targetLow`],
      ['PLAN_FILE_FIELD_REQUIRED', `${IND}.targetHigh`],
      ['PLAN_FILE_INVALID_VALUE', `${IND}.target`],
    ]);
  });

  it('requires metric when and only when the indicator is computed', () => {
    const computed = BASE.replace('kind: reported', 'kind: computed');
    expect(only(errorsOf(computed))).toMatchObject({
      code: 'PLAN_FILE_FIELD_REQUIRED',
      path: `${IND}.metric`,
    });
    const withMetric = computed.replace(
      'public: true',
      'public: true\n            metric: teachers.dualQualifiedShare',
    );
    expect(parsePlanFile(withMetric, resolveUnit).ok).toBe(true);
    const reported = BASE.replace(
      'public: true',
      'public: true\n            metric: teachers.dualQualifiedShare',
    );
    expect(only(errorsOf(reported))).toMatchObject({
      code: 'PLAN_FILE_INVALID_VALUE',
      path: `${IND}.metric`,
    });
  });

  it('takes a verdict rule only for a recurring target, and leaves it out when not written', () => {
    const indicatorOf = (text: string) => {
      const r = parsePlanFile(text, resolveUnit);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return r.plan.sections[0]!.tasks[0]!.indicators[0]!;
    };
    const yearly = BASE.replace('public: true', 'public: true\n            recurrence: yearly');
    expect(indicatorOf(yearly)).not.toHaveProperty('verdictRule');
    const lastYear = yearly.replace(
      'recurrence: yearly',
      'recurrence: yearly\n            verdictRule: last-period',
    );
    expect(indicatorOf(lastYear)).toMatchObject({ recurrence: 'yearly', verdictRule: 'last-period' });
    expect(
      indicatorOf(BASE.replace('public: true', 'public: true\n            recurrence: quarterly')).recurrence,
    ).toBe('quarterly');
    const once = BASE.replace('public: true', 'public: true\n            verdictRule: every-period');
    expect(only(errorsOf(once))).toMatchObject({
      code: 'PLAN_FILE_INVALID_VALUE',
      path: `${IND}.verdictRule`,
    });
    const unknown = lastYear.replace('last-period', 'best-period');
    expect(only(errorsOf(unknown))).toMatchObject({ path: `${IND}.verdictRule` });
  });

  it('reports a code used twice, pointing at the first use', () => {
    const text = BASE.replace('code: T01-M', 'code: T01-A');
    const error = only(errorsOf(text));
    expect(error).toMatchObject({
      code: 'PLAN_FILE_DUPLICATE_CODE',
      path: 'sections[0].tasks[0].milestones[0].code',
      line: lineOf(text, 'title: 里程碑') - 1,
    });
    expect(error.messageEn).toContain(`first used at ${IND}.code (line ${lineOf(text, 'code: T01-A')})`);
  });

  it('reports task numbers used twice and labels that do not match the number', () => {
    const secondTask = BASE.slice(
      BASE.indexOf('      - code: T01\n'),
      BASE.indexOf('        indicators:'),
    ).replace('code: T01', 'code: T02');
    const text = BASE.replace(
      '    tasks:\n',
      `    tasks:\n${secondTask}        milestones:\n          - code: T02-M\n            title: 二\n            titleEn: Two\n            due: 2021-01-01\n`,
    );
    const error = only(errorsOf(text));
    expect(error).toMatchObject({ code: 'PLAN_FILE_DUPLICATE_NUMBER', path: 'sections[0].tasks[1].number' });
    expect(error.line).toBe(text.split('\n').indexOf('      - code: T01') + 2);
    expect(only(errorsOf(BASE.replace('label: （一）', 'label: （二）')))).toMatchObject({
      code: 'PLAN_FILE_INVALID_VALUE',
      path: 'sections[0].tasks[0].label',
      message: '序号“（二）”与编号不符，应为“（一）”',
    });
  });

  it('reports unknown and repeated unit names; an alias with a warning resolves', () => {
    const unknown = BASE.replace('units: [区教育局, 区人社局]', 'units: [区教育局, 区人设局]');
    expect(only(errorsOf(unknown))).toMatchObject({
      code: 'PLAN_FILE_UNKNOWN_UNIT',
      path: 'sections[0].tasks[0].units[1]',
      line: lineOf(unknown, '区人设局'),
    });
    const repeated = BASE.replace('units: [区教育局, 区人社局]', 'units: [区财政局, 区教育局, 区财政厅]');
    expect(only(errorsOf(repeated))).toMatchObject({
      code: 'PLAN_FILE_DUPLICATE_UNIT',
      path: 'sections[0].tasks[0].units[2]',
    });
    const aliased = parsePlanFile(BASE.replace('unit: 区教育局', 'unit: 区财政厅'), resolveUnit);
    expect(aliased.ok && aliased.plan.sections[0]?.tasks[0]?.milestones[0]?.unit).toEqual({
      name: '区财政局',
      code: 'SD-FIN',
      via: '区财政厅',
    });
    // 区财政局 is not one of the task's units either: a second warning says so.
    expect(aliased.warnings).toMatchObject([
      { code: 'PLAN_FILE_UNIT_ALIAS', path: 'sections[0].tasks[0].milestones[0].unit', message: '别名' },
      { code: 'PLAN_FILE_MILESTONE_UNIT_OUTSIDE_TASK', path: 'sections[0].tasks[0].milestones[0].unit' },
    ]);
  });

  it('warns about a task with neither indicators nor milestones', () => {
    const text = BASE.slice(0, BASE.indexOf('        indicators:'));
    const result = parsePlanFile(text, resolveUnit);
    expect(result.ok).toBe(true);
    expect(result.warnings).toMatchObject([
      { code: 'PLAN_FILE_TASK_UNMEASURED', path: 'sections[0].tasks[0]', line: 17 },
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const text = BASE.replace('title: 示例计划', 'title: [示例计划');
    const errors = errorsOf(text);
    expect(errors[0]).toMatchObject({ code: 'PLAN_FILE_YAML_SYNTAX', path: '' });
    expect(errors[0]?.line).toBeGreaterThanOrEqual(3);
    expect(only(errorsOf(BASE.replace('version: 1', 'version: 1\nversion: 2')))).toMatchObject({
      code: 'PLAN_FILE_YAML_SYNTAX',
      line: 3,
    });
  });

  it('refuses an empty file or a file that is not a mapping', () => {
    expect(only(errorsOf(''))).toMatchObject({ code: 'PLAN_FILE_INVALID_TYPE', path: '' });
    expect(only(errorsOf('- a\n- b\n'))).toMatchObject({ code: 'PLAN_FILE_INVALID_TYPE', path: '', line: 1 });
  });

  it('collects every error of a file, sorted by line', () => {
    const text = BASE.replace('status: draft', 'status: live')
      .replace('units: [区教育局, 区人社局]', 'units: [区教育局, 区某某局]')
      .replace('public: true', 'public: yes')
      .replace('due: 2021-06-30', 'due: 2021-13-01');
    const errors = errorsOf(text);
    expect(errors.map((e) => [e.code, e.path, e.line])).toEqual([
      ['PLAN_FILE_INVALID_VALUE', 'status', 6],
      ['PLAN_FILE_UNKNOWN_UNIT', 'sections[0].tasks[0].units[1]', lineOf(text, 'units:')],
      ['PLAN_FILE_INVALID_TYPE', `${IND}.public`, lineOf(text, 'public: yes')],
      ['PLAN_FILE_INVALID_DATE', 'sections[0].tasks[0].milestones[0].due', lineOf(text, 'due:')],
    ]);
  });
});
