import type { Executor } from '../../platform/db/database.ts';
import { listSeasonCandidates, listSeasonPreferences } from './candidates.repository.ts';
import * as repo from './enrollment.repository.ts';
import { buildBatchInput } from './match-input.ts';
import type { CandidateInput, ProgramInput } from './matching/index.ts';

/** A batch to simulate: its programs as the engine sees them, and the source batch feeding it. */
export interface SimulatedBatch {
  id: string;
  code: string;
  name: string;
  programs: ProgramInput[];
  programIdByCode: Map<string, string>;
  sourceBatchId: string | null;
  sourceBatchCode: string | null;
}

/** A candidate of the source season with their choices per source batch, as program codes. */
export interface SourceCandidate {
  id: string;
  score: number;
  bonus: number;
  school: string;
  sex: string;
  subjects: Record<string, number>;
  choices: Map<string, string[]>;
}

/**
 * The target season's batches up to and including `batch`, in order, each with its programs built
 * by the match-input builder (same engine ids and reserved groups as a real run), paired with the
 * source season's batch of the same code, else of the same position.
 */
export async function loadSimulatedBatches(
  db: Executor,
  batch: { id: string; seasonId: string; position: number; tieBreak: string[] },
  sourceSeasonId: string,
): Promise<SimulatedBatch[]> {
  const targets = (await repo.listBatches(db, batch.seasonId)).filter((b) => b.position <= batch.position);
  const sources = await repo.listBatches(db, sourceSeasonId);
  const out: SimulatedBatch[] = [];
  for (const b of targets) {
    const built = await buildBatchInput(db, { id: b.id, seasonId: b.seasonId, tieBreak: batch.tieBreak });
    const source =
      sources.find((s) => s.code === b.code) ?? sources.find((s) => s.position === b.position) ?? null;
    out.push({
      id: b.id,
      code: b.code,
      name: b.name,
      programs: built.input.programs,
      programIdByCode: built.programIdByCode,
      sourceBatchId: source?.id ?? null,
      sourceBatchCode: source?.code ?? null,
    });
  }
  return out;
}

/**
 * Every candidate of the source season with their preferences in each batch, by exam number
 * (placements are ignored: the simulation matches from the preferences alone). Choices are program
 * codes, so another year's preferences map onto this year's programs of the same code.
 */
export async function loadSourceCandidates(db: Executor, seasonId: string): Promise<SourceCandidate[]> {
  const codeOf = new Map((await repo.listPrograms(db, { seasonId })).map((p) => [p.id, p.code]));
  const rows = await listSeasonCandidates(db, seasonId);
  const prefs = await listSeasonPreferences(db, seasonId);
  const byCandidate = new Map<string, Map<string, string[]>>();
  for (const p of prefs) {
    const m = byCandidate.get(p.candidateId) ?? new Map<string, string[]>();
    m.set(
      p.batchId,
      p.choices.map((id) => codeOf.get(id)).filter((x): x is string => x !== undefined),
    );
    byCandidate.set(p.candidateId, m);
  }
  return rows.map((c) => ({
    id: c.examNumber,
    score: c.total,
    bonus: c.bonus,
    school: c.schoolCode,
    sex: c.sex,
    subjects: c.scores,
    choices: byCandidate.get(c.id) ?? new Map(),
  }));
}

/**
 * The engine candidates of one simulated batch: those not placed by an earlier simulated batch whose
 * choices in the source batch name at least one of this batch's programs (others dropped, order
 * kept).
 */
export function batchCandidates(
  batch: SimulatedBatch,
  candidates: readonly SourceCandidate[],
  placed: ReadonlySet<string>,
): CandidateInput[] {
  if (!batch.sourceBatchId) return [];
  const offered = new Set(batch.programs.map((p) => p.id));
  const out: CandidateInput[] = [];
  for (const c of candidates) {
    if (placed.has(c.id)) continue;
    const preferences = [
      ...new Set((c.choices.get(batch.sourceBatchId) ?? []).filter((code) => offered.has(code))),
    ];
    if (preferences.length === 0) continue;
    out.push({
      id: c.id,
      score: c.score,
      bonus: c.bonus,
      school: c.school,
      sex: c.sex,
      subjects: c.subjects,
      preferences,
    });
  }
  return out;
}
