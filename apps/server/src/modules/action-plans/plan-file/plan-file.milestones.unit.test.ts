import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './plan-file.parse.ts';
import { ONE_TASK_PLAN_HEAD } from './plan-file.test-fixture.ts';
import type { UnitResolver } from './plan-file.types.ts';

const UNITS: Record<string, { code: string; name: string }> = {
  区教育局: { code: 'SD-EDU', name: '区教育局' },
  区人社局: { code: 'SD-HRSS', name: '区人社局' },
  区职业高中: { code: 'SD-VHS', name: '区职业高中' },
};
const resolveUnit: UnitResolver = (name) => UNITS[name] ?? null;

/** A one-task plan whose milestone carries `extra` lines (indented as milestone fields). */
const planWith = (extra: string, unit = '区教育局') => `${ONE_TASK_PLAN_HEAD}        milestones:
          - code: T01-M
            title: 里程碑
            titleEn: Milestone
            due: 2021-06-30
            unit: ${unit}
${extra}`;

const PATH = 'sections[0].tasks[0].milestones[0]';
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('milestone fields completedBy and ownerNote', () => {
  it('reads a milestone without them exactly as before (the fields are absent, not null)', () => {
    const result = parsePlanFile(planWith(''), resolveUnit);
    expect(result.ok && Object.keys(result.plan.sections[0]!.tasks[0]!.milestones[0]!)).toEqual([
      'code',
      'title',
      'titleEn',
      'due',
      'unit',
      'description',
    ]);
  });

  it('reads the metric that completes a milestone, and refuses a malformed name', () => {
    const ok = parsePlanFile(planWith('            completedBy: jointMeetings.meetingsHeld\n'), resolveUnit);
    expect(ok.ok && ok.plan.sections[0]!.tasks[0]!.milestones[0]!.completedBy).toBe(
      'jointMeetings.meetingsHeld',
    );
    const text = planWith('            completedBy: joint_meetings.held\n');
    const bad = parsePlanFile(text, resolveUnit);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors).toMatchObject([
      { code: 'PLAN_FILE_INVALID_VALUE', path: `${PATH}.completedBy`, line: lineOf(text, 'completedBy') },
    ]);
    expect(!bad.ok && bad.errors[0]!.messageEn).toContain('teachers.dualQualifiedShare');
  });

  it("warns (with a code, field and line) when a milestone's unit is not one of its task's units", () => {
    const text = planWith('', '区职业高中');
    const result = parsePlanFile(text, resolveUnit);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      {
        code: 'PLAN_FILE_MILESTONE_UNIT_OUTSIDE_TASK',
        path: `${PATH}.unit`,
        line: lineOf(text, 'unit: 区职业高中'),
        message: expect.stringContaining('“区职业高中”不是该任务的责任单位'),
        messageEn: expect.stringContaining("owned by '区职业高中', which is not one of the task's units"),
      },
    ]);
  });

  it('takes an ownerNote as the reason and does not warn', () => {
    const result = parsePlanFile(
      planWith('            ownerNote: 申报主体为学校本身\n', '区职业高中'),
      resolveUnit,
    );
    expect(result.warnings).toEqual([]);
    expect(result.ok && result.plan.sections[0]!.tasks[0]!.milestones[0]!.ownerNote).toBe(
      '申报主体为学校本身',
    );
  });
});
