import { createHash } from 'node:crypto';
import { canonicalJson } from '../../platform/audit/audit-log.ts';
import type { Executor } from '../../platform/db/database.ts';
import { unitRefsByIds } from '../org/index.ts';
import { listBatchEntrants } from './candidates.repository.ts';
import * as repo from './enrollment.repository.ts';
import type { MatchingInput, MatchingOutput, ProgramInput } from './matching/index.ts';

/** The engine input of a batch, with the maps back from its codes to database ids. */
export interface BatchInput {
  input: MatchingInput;
  inputHash: string;
  programIdByCode: Map<string, string>;
  candidateIdByExamNumber: Map<string, string>;
}

/**
 * Builds the matching engine's input for one batch from the database, in a fixed order so the same
 * data always gives byte-identical input (and so output): the batch's programs by code (engine id =
 * program code, reserved group id = `<program>/<group>`), and every candidate of the season not yet
 * placed by a published batch who listed at least one program of this batch, by exam number, with
 * 投档分 = total + bonus, the subject scores for the tie-break and their junior high's code.
 */
export async function buildBatchInput(
  db: Executor,
  batch: { id: string; seasonId: string; tieBreak: string[] },
): Promise<BatchInput> {
  const programs = await repo.listPrograms(db, { batchId: batch.id });
  const rows = await listBatchEntrants(db, batch.id);
  const feeders = await unitRefsByIds(
    db,
    programs.flatMap((p) => p.reserved.flatMap((r) => r.schoolIds)),
  );
  const codes = new Map([...feeders].map(([id, u]) => [id, u.code]));
  const codeOf = new Map(programs.map((p) => [p.id, p.code]));
  const input: MatchingInput = {
    tieBreak: batch.tieBreak,
    programs: programs.map((p) => {
      const out: ProgramInput = { id: p.code, name: p.name, track: p.track, capacity: p.quota };
      if (p.minScore !== null) out.minScore = p.minScore;
      if (p.requires.sex) out.requires = { sex: p.requires.sex };
      if (p.reserved.length > 0)
        out.reserved = p.reserved.map((r) => ({
          id: `${p.code}/${r.code}`,
          capacity: r.capacity,
          schools: r.schoolIds.map((id) => codes.get(id) ?? id).sort(),
        }));
      return out;
    }),
    candidates: rows
      .map((c) => ({
        id: c.examNumber,
        score: c.total,
        bonus: c.bonus,
        school: c.schoolCode,
        sex: c.sex,
        subjects: c.scores,
        preferences: c.choices.map((id) => codeOf.get(id)).filter((x): x is string => x !== undefined),
      }))
      .filter((c) => c.preferences.length > 0),
  };
  return {
    input,
    inputHash: createHash('sha256').update(canonicalJson(input)).digest('hex'),
    programIdByCode: new Map(programs.map((p) => [p.code, p.id])),
    candidateIdByExamNumber: new Map(rows.map((c) => [c.examNumber, c.id])),
  };
}

/** The placements of a run's output: each placed candidate's program, seat and choice, by id. */
export function placementsOf(
  output: MatchingOutput,
  run: { id: string },
  batch: { id: string; seasonId: string },
  built: Pick<BatchInput, 'programIdByCode' | 'candidateIdByExamNumber'>,
) {
  return output.assignments
    .filter((a) => a.program !== null)
    .map((a) => ({
      candidateId: built.candidateIdByExamNumber.get(a.candidate)!,
      seasonId: batch.seasonId,
      batchId: batch.id,
      runId: run.id,
      programId: built.programIdByCode.get(a.program!)!,
      seat: a.seat,
      choice: a.choice!,
    }));
}
