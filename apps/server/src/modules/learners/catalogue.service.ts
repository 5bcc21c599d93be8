import type { OutcomeLevel, OutcomeType } from '@zhijiao/contracts';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import * as repo from './catalogue.repository.ts';
import { mayKeepCatalogue, mayReadCatalogue } from './credit-bank.policy.ts';

/*
 * The district's learning-outcome catalogue (学习成果名录) per year, in versions: which outcome
 * types (optionally one certificate) count at which level, with suggested credits in tenths. A
 * version is never changed; a change is the next version, and the highest version of a year is the
 * one recognition reads. Kept by the district's reviewer; read by anyone who reads its learners.
 */

export interface CatalogueLine {
  type: OutcomeType;
  certificateCode: string | null;
  certificateName: string;
  level: OutcomeLevel | null;
  suggestedCredits: number;
}

/** The catalogue versions of the actor's district (optionally one year), newest first, with their lines. */
export async function listCatalogues(deps: ModuleDeps, actor: Actor, query: { year?: number }) {
  const districtId = actor.districtId;
  if (!districtId || !mayReadCatalogue(actor, districtId)) return [];
  const versions = await repo.listCatalogueVersions(deps.db, districtId, query.year);
  const lines = await repo.listCatalogueEntries(
    deps.db,
    versions.map((v) => v.id),
  );
  const latest = new Map<number, number>();
  for (const v of versions) latest.set(v.year, Math.max(latest.get(v.year) ?? 0, v.version));
  return versions.map((v) => ({
    ...v,
    inForce: latest.get(v.year) === v.version,
    entries: lines.get(v.id) ?? [],
  }));
}

/** One catalogue version with its lines (404 for another district's). */
export async function getCatalogue(deps: ModuleDeps, actor: Actor, id: string) {
  const head = await repo.findCatalogue(deps.db, id);
  if (!head || !mayReadCatalogue(actor, head.districtId)) throw notFound();
  const [latest] = await repo.listCatalogueVersions(deps.db, head.districtId, head.year);
  const lines = await repo.listCatalogueEntries(deps.db, [id]);
  return { ...head, inForce: latest?.version === head.version, entries: lines.get(id) ?? [] };
}

/** The problems of a version's lines: a line (type, certificate, level) twice. */
function lineProblems(entries: readonly CatalogueLine[]) {
  const seen = new Map<string, number>();
  return entries.flatMap((e, i) => {
    const key = `${e.type}|${e.certificateCode?.trim() ?? ''}|${e.level ?? ''}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      return [];
    }
    return [
      {
        field: `entries.${i}`,
        code: 'DUPLICATE',
        message: `与第 ${first + 1} 项的成果类型、证书和等级相同`,
        messageEn: `Same type, certificate and level as line ${first + 1}`,
      },
    ];
  });
}

/**
 * Publishes the next version of the district's catalogue for a year (the district's reviewer only):
 * its lines replace the previous version's for every recognition from now on; outcomes already
 * recognised keep the version they were judged by. Under the previous version's row lock; the
 * (district, year, version) key refuses a concurrent twin (409).
 *
 * @example await createCatalogueVersion(deps, coordinator, { year: 2021, entries: [{ type: 'one_plus_x_certificate', certificateCode: null, certificateName: '', level: 'intermediate', suggestedCredits: 80 }] })
 */
export async function createCatalogueVersion(
  deps: ModuleDeps,
  actor: Actor,
  input: { year: number; note?: string; entries: readonly CatalogueLine[] },
) {
  const districtId = actor.districtId;
  if (!districtId) throw new AppError('OUTCOME_NO_DISTRICT', 400);
  if (!mayKeepCatalogue(actor, districtId)) throw forbidden();
  const problems = lineProblems(input.entries);
  if (problems.length > 0) throw new AppError('OUTCOME_CATALOGUE_INVALID', 400, problems);
  const id = await deps.transaction(async (trx) => {
    const version = (await repo.lockLatestVersion(trx, districtId, input.year)) + 1;
    const now = deps.clock.now();
    const catalogueId = await repo.insertCatalogue(
      trx,
      {
        districtId,
        year: input.year,
        version,
        note: input.note?.trim() ?? '',
        createdBy: actor.userId,
        createdAt: now,
      },
      input.entries.map((e) => ({
        type: e.type,
        certificateCode: e.certificateCode?.trim() || null,
        certificateName: e.certificateName.trim(),
        level: e.level,
        suggestedCredits: e.suggestedCredits,
      })),
    );
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'outcome_catalogue.created',
      objectType: 'outcome_catalogue',
      objectId: catalogueId,
      details: { year: input.year, version, lines: input.entries.length },
    });
    return catalogueId;
  });
  return getCatalogue(deps, actor, id);
}
