import type { Static } from 'typebox';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { personalDataProblems } from '../../platform/validation/redact.ts';
import { findDistrictOf, listOrgUnitInfo, unitRefsByIds } from '../org/index.ts';
import {
  destinationFigures,
  destinationProblems,
  keepKindFields,
  type DestinationInput,
} from './destination.rules.ts';
import * as repo from './destinations.repository.ts';
import type { DestinationBody } from './destinations.schema.ts';
import { canSeeSchool, mayManageSchool, visibleSchoolIds } from './learners.policy.ts';
import { findLearner, lockLearnerStanding } from './learners.repository.ts';

/*
 * Graduates' destinations (毕业去向): the school records where each graduate went (or a graduate
 * survey does), and the figures of a year's graduates per school and for the district — the
 * employment quality that （十一） evaluates and the annual quality report will print.
 */

const today = (deps: ModuleDeps) => chinaDate(deps.clock.now());

/** The body with every field present (absent ones null). */
function inputOf(body: Static<typeof DestinationBody>): DestinationInput {
  return {
    kind: body.kind,
    settledOn: body.settledOn ?? null,
    employerName: body.employerName ?? null,
    employerUnitId: body.employerUnitId ?? null,
    relevantToMajor: body.relevantToMajor ?? null,
    monthlyPay: body.monthlyPay ?? null,
    region: body.region ?? null,
    institutionName: body.institutionName ?? null,
    studyLevel: body.studyLevel ?? null,
    studyRoute: body.studyRoute ?? null,
    note: body.note ?? null,
  };
}

/**
 * The employer's org unit when one is named: an enterprise of the school's district, else 400 on
 * `employerUnitId`. Answers its name (the destination keeps it, so the record reads on its own).
 */
async function employerOf(deps: ModuleDeps, unitId: string, schoolId: string) {
  const [unit] = await listOrgUnitInfo(deps.db, { ids: [unitId], types: ['enterprise'] });
  const sameDistrict =
    unit && (await findDistrictOf(deps.db, unit.id)) === (await findDistrictOf(deps.db, schoolId));
  if (!unit || !sameDistrict)
    throw fieldError(
      'employerUnitId',
      'NOT_FOUND',
      '所选就业单位不是本区企业名录中的企业',
      'The employer chosen is not an enterprise on the district’s register',
    );
  return unit.name;
}

/**
 * Records (or corrects) a graduate's destination: the school's own clerk, for a learner whose
 * status is 毕业 (else 409 `DESTINATION_NOT_GRADUATED`). Refused (400 `DESTINATION_INVALID`) with
 * every problem of `destinationProblems` and any free text holding an ID or phone number, each on
 * its field in zh and en. Written under the learner's row lock, audited (the kind and source only).
 *
 * @example await recordDestination(deps, clerk, id, { kind: 'further_study', settledOn: '2025-09-01', institutionName: '长治职业技术学院', studyLevel: 'higher_vocational', studyRoute: 'articulation' })
 */
export async function recordDestination(
  deps: ModuleDeps,
  actor: Actor,
  learnerId: string,
  body: Static<typeof DestinationBody>,
) {
  const learner = await findLearner(deps.db, learnerId);
  if (!learner || !canSeeSchool(actor, learner.schoolId)) throw notFound();
  if (!mayManageSchool(actor, learner.schoolId)) throw forbidden();
  const input = keepKindFields(inputOf(body));
  const unitName = input.employerUnitId
    ? await employerOf(deps, input.employerUnitId, learner.schoolId)
    : null;
  const checked = { ...input, employerName: input.employerName ?? unitName };
  await deps.transaction(async (trx) => {
    const standing = (await lockLearnerStanding(trx, learnerId))!;
    if (standing.status !== 'graduated') throw new AppError('DESTINATION_NOT_GRADUATED', 409);
    const problems = [
      ...destinationProblems(checked, standing.statusSince, today(deps)),
      ...personalDataProblems({
        note: checked.note,
        employerName: checked.employerName,
        institutionName: checked.institutionName,
      }),
    ];
    if (problems.length > 0)
      throw new AppError(
        'DESTINATION_INVALID',
        400,
        problems.map((p) => ({ field: p.field, code: p.code, message: p.zh, messageEn: p.en })),
      );
    const source = body.source ?? 'school';
    await repo.upsertDestination(trx, {
      ...checked,
      learnerId,
      schoolId: learner.schoolId,
      graduationYear: Number(standing.statusSince.slice(0, 4)),
      source,
      recordedBy: actor.userId,
      recordedAt: deps.clock.now(),
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'learner.destination_recorded',
      objectType: 'learner',
      objectId: learnerId,
      details: { kind: checked.kind, source },
    });
  });
  return getDestination(deps, actor, learnerId);
}

/** A learner's destination (null until recorded), the day of graduation (null if not a graduate) and what the actor may do. */
export async function getDestination(deps: ModuleDeps, actor: Actor, learnerId: string) {
  const learner = await findLearner(deps.db, learnerId);
  if (!learner || !canSeeSchool(actor, learner.schoolId)) throw notFound();
  const graduated = learner.status === 'graduated';
  return {
    destination: (await repo.findDestination(deps.db, learnerId)) ?? null,
    graduatedOn: graduated ? learner.statusSince : null,
    abilities: { record: graduated && mayManageSchool(actor, learner.schoolId) },
  };
}

/**
 * A year's graduates of the schools the actor sees (or one of them) with their destinations, and
 * the figures: for all of them and per school (去向落实率, 就业率, 升学率, 专业对口率, 本区就业,
 * 起薪 — `destinationFigures`). ID numbers masked.
 *
 * @example await listGraduateDestinations(deps, coordinator, { graduationYear: 2025 }) // { figures, schools, graduates }
 */
export async function listGraduateDestinations(
  deps: ModuleDeps,
  actor: Actor,
  query: { graduationYear: number; schoolId?: string },
) {
  const visible = visibleSchoolIds(actor);
  const schoolIds = query.schoolId ? (canSeeSchool(actor, query.schoolId) ? [query.schoolId] : []) : visible;
  const rows = await repo.listGraduates(deps.db, { schoolIds, graduationYear: query.graduationYear });
  const schools = await unitRefsByIds(deps.db, [...new Set(rows.map((r) => r.schoolId))]);
  const graduates = rows.map(({ kind, ...r }) => {
    const { settledOn, employerName, employerUnitId, relevantToMajor, monthlyPay, region } = r;
    const { institutionName, studyLevel, studyRoute, note, source, recordedAt } = r;
    return {
      id: r.id,
      schoolId: r.schoolId,
      school: schools.get(r.schoolId)!,
      name: r.name,
      idMasked: r.idMasked,
      majorName: r.majorName,
      className: r.className,
      cohortYear: r.cohortYear,
      graduatedOn: r.graduatedOn,
      destination:
        kind === null
          ? null
          : {
              kind,
              settledOn,
              employerName,
              employerUnitId,
              relevantToMajor,
              monthlyPay,
              region,
              institutionName,
              studyLevel,
              studyRoute,
              note,
              source: source!,
              recordedAt: recordedAt!,
            },
      abilities: { record: mayManageSchool(actor, r.schoolId) },
    };
  });
  const figuresOf = (list: typeof graduates) =>
    destinationFigures(
      list.length,
      list.flatMap((g) => (g.destination ? [g.destination] : [])),
    );
  return {
    graduationYear: query.graduationYear,
    figures: figuresOf(graduates),
    schools: [...schools.values()]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((school) => ({ school, figures: figuresOf(graduates.filter((g) => g.schoolId === school.id)) })),
    graduates,
  };
}
