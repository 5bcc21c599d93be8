import type { Transcript } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { unitRefsByIds } from '../org/index.ts';
import { listConversionsOfLearner } from './conversion.repository.ts';
import { availableCredits, balance } from './credit-ledger.rules.ts';
import { canSeeSchool } from './learners.policy.ts';
import { findLearner, listStatusHistory, type LearnerRow } from './learners.repository.ts';
import { listEntries, type StoredEntry } from './ledger.repository.ts';
import { listOutcomesOfLearner } from './outcomes.repository.ts';

/*
 * A learner's transcript (成绩单 / 学分档案, issue 14): the register's facts, the recognised
 * outcomes with the credits standing for each, the approved conversions, and the totals — every
 * figure read from the append-only credit account (credit-ledger.rules.ts), so the balance is the
 * sum of the entries and nothing is kept twice.
 */

/** The learner behind an id the actor sees (404 otherwise: another school's clerk never learns it exists). */
export async function visibleLearner(deps: ModuleDeps, actor: Actor, learnerId: string): Promise<LearnerRow> {
  const learner = await findLearner(deps.db, learnerId);
  if (!learner || !canSeeSchool(actor, learner.schoolId)) throw notFound();
  return learner;
}

/**
 * A learner's transcript as of now, seen as the learner is (a school's clerk its own learners, the
 * district's reviewer the district's; 404 otherwise). Credits in tenths.
 *
 * @example await getTranscript(deps, clerk, learnerId) // { learner, outcomes, conversions, totals: { recognised: 80, converted: 60, balance: 20 }, generatedAt }
 */
export async function getTranscript(deps: ModuleDeps, actor: Actor, learnerId: string): Promise<Transcript> {
  const learner = await visibleLearner(deps, actor, learnerId);
  return buildTranscript(deps.db, learner, deps.clock.now());
}

/** The transcript of a learner the caller has checked the actor sees. */
export async function buildTranscript(db: Executor, learner: LearnerRow, now: Date): Promise<Transcript> {
  const [history, outcomes, entries, conversions, units] = await Promise.all([
    listStatusHistory(db, learner.id),
    listOutcomesOfLearner(db, learner.id),
    listEntries(db, learner.id),
    listConversionsOfLearner(db, learner.id),
    unitRefsByIds(db, [learner.schoolId]),
  ]);
  const credits = new Map(availableCredits(entries).map((c) => [c.outcomeId, c]));
  const recognisedOn = lastPostDates(entries);
  const standingConversions = standingConversionIds(entries);
  const shown = outcomes.filter((o) => o.status === 'recognised');
  const titles = new Map(outcomes.map((o) => [o.id, o.title]));
  const lines = shown.map((o) => ({
    id: o.id,
    type: o.type,
    title: o.title,
    level: o.level,
    issuer: o.issuer,
    number: o.number,
    achievedOn: o.achievedOn,
    recognisedOn: recognisedOn.get(o.id) ?? null,
    credits: credits.get(o.id)?.standing ?? 0,
    converted: credits.get(o.id)?.converted ?? 0,
  }));
  const all = [...credits.values()];
  const school = units.get(learner.schoolId)!;
  return {
    learner: {
      id: learner.id,
      name: learner.name,
      idMasked: learner.idMasked,
      school: { id: school.id, name: school.name },
      kind: learner.kind,
      majorCode: learner.majorCode,
      majorName: learner.majorName,
      className: learner.className,
      cohortYear: learner.cohortYear,
      status: learner.status,
      statusSince: learner.statusSince,
      history: history.map((h) => ({
        fromStatus: h.fromStatus,
        toStatus: h.toStatus,
        changedOn: h.changedOn,
      })),
    },
    outcomes: lines,
    conversions: conversions
      .filter((c) => c.status === 'approved' && standingConversions.has(c.id))
      .map((c) => ({
        id: c.id,
        outcomeId: c.outcomeId,
        outcomeTitle: titles.get(c.outcomeId) ?? '',
        courses: c.courses,
        credits: c.credits,
        approvedOn: c.decidedAt ? chinaDate(c.decidedAt) : null,
      })),
    totals: {
      recognised: all.reduce((sum, c) => sum + c.standing, 0),
      converted: all.reduce((sum, c) => sum + c.converted, 0),
      balance: balance(entries),
    },
    generatedAt: now.toISOString(),
  };
}

/** The China date each outcome's latest standing post was made: when its credits were recognised. */
function lastPostDates(entries: readonly StoredEntry[]): Map<string, string> {
  const reversed = new Set(entries.flatMap((e) => (e.kind === 'reverse' ? [e.reverses] : [])));
  const dates = new Map<string, string>();
  for (const e of entries)
    if (e.kind === 'post' && !reversed.has(e.id)) dates.set(e.outcomeId, chinaDate(e.postedAt));
  return dates;
}

/** The conversions whose convert entry stands (not reversed). */
function standingConversionIds(entries: readonly StoredEntry[]): Set<string> {
  const reversed = new Set(entries.flatMap((e) => (e.kind === 'reverse' ? [e.reverses] : [])));
  return new Set(
    entries.flatMap((e) => (e.kind === 'convert' && !reversed.has(e.id) ? [e.conversionId] : [])),
  );
}
