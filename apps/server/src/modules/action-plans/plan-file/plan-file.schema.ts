import { COMPARATORS, INDICATOR_KINDS, PERIOD_KINDS, PLAN_STATUSES } from '@zhijiao/contracts';
import { METRIC_NAME_PATTERN } from '../../../platform/metrics/metric-registry.ts';
import { createPlanChecks } from './plan-file.checks.ts';
import { messages, type Phrase } from './plan-file.issues.ts';
import {
  INDICATOR_RECURRENCES,
  PLAN_STAGES,
  VERDICT_RULES,
  type IndicatorDefinition,
  type MilestoneDefinition,
  type PlanDefinition,
  type SectionDefinition,
  type TaskDefinition,
  type UnitResolver,
} from './plan-file.types.ts';
import {
  boolean,
  fieldPath,
  INVALID,
  isoDate,
  list,
  number,
  object,
  oneOf,
  optional,
  required,
  string,
  type Reader,
} from './yaml-reader.ts';

/**
 * The plan file format as readers. Checks inside one object run in `object`'s refine step; checks
 * across objects (unique codes and numbers, dates inside the plan period, unit names) use the
 * shared state of `createPlanChecks`, so they still run when other parts of the file are broken.
 */

const PLAN_CODE = {
  regex: /^[a-z0-9]+(-[a-z0-9]+)*$/,
  hint: {
    zh: '只能使用小写字母、数字和连字符，如 shangdang-vet-2020',
    en: 'lowercase letters, digits and hyphens, e.g. shangdang-vet-2020',
  },
};
/** Codes of tasks, indicators, milestones and org units. */
export const ITEM_CODE = {
  regex: /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/,
  hint: {
    zh: '只能使用大写字母、数字和连字符，以字母开头，如 T07-DQ-RATIO',
    en: 'uppercase letters, digits and hyphens, starting with a letter, e.g. T07-DQ-RATIO',
  },
};
const METRIC_NAME = {
  regex: METRIC_NAME_PATTERN,
  hint: {
    zh: '小驼峰名称，可用点分隔，如 teachers.dualQualifiedShare',
    en: 'camelCase segments separated by dots, e.g. teachers.dualQualifiedShare',
  },
};

const TASK_NUMBER: Phrase = { zh: '任务编号', en: 'task number' };
const SECTION_NUMBER: Phrase = { zh: '部分编号', en: 'section number' };

/** Builds the reader of a whole plan file; `resolveUnit` maps written unit names to org units. */
export function createPlanReader(resolveUnit: UnitResolver): Reader<PlanDefinition> {
  const checks = createPlanChecks(resolveUnit);
  const fail = checks.fail;

  const indicator = object(
    {
      code: required(string(ITEM_CODE)),
      name: required(string()),
      nameEn: required(string()),
      unit: required(string()),
      comparator: required(oneOf(COMPARATORS)),
      target: optional(number(), null),
      targetLow: optional(number(), null),
      targetHigh: optional(number(), null),
      deadline: required(isoDate()),
      recurrence: optional(oneOf(INDICATOR_RECURRENCES), 'once' as const),
      verdictRule: optional(oneOf(VERDICT_RULES), null),
      baseline: optional(number(), null),
      kind: required(oneOf(INDICATOR_KINDS)),
      metric: optional(string(METRIC_NAME), null),
      public: required(boolean()),
      description: optional(string(), null),
    },
    (value, path, ctx): IndicatorDefinition | typeof INVALID => {
      const before = ctx.errors.length;
      const { comparator, kind } = value;
      const requiredWith = (field: string, other: string, is: string) =>
        fail(
          ctx,
          fieldPath(path, field),
          'PLAN_FILE_FIELD_REQUIRED',
          messages.requiredWith(field, other, is),
          path,
        );
      const forbidden = (field: string, other: string, is: string) =>
        fail(
          ctx,
          fieldPath(path, field),
          'PLAN_FILE_INVALID_VALUE',
          messages.notAllowedWith(field, other, is),
        );
      if (comparator === 'between') {
        if (value.target !== null) forbidden('target', 'comparator', comparator);
        if (value.targetLow === null) requiredWith('targetLow', 'comparator', comparator);
        if (value.targetHigh === null) requiredWith('targetHigh', 'comparator', comparator);
        if (value.targetLow !== null && value.targetHigh !== null && value.targetLow > value.targetHigh) {
          fail(
            ctx,
            fieldPath(path, 'targetLow'),
            'PLAN_FILE_INVALID_VALUE',
            messages.lowAboveHigh(value.targetLow, value.targetHigh),
          );
        }
      } else {
        if (value.target === null) requiredWith('target', 'comparator', comparator);
        if (value.targetLow !== null) forbidden('targetLow', 'comparator', comparator);
        if (value.targetHigh !== null) forbidden('targetHigh', 'comparator', comparator);
      }
      if (kind === 'computed' && value.metric === null) requiredWith('metric', 'kind', kind);
      if (kind === 'reported' && value.metric !== null) forbidden('metric', 'kind', kind);
      if (value.recurrence === 'once' && value.verdictRule !== null)
        forbidden('verdictRule', 'recurrence', value.recurrence);
      checks.uniqueCode(ctx, path, value.code);
      checks.withinPlan(ctx, fieldPath(path, 'deadline'), value.deadline);
      if (ctx.errors.length > before) return INVALID;
      const { verdictRule, ...rest } = value;
      return verdictRule === null ? rest : { ...rest, verdictRule };
    },
  );

  const milestone = object(
    {
      code: required(string(ITEM_CODE)),
      title: required(string()),
      titleEn: required(string()),
      due: required(isoDate()),
      unit: optional(string(), null),
      description: optional(string(), null),
      completedBy: optional(string(METRIC_NAME), null),
      ownerNote: optional(string(), null),
    },
    (value, path, ctx): MilestoneDefinition | typeof INVALID => {
      const before = ctx.errors.length;
      checks.uniqueCode(ctx, path, value.code);
      checks.withinPlan(ctx, fieldPath(path, 'due'), value.due);
      const unit = value.unit === null ? null : checks.resolve(ctx, fieldPath(path, 'unit'), value.unit);
      if (ctx.errors.length > before || unit === INVALID) return INVALID;
      const { completedBy, ownerNote, ...rest } = value;
      return {
        ...rest,
        unit,
        ...(completedBy === null ? {} : { completedBy }),
        ...(ownerNote === null ? {} : { ownerNote }),
      };
    },
  );

  const task = object(
    {
      code: required(string(ITEM_CODE)),
      number: required(number({ integer: true, min: 1 })),
      label: required(string()),
      title: required(string()),
      titleEn: required(string()),
      text: required(string()),
      units: required(list(string(), { min: 1 })),
      indicators: optional(list(indicator), []),
      milestones: optional(list(milestone), []),
    },
    (value, path, ctx): TaskDefinition | typeof INVALID => {
      const before = ctx.errors.length;
      checks.label(ctx, path, value, (numeral) => `（${numeral}）`);
      checks.uniqueCode(ctx, path, value.code);
      checks.uniqueNumber(ctx, path, value.number, TASK_NUMBER);
      const units = checks.taskUnits(ctx, path, value.units);
      checks.measured(ctx, path, value.indicators.length + value.milestones.length);
      checks.milestoneOwners(ctx, path, units, value.milestones);
      return ctx.errors.length > before ? INVALID : { ...value, units };
    },
  );

  const section = object(
    {
      number: required(number({ integer: true, min: 1 })),
      label: required(string()),
      title: required(string()),
      titleEn: required(string()),
      tasks: required(list(task, { min: 1 })),
    },
    (value, path, ctx): SectionDefinition | typeof INVALID => {
      const before = ctx.errors.length;
      checks.label(ctx, path, value, (numeral) => numeral);
      checks.uniqueNumber(ctx, path, value.number, SECTION_NUMBER);
      return ctx.errors.length > before ? INVALID : value;
    },
  );

  return object(
    {
      code: required(string(PLAN_CODE)),
      version: required(number({ integer: true, min: 1 })),
      title: required(string()),
      titleEn: required(string()),
      district: required(string(ITEM_CODE)),
      status: required(oneOf(PLAN_STATUSES)),
      stage: optional(oneOf(PLAN_STAGES), 'final' as const),
      startDate: required(checks.capturePeriod('start', isoDate())),
      endDate: required(checks.capturePeriod('end', isoDate())),
      reportingPeriod: required(oneOf(PERIOD_KINDS)),
      preamble: required(string()),
      sections: required(list(section, { min: 1 })),
    },
    (value, path, ctx): PlanDefinition | typeof INVALID => {
      if (value.endDate >= value.startDate) return value;
      return fail(
        ctx,
        fieldPath(path, 'endDate'),
        'PLAN_FILE_INVALID_VALUE',
        messages.endBeforeStart(value.startDate, value.endDate),
      );
    },
  );
}
