import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, fieldError } from '../../platform/errors/app-error.ts';
import { unitRefsByIds } from '../org/index.ts';
import { mayNameUnit } from './meetings.policy.ts';
import type { MemberRow } from './meetings.repository.ts';
import type { AttendanceInput, MeetingInput } from './meetings.schema.ts';

type Problem = { field: string; code: string; message: string; messageEn: string };

/** Checks that units exist and lie within the actor's reach; answers field problems. */
async function checkUnits(trx: Executor, actor: Actor, ids: string[], field: string) {
  const known = await unitRefsByIds(trx, ids);
  const problems: Problem[] = [];
  ids.forEach((id, i) => {
    if (!known.has(id) || !mayNameUnit(actor, id))
      problems.push({
        field: ids.length > 1 || field.endsWith('s') ? `${field}.${i}` : field,
        code: 'ORG_UNIT_UNKNOWN',
        message: '单位不存在或不在本区范围内',
        messageEn: 'Unknown unit, or not in your district',
      });
  });
  return problems;
}

/** Member and convening units must exist and lie within the actor's district; 400 with field problems otherwise. */
export async function validateMeetingInput(trx: Executor, actor: Actor, input: MeetingInput) {
  const problems = [
    ...(await checkUnits(trx, actor, input.memberUnitIds, 'memberUnitIds')),
    ...(input.conveningUnitId
      ? await checkUnits(trx, actor, [input.conveningUnitId], 'conveningUnitId')
      : []),
  ];
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 400, problems);
}

/** A decision's responsible unit must exist and lie within the actor's district; 400 otherwise. */
export async function validateResponsibleUnit(trx: Executor, actor: Actor, unitId: string) {
  const known = await unitRefsByIds(trx, [unitId]);
  if (!known.has(unitId) || !mayNameUnit(actor, unitId))
    throw fieldError(
      'responsibleUnitId',
      'ORG_UNIT_UNKNOWN',
      '责任单位不存在或不在本区范围内',
      'Unknown unit, or not in your district',
    );
}

/**
 * What is wrong with an attendance record: every member unit exactly once, no other unit, and
 * for a unit present, who attended. Pure.
 */
export function attendanceProblems(
  members: ReadonlyArray<Pick<MemberRow, 'orgUnitId' | 'unit'>>,
  input: AttendanceInput,
): Problem[] {
  const memberIds = new Set(members.map((m) => m.orgUnitId));
  const problems: Problem[] = [];
  input.units.forEach((u, i) => {
    if (!memberIds.has(u.unitId))
      problems.push({
        field: `units.${i}.unitId`,
        code: 'MEETING_NOT_MEMBER',
        message: '该单位不是本次会议的成员单位',
        messageEn: 'Not a member unit of this meeting',
      });
    if (u.present && !u.attendees.trim())
      problems.push({
        field: `units.${i}.attendees`,
        code: 'REQUIRED',
        message: '请填写出席人员',
        messageEn: 'Say who attended',
      });
  });
  const given = new Set(input.units.map((u) => u.unitId));
  if (given.size !== input.units.length)
    problems.push({
      field: 'units',
      code: 'DUPLICATE',
      message: '同一单位登记了多次',
      messageEn: 'A unit is listed twice',
    });
  for (const m of members)
    if (!given.has(m.orgUnitId))
      problems.push({
        field: 'units',
        code: 'REQUIRED',
        message: `未登记${m.unit.name}的出席情况`,
        messageEn: `No attendance for ${m.unit.name}`,
      });
  return problems;
}
