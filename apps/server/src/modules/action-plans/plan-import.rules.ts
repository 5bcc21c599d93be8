import { createHash } from 'node:crypto';
import type { PlanStatus } from '@zhijiao/contracts';
import { canonicalJson } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { ClauseEdit } from './plan-clauses.ts';
import type { PlanDefinition, PlanFileIssue } from './plan-file/plan-file.types.ts';

/** Problems of a plan file as the API reports them, one per line and field. */
export function planFileInvalid(issues: PlanFileIssue[]): AppError {
  return new AppError(
    'PLAN_FILE_INVALID',
    400,
    issues.map((i) => ({
      line: i.line,
      field: i.path,
      code: i.code,
      message: i.message,
      messageEn: i.messageEn,
    })),
  );
}

/** Computed indicators and record-completed milestones naming a metric no module registers. */
export function unknownMetricIssues(plan: PlanDefinition, has: (metric: string) => boolean): PlanFileIssue[] {
  const issues: PlanFileIssue[] = [];
  const unknown = (path: string, what: { zh: string; en: string }, metric: string) =>
    issues.push({
      line: null,
      path,
      code: 'PLAN_FILE_UNKNOWN_METRIC',
      message: `${what.zh}引用的计算口径“${metric}”未注册`,
      messageEn: `${what.en} names metric "${metric}", which no module registers`,
    });
  plan.sections.forEach((s, si) =>
    s.tasks.forEach((t, ti) => {
      const task = `sections[${si}].tasks[${ti}]`;
      t.indicators.forEach((ind, ii) => {
        if (ind.kind === 'computed' && ind.metric && !has(ind.metric))
          unknown(
            `${task}.indicators[${ii}].metric`,
            { zh: `指标 ${ind.code} `, en: `Indicator ${ind.code}` },
            ind.metric,
          );
      });
      t.milestones.forEach((m, mi) => {
        if (m.completedBy && !has(m.completedBy))
          unknown(
            `${task}.milestones[${mi}].completedBy`,
            { zh: `里程碑 ${m.code} `, en: `Milestone ${m.code}` },
            m.completedBy,
          );
      });
    }),
  );
  return issues;
}

export function unknownDistrictIssue(code: string): PlanFileIssue {
  return {
    line: null,
    path: 'district',
    code: 'PLAN_FILE_UNKNOWN_UNIT',
    message: `行政区代码 ${code} 未登记`,
    messageEn: `District code ${code} is not registered`,
  };
}

/** The hash a version's content is compared by (the same file twice is the same version). */
export function planContentHash(plan: PlanDefinition): string {
  return createHash('sha256').update(canonicalJson(plan)).digest('hex');
}

type StoredVersion = {
  id: string;
  version: number;
  contentHash: string;
  status: PlanStatus;
  isCurrent: boolean;
};

/**
 * What importing `plan` does given the stored versions of its code (newest first), by the rules
 * of docs/plan-file-format.md: the same version with the same content is a no-op (`same`); the
 * same version with other content, or an older version, is refused (409); otherwise a new
 * version, which becomes current unless it is a draft and a published version is current
 * (dashboards and the portal keep the published text until a newer version is published).
 */
export function versionOutcome(
  versions: readonly StoredVersion[],
  plan: PlanDefinition,
  contentHash: string,
): { kind: 'same'; planId: string } | { kind: 'new'; becomesCurrent: boolean } {
  const highest = versions[0]?.version ?? 0;
  const same = versions.find((v) => v.version === plan.version);
  if (same?.contentHash === contentHash) return { kind: 'same', planId: same.id };
  if (same)
    throw new AppError('PLAN_VERSION_EXISTS', 409, [
      {
        field: 'version',
        code: 'PLAN_VERSION_EXISTS',
        message: `版本 ${plan.version} 已存在且内容不同，请提高版本号（当前最高 ${versions[0]?.version}）`,
        messageEn: `Version ${plan.version} exists with other content; raise the version (highest is ${versions[0]?.version})`,
      },
    ]);
  if (plan.version < highest)
    throw new AppError('PLAN_VERSION_EXISTS', 409, [
      {
        field: 'version',
        code: 'PLAN_VERSION_OLDER',
        message: `版本 ${plan.version} 低于已导入的版本 ${highest}`,
        messageEn: `Version ${plan.version} is older than the imported version ${highest}`,
      },
    ]);
  const keepsPublished =
    plan.status === 'draft' && versions.some((v) => v.isCurrent && v.status === 'published');
  return { kind: 'new', becomesCurrent: !keepsPublished };
}

/** Why a set of clause edits cannot make a revision: unknown or emptied clauses, or no change. */
export function revisionProblems(
  edits: readonly ClauseEdit[],
  result: { unknownKeys: string[]; changedKeys: string[] },
) {
  const problems = [
    ...result.unknownKeys.map((key) => ({
      field: 'edits',
      code: 'PLAN_CLAUSE_UNKNOWN',
      message: `条款“${key}”不存在`,
      messageEn: `No clause "${key}"`,
    })),
    ...edits
      .filter((e) => e.text.trim() === '')
      .map((e) => ({
        field: 'edits',
        code: 'REQUIRED',
        message: `条款“${e.key}”不能为空`,
        messageEn: `Clause "${e.key}" is empty`,
      })),
  ];
  if (problems.length === 0 && result.changedKeys.length === 0)
    problems.push({
      field: 'edits',
      code: 'PLAN_REVISION_EMPTY',
      message: '修订稿与原文相同',
      messageEn: 'The revision changes nothing',
    });
  return problems;
}
