import type { Static } from 'typebox';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import {
  findCatalogueEntry,
  findLatestCatalogueVersion,
  findSameMajor,
  insertMajor,
  listCatalogueEntries,
  listMajorsInScope,
  replaceMajorStandards,
  updateMajor as updateMajorRow,
  upsertMajorEnrolment,
} from './majors.repository.ts';
import { describeMajors } from './majors.view.ts';
import { auditOf } from './programs.audit.ts';
import { assertManages, resolveSchool } from './programs.checks.ts';
import { canSeeSchoolRecord } from './programs.policy.ts';
import { findMajor } from './programs.repository.ts';
import type { EnrolmentBody, MajorBody, MajorPatch, MajorQuery, StandardsBody } from './programs.schema.ts';

const audit = auditOf('major', 'major');

/*
 * Majors (专业) of schools: each names an entry of a version of the national catalogue, with an
 * optional direction; its yearly intake and enrolment; the national standards it applies.
 */

/** The catalogue entries of a version (default the newest), by code. */
export async function listCatalogue(deps: ModuleDeps, version?: string) {
  const v = version ?? (await findLatestCatalogueVersion(deps.db));
  if (!v) return { version: null, items: [] };
  return { version: v, items: await listCatalogueEntries(deps.db, v) };
}

/** Majors the actor sees, by school and code, with standards and the latest enrolment. */
export async function listMajors(deps: ModuleDeps, actor: Actor, q: Static<typeof MajorQuery> = {}) {
  return describeMajors(deps.db, actor, await listMajorsInScope(deps.db, actor, q));
}

/** One major the actor sees. */
export async function getMajor(deps: ModuleDeps, actor: Actor, id: string) {
  const m = await loadFor(deps, actor, id);
  return (await describeMajors(deps.db, actor, [m]))[0]!;
}

/** Opens a major at a school: a catalogue entry, optionally with a direction (once per school). */
export async function createMajor(deps: ModuleDeps, actor: Actor, input: Static<typeof MajorBody>) {
  const { schoolId, districtId } = await resolveSchool(deps.db, actor, input.schoolId);
  const entry = await findCatalogueEntry(deps.db, input.catalogueVersion, input.catalogueCode);
  if (!entry) {
    throw new AppError('PROGRAM_MAJOR_NOT_IN_CATALOGUE', 400, [
      {
        field: 'catalogueCode',
        code: 'PROGRAM_MAJOR_NOT_IN_CATALOGUE',
        message: `专业代码 ${input.catalogueCode} 不在 ${input.catalogueVersion} 版专业目录中`,
        messageEn: `Code ${input.catalogueCode} is not in the ${input.catalogueVersion} catalogue`,
      },
    ]);
  }
  const major = { ...input, schoolId, direction: input.direction.trim() };
  const id = await deps.transaction(async (trx) => {
    const dup = await findSameMajor(trx, major);
    if (dup)
      throw new AppError('PROGRAM_MAJOR_DUPLICATE', 409, [{ field: 'catalogueCode', majorId: dup.id }]);
    const now = deps.clock.now();
    const id = await insertMajor(trx, {
      schoolId,
      districtId,
      catalogueVersion: major.catalogueVersion,
      catalogueCode: major.catalogueCode,
      direction: major.direction,
      status: major.status,
      establishedYear: major.establishedYear ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await audit(deps, trx, actor, 'created', id, {
      schoolId,
      code: major.catalogueCode,
      name: entry.name,
      direction: major.direction,
    });
    return id;
  });
  return getMajor(deps, actor, id);
}

/** Changes a major's direction, status or founding year. */
export async function updateMajor(
  deps: ModuleDeps,
  actor: Actor,
  id: string,
  input: Static<typeof MajorPatch>,
) {
  await loadForChange(deps, actor, id);
  await deps.transaction(async (trx) => {
    await updateMajorRow(trx, id, {
      ...(input.direction !== undefined ? { direction: input.direction.trim() } : {}),
      ...(input.status ? { status: input.status } : {}),
      ...(input.establishedYear !== undefined ? { establishedYear: input.establishedYear } : {}),
      updatedAt: deps.clock.now(),
    });
    await audit(deps, trx, actor, 'updated', id, { ...input });
  });
  return getMajor(deps, actor, id);
}

/** Records (or corrects) one school year's intake and enrolment of a major. */
export async function recordEnrolment(
  deps: ModuleDeps,
  actor: Actor,
  id: string,
  input: Static<typeof EnrolmentBody>,
) {
  await loadForChange(deps, actor, id);
  await deps.transaction(async (trx) => {
    await upsertMajorEnrolment(trx, id, input);
    await audit(deps, trx, actor, 'enrolment_recorded', id, { ...input });
  });
  return getMajor(deps, actor, id);
}

/** Replaces the set of national standards the major applies. */
export async function setStandards(
  deps: ModuleDeps,
  actor: Actor,
  id: string,
  standards: Static<typeof StandardsBody>['standards'],
) {
  await loadForChange(deps, actor, id);
  const kinds = standards.map((s) => s.standard);
  const twice = kinds.findIndex((k, i) => kinds.indexOf(k) !== i);
  if (twice >= 0) {
    throw new AppError('VALIDATION_FAILED', 400, [
      {
        field: `standards.${twice}.standard`,
        code: 'DUPLICATE',
        message: '同一标准只能填写一次',
        messageEn: 'Each standard may be listed once',
      },
    ]);
  }
  await deps.transaction(async (trx) => {
    await replaceMajorStandards(
      trx,
      id,
      standards.map((s) => ({ ...s, note: s.note.trim() })),
    );
    await audit(deps, trx, actor, 'standards_set', id, { standards: kinds });
  });
  return getMajor(deps, actor, id);
}

async function loadFor(deps: ModuleDeps, actor: Actor, id: string) {
  const m = await findMajor(deps.db, id);
  if (!m || !canSeeSchoolRecord(actor, m.schoolId)) throw notFound();
  return m;
}

async function loadForChange(deps: ModuleDeps, actor: Actor, id: string) {
  const m = await loadFor(deps, actor, id);
  assertManages(actor, m.schoolId);
  return m;
}
