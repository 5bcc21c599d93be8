import { findUserRefs } from '../../platform/auth/users.repository.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { findTaskRef } from '../action-plans/index.ts';
import { unitRefsByIds } from '../org/index.ts';
import type { InspectionInput } from './supervision.schema.ts';

type Problem = { field: string; code: string; message: string; messageEn: string };

/** Inspectors must be active 督学 or coordinator accounts; the lead one of them. */
async function inspectorProblems(db: Executor, input: InspectionInput): Promise<Problem[]> {
  const users = await findUserRefs(db, input.inspectorIds);
  const problems: Problem[] = [];
  input.inspectorIds.forEach((id, i) => {
    const u = users.get(id);
    if (!u || u.disabled || (u.role !== 'inspector' && u.role !== 'coordinator'))
      problems.push({
        field: `inspectorIds.${i}`,
        code: 'SUPERVISION_NOT_INSPECTOR',
        message: '督学须为启用的督学或计划统筹账号',
        messageEn: 'Inspectors must be active inspector or coordinator accounts',
      });
  });
  if (input.leadInspectorId && !input.inspectorIds.includes(input.leadInspectorId))
    problems.push({
      field: 'leadInspectorId',
      code: 'NOT_IN_LIST',
      message: '组长须在督学名单中',
      messageEn: 'The lead must be one of the inspectors',
    });
  return problems;
}

/** The label of each unit, school and task of the scope, as the inspection keeps it. */
async function scopeLabels(db: Executor, input: InspectionInput) {
  const labels = new Map<string, string>();
  const units = await unitRefsByIds(
    db,
    input.scope.filter((s) => s.type !== 'task').map((s) => s.id),
  );
  for (const u of units.values()) labels.set(u.id, u.name);
  for (const s of input.scope.filter((s) => s.type === 'task')) {
    const t = await findTaskRef(db, s.id);
    if (t) labels.set(s.id, `${t.label}${t.title}`);
  }
  return labels;
}

/**
 * Checks the plan of an inspection (dates, inspectors, lead, scope) and answers its inspectors and
 * labelled scope, each once, as they are stored; throws 400 with every problem by field.
 */
export async function checkInspectionPlan(db: Executor, input: InspectionInput) {
  const problems: Problem[] = [];
  if (input.endsOn < input.startsOn)
    problems.push({
      field: 'endsOn',
      code: 'DATE_ORDER',
      message: '结束日期早于开始日期',
      messageEn: 'Ends before it starts',
    });
  problems.push(...(await inspectorProblems(db, input)));
  const labels = await scopeLabels(db, input);
  input.scope.forEach((s, i) => {
    if (!labels.has(s.id))
      problems.push({
        field: `scope.${i}.id`,
        code: 'UNKNOWN',
        message: '督导范围中的单位或任务不存在',
        messageEn: 'Unknown unit or task in the scope',
      });
  });
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 400, problems);
  const seen = new Set<string>();
  return {
    inspectors: [...new Set(input.inspectorIds)].map((userId) => ({
      userId,
      isLead: userId === input.leadInspectorId,
    })),
    scope: input.scope
      .filter((s) => !seen.has(`${s.type}:${s.id}`) && seen.add(`${s.type}:${s.id}`))
      .map((s) => ({ ...s, label: labels.get(s.id)! })),
  };
}
