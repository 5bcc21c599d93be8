import type { Actor } from '../../platform/auth/actor.ts';
import { seededRandom } from '../../platform/demo/seeded-random.ts';
import { createJobsService } from '../../platform/jobs/index.ts';
import type { DemoContext, DemoSummary } from '../../platform/modules/module-definition.ts';
import { listCandidateKeys, listPlacedCandidateIds } from './candidates.repository.ts';
import {
  candidateFile,
  DECLINED,
  makeCandidates,
  pastSeason,
  PRESENT_SEASON,
  SUBJECTS,
  vocationalChoices,
  type SeasonProfile,
} from './enrollment.demo-data.ts';
import type { EnrollmentModule } from './index.ts';
import { listPlacedCandidates } from './runs.repository.ts';

/**
 * The module's demo (`demo` of its definition): a finished season of the last admission year, after
 * a smaller finished season of each of the plan's own years before it.
 */
export async function enrollmentDemo(ctx: DemoContext<EnrollmentModule>): Promise<DemoSummary> {
  const { candidates, placed, registered, pastSeasons } = await loadEnrollmentDemo(ctx);
  const [first, last] = [pastSeasons[0], pastSeasons.at(-1)];
  const past = first === undefined ? null : first === last ? `${first}` : `${first}–${last}`;
  return {
    zh: `${candidates} 名中考考生、${placed} 人录取、${registered} 人报到${past ? `及 ${past} 年往年招生季` : ''}`,
    en: `${candidates} enrolment candidates (${placed} placed, ${registered} registered${past ? `; past seasons ${past}` : ''})`,
  };
}

/** The admission year whose season is over by `today`: this year's once 报到 (late August) is past. */
export function demoAdmissionYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return today >= `${year}-09-01` ? year : year - 1;
}

/**
 * The enrolment records of the demo: first a season of each of the plan's years before the last
 * admission year (`planYears`; smaller, see `PAST_SEASONS`), each closed once 报到 is done, so the
 * plan's yearly 职普比 is judged on a season of its own and the unified platform (T03) is in use
 * from the first one; then the last admission year's season, left open. Answers the last season's
 * counts and the past years it made.
 */
export async function loadEnrollmentDemo(ctx: DemoContext<EnrollmentModule>) {
  const year = demoAdmissionYear(ctx.today);
  const pastSeasons = ctx.planYears.filter((y) => y < year);
  for (const y of pastSeasons) {
    const { seasonId } = await loadSeason(ctx, y, pastSeason(y));
    await ctx.at(`${y}-09-30`).setup.changeState(await ctx.actor('coordinator'), seasonId, 'closed');
  }
  const { candidates, placed, registered } = await loadSeason(ctx, year, PRESENT_SEASON);
  return { candidates, placed, registered, pastSeasons };
}

/**
 * A finished 统一招生 season as a district would have it in the autumn: set up in April, the exam
 * office's file imported in May, 普高批 preferences filled by the junior highs in late June,
 * matched, reviewed and published; the candidates not placed go on to 中职批 in July; 报到
 * recorded by the receiving schools in late August — most enrolled, a few did not, with a reason.
 * Every record goes through the service use cases on the day it happened. The registrations feed
 * the plan's 职普比 indicator (T03) for the admission year's periods.
 */
async function loadSeason(
  ctx: DemoContext<EnrollmentModule>,
  year: number,
  profile: SeasonProfile,
): Promise<{ seasonId: string; candidates: number; placed: number; registered: number }> {
  const { general, vocational: offered } = profile;
  const on = (monthDay: string) => ctx.at(`${year}-${monthDay}`);
  const at = (monthDay: string) => `${year}-${monthDay}T00:00:00+08:00`;
  const coordinator = await ctx.actor('coordinator');
  const clerks: Record<string, Actor> = {
    'SD-JHS1': await ctx.actor('jhs1'),
    'SD-JHS2': await ctx.actor('jhs2'),
    'SD-HS1': await ctx.actor('hs1'),
    'SD-VHS': await ctx.actor('vhs'),
    'SD-VEC': await ctx.actor('vec'),
  };

  // 1. Set-up in April: subjects, tie-break, two batches, their programs.
  let s = on('04-10');
  const created = await s.setup.createSeason(coordinator, {
    admissionYear: year,
    name: `${year}年上党区高中阶段学校统一招生`,
    subjects: SUBJECTS.map(({ key, name }) => ({ key, name })),
    tieBreak: ['math', 'chinese', 'english', 'physics', 'chemistry'],
  });
  const seasonId = created.id;
  await s.setup.addBatch(coordinator, seasonId, {
    code: 'GENERAL',
    name: '普高批',
    position: 1,
    opensAt: at('06-20'),
    closesAt: at('06-27'),
    maxChoices: 1,
  });
  let season = await s.setup.addBatch(coordinator, seasonId, {
    code: 'VOCATIONAL',
    name: '中职批',
    position: 2,
    opensAt: at('07-05'),
    closesAt: at('07-10'),
    maxChoices: 3,
  });
  const batchId = (code: string) => season.batches.find((b) => b.code === code)!.id;
  for (const p of [general, ...offered])
    season = await s.setup.addProgram(coordinator, seasonId, {
      batchId: batchId(p.track === 'general' ? 'GENERAL' : 'VOCATIONAL'),
      code: p.code,
      name: p.name,
      schoolCode: p.school,
      track: p.track,
      quota: p.quota,
      ...(p.minScore === undefined ? {} : { minScore: p.minScore }),
      ...(p.requires ? { requires: p.requires } : {}),
      ...(p.reserved ? { reserved: p.reserved } : {}),
    });
  const programId = new Map(season.programs.map((p) => [p.code, p.id]));

  // 2. The exam office's file in May (the real upload), then the season opens.
  s = on('05-20');
  const candidates = makeCandidates(year, profile.candidates);
  await s.candidates.importCandidates(coordinator, seasonId, {
    buffer: await candidateFile(candidates, new Date(`${year}-05-18T09:00:00+08:00`)),
    filename: `${year}年中考成绩-考生名单.xlsx`,
  });
  await on('05-25').setup.changeState(coordinator, seasonId, 'open');
  const ids = new Map((await listCandidateKeys(ctx.db, seasonId)).map((c) => [c.examNumber, c.id]));
  const rand = seededRandom(year * 104_729);

  // 3. 普高批: most candidates apply to 区一中; a few strong and most weak ones go straight to 中职批.
  const straightToVocational = new Set<string>();
  for (const c of candidates)
    if (c.score >= 220 ? rand() < 0.06 : rand() > 0.2) straightToVocational.add(c.exam);
  s = on('06-22');
  await concurrently(
    candidates.filter((c) => !straightToVocational.has(c.exam)),
    (c) =>
      s.preferences.setPreferences(clerks[c.school]!, ids.get(c.exam)!, {
        batchId: batchId('GENERAL'),
        choices: [programId.get(general.code)!],
      }),
  );
  // A few change their minds before the window closes (kept in the history).
  s = on('06-25');
  for (const c of candidates.filter((x) => straightToVocational.has(x.exam)).slice(0, 3))
    await s.preferences.setPreferences(clerks[c.school]!, ids.get(c.exam)!, {
      batchId: batchId('GENERAL'),
      choices: [programId.get(general.code)!],
    });
  await matchBatch(ctx, year, coordinator, batchId('GENERAL'), ['07-01', '07-02', '07-03']);

  // 4. 中职批: the candidates not placed; most list up to three majors, some none (复读, 外地).
  const placedGeneral = await listPlacedCandidateIds(ctx.db, seasonId);
  const vocational = candidates
    .filter((c) => !placedGeneral.has(ids.get(c.exam)!) && rand() >= profile.noVocational)
    .map((c) => ({
      c,
      choices: vocationalChoices(rand, c.sex, 1 + Math.floor(rand() * 3), offered),
    }));
  s = on('07-06');
  await concurrently(vocational, ({ c, choices }) =>
    s.preferences.setPreferences(clerks[c.school]!, ids.get(c.exam)!, {
      batchId: batchId('VOCATIONAL'),
      choices: choices.map((p) => programId.get(p.code)!),
    }),
  );
  await matchBatch(ctx, year, coordinator, batchId('VOCATIONAL'), ['07-11', '07-12', '07-13']);

  // 5. 报到 in late August, recorded by each receiving school.
  const programOf = new Map([general, ...offered].map((p) => [programId.get(p.code)!, p]));
  const placements = (await listPlacedCandidates(ctx.db, [...programId.values()]))
    .sort((a, b) => (a.examNumber < b.examNumber ? -1 : 1))
    .map((p) => {
      const program = programOf.get(p.programId)!;
      return { candidateId: p.candidateId, track: program.track, school: program.school };
    });
  const outcomes = placements.map((p, i) => {
    const declines = rand() < (p.track === 'general' ? 0.03 : 0.08);
    const reasons = DECLINED[p.track];
    return {
      ...p,
      day: p.track === 'general' ? '08-25' : i % 2 === 0 ? '08-26' : '08-27',
      input: declines
        ? { status: 'declined' as const, reason: reasons[Math.floor(rand() * reasons.length)]! }
        : { status: 'registered' as const },
    };
  });
  await concurrently(outcomes, (p) =>
    on(p.day).registration.recordRegistration(clerks[p.school]!, p.candidateId, p.input),
  );
  const registered = outcomes.filter((p) => p.input.status === 'registered').length;
  return { seasonId, candidates: candidates.length, placed: placements.length, registered };
}

/**
 * Calls `fn` on every item, a few at a time: the demo's records of one day are independent of each
 * other, and overlapping the calls keeps the demo's start short.
 */
async function concurrently<T>(items: readonly T[], fn: (item: T) => Promise<unknown>, width = 6) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: width }, worker));
}

/** Runs a batch's match as a job (waiting for it), reviews the run and publishes it, on three days. */
async function matchBatch(
  ctx: DemoContext<EnrollmentModule>,
  year: number,
  coordinator: Actor,
  batchId: string,
  [runOn, reviewOn, publishOn]: [string, string, string],
) {
  const on = (monthDay: string) => ctx.at(`${year}-${monthDay}`);
  const { jobId } = await on(runOn).matching.startRun(coordinator, batchId);
  // The job runs on the runner of that day's services (the module's `jobs`).
  const deps = ctx.depsAt(`${year}-${runOn}`);
  await deps.jobs.settled(jobId);
  const job = await createJobsService({ db: deps.db }).getJob(coordinator, jobId);
  if (job.state !== 'succeeded')
    throw new Error(`The demo's match of batch ${batchId} failed: ${JSON.stringify(job.error)}`);
  const { runId } = job.result as { runId: string };
  await on(reviewOn).matching.reviewRun(coordinator, runId);
  await on(publishOn).matching.publishRun(coordinator, runId);
}
