import { VET_GROUP_ROLES } from '@zhijiao/contracts';
import type { Static } from 'typebox';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import { listProgramFacts, programQuotaAndRegistered } from '../enrollment/index.ts';
import { findDistrictOf, listOrgUnitInfo, unitRefsByIds } from '../org/index.ts';
import {
  memberKindOf,
  programLinkedElsewhere,
  programmeLinkRefusals,
  programmeProblem,
  secondarySchoolIds,
  type LinkRefusal,
} from './group-rules.ts';
import type { TrainingBasesDeps } from './training-bases.deps.ts';
import { canSeeGroup, mayKeepGroup, mayRegisterGroup } from './training-bases.policy.ts';
import {
  findGroup,
  findProgramme,
  insertGroup,
  insertProgramme,
  listGroupsInScope,
  listProgrammesLinkedTo,
  lockEnrollmentProgramLinks,
  membersOf,
  programmesOf,
  replaceMembers,
  setProgrammeLink,
  updateGroupRow,
  type GroupRow,
} from './training-bases.repository.ts';
import type { GroupBody, ProgrammeBody } from './training-bases.schema.ts';

/*
 * 职教集团: a group with its lead unit, member units (应用型本科高校, 职业学校, 企业 — the kind read
 * from the org unit) and the joint programmes its members run (中高职衔接招生, 现代学徒制班,
 * 企业新型学徒制班) per year with places and people enrolled. A 中高职衔接 programme linked to an
 * enrolment program (统一招生, 中职) reads its places from that program's quota and its enrolled
 * from its registrations (报到), live at each view; its typed-in numbers are kept but ignored while
 * linked (and shown again once unlinked).
 */

type Problem = { field: string; code: string; message: string; messageEn: string };

/** Groups the actor sees (its unit leads or belongs to; the district: all). */
export async function listGroups(deps: TrainingBasesDeps, actor: Actor, q?: string) {
  if (!actor.permissions.has('vetGroup.read')) throw forbidden();
  const scope = actor.scope.all
    ? { all: true as const }
    : { all: false as const, unitIds: actor.scope.orgUnitIds };
  return describeGroups(deps, actor, await listGroupsInScope(deps.db, scope, q));
}

export async function getGroup(deps: TrainingBasesDeps, actor: Actor, id: string) {
  const { group } = await loadGroup(deps, actor, id);
  return (await describeGroups(deps, actor, [group]))[0]!;
}

/** Registers a group (the coordinator). */
export async function createGroup(deps: TrainingBasesDeps, actor: Actor, input: Static<typeof GroupBody>) {
  if (!mayRegisterGroup(actor)) throw new AppError('VET_GROUP_NOT_KEEPER', 403);
  const districtId = (await findDistrictOf(deps.db, actor.orgUnitId)) ?? actor.orgUnitId;
  const members = await checkedMembers(deps, districtId, input);
  const id = await deps.transaction(async (trx) => {
    const now = deps.clock.now();
    const id = await insertGroup(trx, {
      districtId,
      name: input.name.trim(),
      leadUnitId: input.leadUnitId,
      foundedOn: input.foundedOn,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await replaceMembers(trx, id, members);
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'trainingBases.group.created',
      objectType: 'vet_group',
      objectId: id,
      details: { name: input.name.trim(), members: members.length },
    });
    return id;
  });
  return getGroup(deps, actor, id);
}

/** Edits a group and its members (the coordinator, or the lead unit's own account). */
export async function updateGroup(
  deps: TrainingBasesDeps,
  actor: Actor,
  id: string,
  input: Static<typeof GroupBody>,
) {
  const { group } = await loadGroup(deps, actor, id);
  if (!mayKeepGroup(actor, group) || !mayKeepGroup(actor, { ...group, leadUnitId: input.leadUnitId }))
    throw new AppError('VET_GROUP_NOT_KEEPER', 403);
  const members = await checkedMembers(deps, group.districtId, input);
  await deps.transaction(async (trx) => {
    await updateGroupRow(trx, id, {
      name: input.name.trim(),
      leadUnitId: input.leadUnitId,
      foundedOn: input.foundedOn,
      updatedAt: deps.clock.now(),
    });
    await replaceMembers(trx, id, members);
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'trainingBases.group.updated',
      objectType: 'vet_group',
      objectId: id,
      details: { name: input.name.trim(), members: members.length },
    });
  });
  return getGroup(deps, actor, id);
}

/** Adds a joint programme run by member units; refused when its units cannot run that kind. */
export async function addProgramme(
  deps: TrainingBasesDeps,
  actor: Actor,
  id: string,
  input: Static<typeof ProgrammeBody>,
) {
  const { group, memberIds } = await loadGroup(deps, actor, id);
  if (!mayKeepGroup(actor, group)) throw new AppError('VET_GROUP_NOT_KEEPER', 403);
  const unitIds = [...new Set(input.unitIds)];
  const problems: Problem[] = [];
  unitIds.forEach((u, i) => {
    if (!memberIds.includes(u) && u !== group.leadUnitId)
      problems.push({
        field: `unitIds.${i}`,
        code: 'NOT_A_MEMBER',
        message: '该单位不是集团成员',
        messageEn: 'The unit is not a member of the group',
      });
  });
  const problem = programmeProblem(input.kind, await listOrgUnitInfo(deps.db, { ids: unitIds }));
  if (problem)
    problems.push({ field: 'unitIds', code: problem.code, message: problem.zh, messageEn: problem.en });
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 400, problems);
  await deps.transaction(async (trx) => {
    const programmeId = await insertProgramme(trx, {
      groupId: id,
      kind: input.kind,
      name: input.name.trim(),
      year: input.year,
      unitIds,
      places: input.places,
      enrolled: input.enrolled,
      createdBy: actor.userId,
      createdAt: deps.clock.now(),
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'trainingBases.programme.added',
      objectType: 'vet_group_programme',
      objectId: programmeId,
      details: { groupId: id, kind: input.kind, year: input.year, enrolled: input.enrolled },
    });
  });
  return getGroup(deps, actor, id);
}

/**
 * Links a 中高职衔接 programme to an enrolment program, or clears the link (null). Refused (400
 * when the programme is not articulation or the program is not of the district; 409 when it is of
 * another year, not 中职, at none of the programme's secondary schools, or linked to another
 * programme already), each reason naming `enrollmentProgramId`.
 */
export async function linkProgramme(
  deps: TrainingBasesDeps,
  actor: Actor,
  programmeId: string,
  enrollmentProgramId: string | null,
) {
  const { group, programme } = await loadProgramme(deps, actor, programmeId);
  const id = group.id;
  if (!mayKeepGroup(actor, group)) throw new AppError('VET_GROUP_NOT_KEEPER', 403);
  if (enrollmentProgramId !== null) {
    const [program] = await listProgramFacts(deps.db, { ids: [enrollmentProgramId] });
    const schools = secondarySchoolIds(await listOrgUnitInfo(deps.db, { ids: programme.unitIds }));
    const refusals = programmeLinkRefusals(
      { kind: programme.kind, year: programme.year, secondarySchoolIds: schools },
      group.districtId,
      program,
    );
    if (refusals.length > 0) throw linkRefused(refusals);
  }
  await deps.transaction(async (trx) => {
    if (enrollmentProgramId !== null) {
      // Two links to one program at once: the second waits here and sees the first.
      await lockEnrollmentProgramLinks(trx, enrollmentProgramId);
      const [other] = await listProgrammesLinkedTo(trx, [enrollmentProgramId], programmeId);
      if (other) throw linkRefused([programLinkedElsewhere({ ...other, sameGroup: other.groupId === id })]);
    }
    await setProgrammeLink(trx, programmeId, enrollmentProgramId);
    await deps.audit.record(trx, auditActorOf(actor), {
      action: enrollmentProgramId ? 'trainingBases.programme.linked' : 'trainingBases.programme.unlinked',
      objectType: 'vet_group_programme',
      objectId: programmeId,
      details: { groupId: id, enrollmentProgramId, previous: programme.enrollmentProgramId },
    });
  });
  return getGroup(deps, actor, id);
}

/** A link's refusals as the API answers them: 400 if one is, else 409, each naming `enrollmentProgramId`. */
function linkRefused(refusals: readonly LinkRefusal[]): AppError {
  const invalid = refusals.some((r) => r.status === 400);
  return new AppError(
    invalid ? 'VALIDATION_FAILED' : 'VET_PROGRAMME_LINK_REFUSED',
    invalid ? 400 : 409,
    refusals.map((r) => ({ field: 'enrollmentProgramId', code: r.code, message: r.zh, messageEn: r.en })),
  );
}

/**
 * The enrolment programs a 中高职衔接 programme may be linked to (empty for another kind): none
 * another programme is linked to.
 */
export async function linkableEnrollmentPrograms(deps: TrainingBasesDeps, actor: Actor, programmeId: string) {
  const { group, programme } = await loadProgramme(deps, actor, programmeId);
  if (programme.kind !== 'articulation') return [];
  const schools = secondarySchoolIds(await listOrgUnitInfo(deps.db, { ids: programme.unitIds }));
  const programs = await listProgramFacts(deps.db, {
    districtId: group.districtId,
    admissionYear: programme.year,
    schoolIds: schools,
  });
  const [refs, taken] = await Promise.all([
    unitRefsByIds(
      deps.db,
      programs.map((p) => p.schoolId),
    ),
    listProgrammesLinkedTo(
      deps.db,
      programs.map((p) => p.id),
      programmeId,
    ),
  ]);
  const takenIds = new Set(taken.map((t) => t.enrollmentProgramId));
  return programs
    .filter((p) => p.track === 'vocational' && !takenIds.has(p.id))
    .map((p) => ({ id: p.id, code: p.code, name: p.name, school: refs.get(p.schoolId)! }));
}

/** A programme and its group, if the actor sees the group (else 404). */
async function loadProgramme(deps: TrainingBasesDeps, actor: Actor, programmeId: string) {
  const programme = await findProgramme(deps.db, programmeId);
  if (!programme) throw notFound();
  return { ...(await loadGroup(deps, actor, programme.groupId)), programme };
}

async function loadGroup(deps: TrainingBasesDeps, actor: Actor, id: string) {
  const group = await findGroup(deps.db, id);
  if (!group) throw notFound();
  const memberIds = (await membersOf(deps.db, [id])).map((m) => m.unitId);
  if (!canSeeGroup(actor, { ...group, memberIds })) throw notFound();
  return { group, memberIds };
}

/** The members with their kind from their unit; refused (400, per member) when not of the district or not a school/enterprise. */
async function checkedMembers(deps: TrainingBasesDeps, districtId: string, input: Static<typeof GroupBody>) {
  const ids = [input.leadUnitId, ...input.members.map((m) => m.unitId)];
  const units = new Map((await listOrgUnitInfo(deps.db, { ids, under: districtId })).map((u) => [u.id, u]));
  const problems: Problem[] = [];
  if (!units.has(input.leadUnitId))
    problems.push({
      field: 'leadUnitId',
      code: 'UNIT_UNKNOWN',
      message: '牵头单位不在本区',
      messageEn: 'The lead unit is not a unit of the district',
    });
  const seen = new Set<string>();
  const members = input.members.flatMap((m, i) => {
    const u = units.get(m.unitId);
    const kind = u ? memberKindOf(u) : null;
    if (seen.has(m.unitId)) {
      problems.push({
        field: `members.${i}.unitId`,
        code: 'DUPLICATE',
        message: '成员单位重复',
        messageEn: 'The member is listed twice',
      });
      return [];
    }
    seen.add(m.unitId);
    if (!kind) {
      problems.push({
        field: `members.${i}.unitId`,
        code: 'MEMBER_KIND_INVALID',
        message: '成员单位须为本区的应用型本科高校、职业学校或企业',
        messageEn:
          'A member must be an applied undergraduate university, a vocational school or an enterprise of the district',
      });
      return [];
    }
    return [{ unitId: m.unitId, kind, role: m.role, joinedOn: m.joinedOn }];
  });
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 400, problems);
  return members;
}

async function describeGroups(deps: TrainingBasesDeps, actor: Actor, rows: readonly GroupRow[]) {
  const ids = rows.map((g) => g.id);
  const [members, programmes] = await Promise.all([membersOf(deps.db, ids), programmesOf(deps.db, ids)]);
  const linkedIds = programmes.flatMap((p) => (p.enrollmentProgramId ? [p.enrollmentProgramId] : []));
  const [live, linked] = await Promise.all([
    programQuotaAndRegistered(deps.db, linkedIds),
    listProgramFacts(deps.db, { ids: linkedIds }),
  ]);
  const linkedById = new Map(linked.map((p) => [p.id, p]));
  const refs = await unitRefsByIds(deps.db, [
    ...rows.map((g) => g.leadUnitId),
    ...members.map((m) => m.unitId),
    ...programmes.flatMap((p) => p.unitIds),
  ]);
  return rows.map((g) => ({
    id: g.id,
    name: g.name,
    lead: refs.get(g.leadUnitId)!,
    foundedOn: g.foundedOn,
    members: members
      .filter((m) => m.groupId === g.id)
      .sort(
        (a, b) =>
          VET_GROUP_ROLES.indexOf(a.role) - VET_GROUP_ROLES.indexOf(b.role) ||
          a.joinedOn.localeCompare(b.joinedOn) ||
          refs.get(a.unitId)!.code.localeCompare(refs.get(b.unitId)!.code),
      )
      .map((m) => ({ unit: refs.get(m.unitId)!, kind: m.kind, role: m.role, joinedOn: m.joinedOn })),
    programmes: programmes
      .filter((p) => p.groupId === g.id)
      .map((p) => ({
        id: p.id,
        kind: p.kind,
        name: p.name,
        year: p.year,
        units: p.unitIds.map((u) => refs.get(u)!).filter(Boolean),
        ...numbersOf(p, live),
        enrollmentProgram: linkOf(p.enrollmentProgramId ? linkedById.get(p.enrollmentProgramId) : undefined),
      })),
    abilities: { edit: mayKeepGroup(actor, g) },
  }));
}

/** A programme's places and enrolled: the linked enrolment program's quota and registrations, else the typed-in numbers. */
function numbersOf(
  p: { places: number; enrolled: number; enrollmentProgramId: string | null },
  live: ReadonlyMap<string, { quota: number; registered: number }>,
) {
  const linked = p.enrollmentProgramId ? live.get(p.enrollmentProgramId) : undefined;
  return linked
    ? { places: linked.quota, enrolled: linked.registered, numbersFrom: 'enrollment' as const }
    : { places: p.places, enrolled: p.enrolled, numbersFrom: 'typed' as const };
}

const linkOf = (p: { id: string; code: string; name: string } | undefined) =>
  p ? { id: p.id, code: p.code, name: p.name } : null;
