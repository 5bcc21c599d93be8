import { issue, messages, type Phrase, type PlanFileIssueCode } from './plan-file.issues.ts';
import type { MilestoneDefinition, ResolvedUnitRef, TaskUnit, UnitResolver } from './plan-file.types.ts';
import { fieldPath, INVALID, lineAt, type Invalid, type ReadContext, type Reader } from './yaml-reader.ts';

const CODE: Phrase = { zh: '编码', en: 'code' };

/**
 * Checks that span several objects of one plan file. The state lives in this closure and is
 * filled while the file is read top to bottom, so "first used at" always names the earlier line.
 */
export function createPlanChecks(resolveUnit: UnitResolver) {
  const codes = new Map<string, string>();
  const numbers = new Map<string, string>();
  const period: { start?: string; end?: string } = {};

  /** Records an error at `path` (line taken from `linePath`) and returns INVALID. */
  function fail(
    ctx: ReadContext,
    path: string,
    code: PlanFileIssueCode,
    message: Phrase,
    linePath = path,
  ): Invalid {
    ctx.errors.push(issue(code, lineAt(ctx, linePath), path, message));
    return INVALID;
  }

  function duplicate(
    ctx: ReadContext,
    seen: Map<string, string>,
    key: string,
    path: string,
    code: PlanFileIssueCode,
    kind: Phrase,
    shown: string,
  ) {
    const first = seen.get(key);
    if (first === undefined) seen.set(key, path);
    else fail(ctx, path, code, messages.duplicate(kind, shown, first, lineAt(ctx, first)));
  }

  function resolve(ctx: ReadContext, path: string, raw: string): ResolvedUnitRef | Invalid {
    const written = raw.trim();
    const found = resolveUnit(written);
    if (!found) return fail(ctx, path, 'PLAN_FILE_UNKNOWN_UNIT', messages.unknownUnit(written));
    if (found.warning)
      ctx.warnings.push(issue('PLAN_FILE_UNIT_ALIAS', lineAt(ctx, path), path, found.warning));
    const ref: ResolvedUnitRef = { name: found.name, code: found.code };
    if (written !== found.name) ref.via = written;
    return ref;
  }

  return {
    fail,
    resolve,

    /** Wraps the reader of startDate or endDate so later dates can be checked against the period. */
    capturePeriod(which: 'start' | 'end', read: Reader<string>): Reader<string> {
      return (node, path, ctx) => {
        const value = read(node, path, ctx);
        if (value !== INVALID) period[which] = value;
        return value;
      };
    },

    /** Codes of tasks, indicators and milestones share one namespace per plan. */
    uniqueCode(ctx: ReadContext, objectPath: string, code: string) {
      duplicate(ctx, codes, code, fieldPath(objectPath, 'code'), 'PLAN_FILE_DUPLICATE_CODE', CODE, code);
    },

    uniqueNumber(ctx: ReadContext, objectPath: string, value: number, kind: Phrase) {
      const key = `${kind.en}:${value}`;
      duplicate(
        ctx,
        numbers,
        key,
        fieldPath(objectPath, 'number'),
        'PLAN_FILE_DUPLICATE_NUMBER',
        kind,
        String(value),
      );
    },

    withinPlan(ctx: ReadContext, path: string, date: string) {
      const { start, end } = period;
      if (start === undefined || end === undefined || start > end) return;
      if (date < start || date > end)
        fail(ctx, path, 'PLAN_FILE_DATE_OUT_OF_RANGE', messages.dateOutOfRange(date, start, end));
    },

    label(
      ctx: ReadContext,
      path: string,
      value: { number: number; label: string },
      format: (numeral: string) => string,
    ) {
      const expected = format(chineseNumeral(value.number));
      if (value.label !== expected) {
        fail(
          ctx,
          fieldPath(path, 'label'),
          'PLAN_FILE_INVALID_VALUE',
          messages.labelMismatch(value.label, expected),
        );
      }
    },

    /** Resolves a task's units in order: the first is the lead, the rest co-operate. */
    taskUnits(ctx: ReadContext, taskPath: string, names: string[]): TaskUnit[] {
      const seen = new Map<string, string>();
      const units: TaskUnit[] = [];
      names.forEach((name, index) => {
        const path = `${fieldPath(taskPath, 'units')}[${index}]`;
        const ref = resolve(ctx, path, name);
        if (ref === INVALID) return;
        if (seen.has(ref.code)) {
          fail(ctx, path, 'PLAN_FILE_DUPLICATE_UNIT', messages.duplicateUnit(ref.name, ref.code));
          return;
        }
        seen.set(ref.code, path);
        units.push({ ...ref, role: index === 0 ? 'lead' : 'cooperating' });
      });
      return units;
    },

    /**
     * A milestone belongs to its task's units: one owned by another unit without an `ownerNote`
     * saying why is flagged to the editor (the unit is not accountable under the plan's 责任单位).
     */
    milestoneOwners(
      ctx: ReadContext,
      taskPath: string,
      units: readonly TaskUnit[],
      milestones: readonly MilestoneDefinition[],
    ) {
      const codes = new Set(units.map((u) => u.code));
      milestones.forEach((m, i) => {
        if (!m.unit || codes.has(m.unit.code) || m.ownerNote) return;
        const path = `${fieldPath(taskPath, 'milestones')}[${i}].unit`;
        ctx.warnings.push(
          issue(
            'PLAN_FILE_MILESTONE_UNIT_OUTSIDE_TASK',
            lineAt(ctx, path),
            path,
            messages.milestoneUnitOutsideTask(m.code, m.unit.name),
          ),
        );
      });
    },

    /** A task nobody can measure is allowed but flagged to the editor. */
    measured(ctx: ReadContext, taskPath: string, count: number) {
      const inside = `${taskPath}.`;
      if (count === 0 && !ctx.errors.some((error) => error.path.startsWith(inside))) {
        ctx.warnings.push(
          issue('PLAN_FILE_TASK_UNMEASURED', lineAt(ctx, taskPath), taskPath, messages.taskUnmeasured()),
        );
      }
    },
  };
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese numeral as the plan writes it: 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一. */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n < 20) return `十${DIGITS[n - 10]}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${DIGITS[n % 10]}`;
  return String(n);
}
