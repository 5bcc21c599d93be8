import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, fieldError } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { loadManagedBatch } from './enrollment.loaders.ts';
import { canManageSeason } from './enrollment.policy.ts';
import { Problems } from './enrollment.problems.ts';
import * as repo from './enrollment.repository.ts';
import { matchSeason, validateMatchingInput, type MatchingSummary } from './matching/index.ts';
import {
  batchCandidates,
  loadSimulatedBatches,
  loadSourceCandidates,
  type SimulatedBatch,
  type SourceCandidate,
} from './simulation-input.ts';
import type { Simulation, SimulationInput } from './simulation.schema.ts';

type Projection = Simulation['current'];
type ProgramMeta = { id: string; name: string; schoolName: string };

const share = (vocational: number, placed: number) =>
  placed === 0 ? 0 : Math.round((vocational / placed) * 10000) / 10000;

/**
 * The quota what-if (招生计划模拟) of 招生办: matches the season's batches in order, up to and
 * including the chosen one, on a season's candidates and preferences (the batch's own season, or
 * another of the district such as last year's, whose choices map onto this year's programs by
 * program code) — once with the current quotas and once with the quotas to try — and returns the
 * projected placements, 职普比 and each program's fill rate and cut-off. Reads only: nothing is
 * written, and the answer holds counts, never a candidate, so it is not audited.
 *
 * @example simulate(actor, batchId, { quotas: [{ programId, quota: 320 }] })
 */
export async function simulate(
  deps: ModuleDeps,
  actor: Actor,
  batchId: string,
  input: SimulationInput,
): Promise<Simulation> {
  const { db } = deps;
  const batch = await loadManagedBatch(db, actor, batchId);
  const source = await loadSource(db, actor, batch, input.sourceSeasonId);
  const batches = await loadSimulatedBatches(db, batch, source.id);
  const programs = new Map((await repo.listPrograms(db, { seasonId: batch.seasonId })).map((p) => [p.id, p]));
  const overrides = checkOverrides(input.quotas, batches, programs);
  const candidates = await loadSourceCandidates(db, source.id);
  const tieBreak = source.tieBreak;
  return {
    source: { seasonId: source.id, name: source.name, admissionYear: source.admissionYear },
    batches: batches.map((b) => ({ id: b.id, code: b.code, name: b.name, sourceBatch: b.sourceBatchCode })),
    current: project(batches, candidates, tieBreak, new Map(), programs),
    scenario: project(batches, candidates, tieBreak, overrides, programs),
  };
}

/** The season whose candidates are matched: the batch's own, or another of its district. */
async function loadSource(
  db: Executor,
  actor: Actor,
  batch: { seasonId: string; districtId: string },
  sourceSeasonId: string | undefined,
) {
  const season = await repo.findSeason(db, sourceSeasonId ?? batch.seasonId);
  if (!season || season.districtId !== batch.districtId || !canManageSeason(actor, season))
    throw fieldError(
      'sourceSeasonId',
      'SEASON_UNKNOWN',
      '找不到可用于模拟的招生季',
      'No season of this district with that id',
    );
  return season;
}

/** Quota overrides by program code per batch; refuses programs outside the batches and quotas below the reserved seats. */
function checkOverrides(
  quotas: SimulationInput['quotas'],
  batches: SimulatedBatch[],
  programs: Map<string, { code: string; batchId: string }>,
): Map<string, number> {
  const p = new Problems();
  const out = new Map<string, number>();
  quotas.forEach((q, i) => {
    const program = programs.get(q.programId);
    const batch = program && batches.find((b) => b.id === program.batchId);
    const engine = batch?.programs.find((x) => x.id === program!.code);
    if (!program || !engine) {
      p.add(
        `quotas.${i}.programId`,
        'PROGRAM_NOT_IN_BATCH',
        '该招生计划不在模拟的批次中',
        'The program is not in the simulated batches',
      );
      return;
    }
    const reserved = (engine.reserved ?? []).reduce((a, r) => a + r.capacity, 0);
    if (q.quota < reserved)
      p.add(
        `quotas.${i}.quota`,
        'BELOW_RESERVED',
        `计划数不能少于指标到校名额 ${reserved} 个`,
        `The quota cannot be below its ${reserved} reserved seats`,
      );
    else out.set(q.programId, q.quota);
  });
  p.throwIfAny();
  return out;
}

/** Matches the batches in order with the given quotas; a candidate placed in one leaves the pool. */
function project(
  batches: SimulatedBatch[],
  candidates: readonly SourceCandidate[],
  tieBreak: string[],
  overrides: Map<string, number>,
  meta: Map<string, ProgramMeta & { code: string; batchId: string; track: 'general' | 'vocational' }>,
): Projection {
  const placed = new Set<string>();
  const seen = new Set<string>();
  const out: Projection = { summary: emptySummary(), batches: [], programs: [] };
  for (const b of batches) {
    const programs = b.programs.map((p) => {
      const id = b.programIdByCode.get(p.id)!;
      return { ...p, capacity: overrides.get(id) ?? p.capacity };
    });
    const pool = batchCandidates(b, candidates, placed);
    const valid = validateMatchingInput(JSON.parse(JSON.stringify({ tieBreak, programs, candidates: pool })));
    if (!valid.ok) throw new AppError('ENROLLMENT_MATCH_INPUT_INVALID', 409, valid.issues);
    const result = matchSeason(valid.input);
    for (const c of pool) seen.add(c.id);
    for (const a of result.assignments) if (a.program) placed.add(a.candidate);
    out.batches.push({ batchId: b.id, summary: result.summary });
    for (const r of result.programs) {
      const id = b.programIdByCode.get(r.id)!;
      const m = meta.get(id)!;
      const engine = programs.find((p) => p.id === r.id)!;
      out.programs.push({
        programId: id,
        batchId: b.id,
        code: r.id,
        name: m.name,
        school: m.schoolName,
        track: m.track,
        quota: r.capacity,
        reserved: (engine.reserved ?? []).reduce((a, g) => a + g.capacity, 0),
        admitted: r.admitted,
        fillRate: r.capacity === 0 ? 0 : Math.round((r.admitted / r.capacity) * 10000) / 10000,
        cutoff: r.cutoff ? r.cutoff.score : null,
      });
    }
  }
  const general = out.batches.reduce((a, b) => a + b.summary.general, 0);
  const vocational = out.batches.reduce((a, b) => a + b.summary.vocational, 0);
  out.summary = {
    candidates: seen.size,
    placed: placed.size,
    unplaced: seen.size - placed.size,
    general,
    vocational,
    vocationalShare: share(vocational, general + vocational),
  };
  return out;
}

function emptySummary(): MatchingSummary {
  return { candidates: 0, placed: 0, unplaced: 0, general: 0, vocational: 0, vocationalShare: 0 };
}
