import { createHash } from 'node:crypto';
import { canonicalJson } from '../../platform/audit/audit-log.ts';
import type { Executor } from '../../platform/db/database.ts';
import * as repo from './enrollment.repository.ts';
import type { MatchingInput, ProgramInput } from './matching/index.ts';

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
  const schoolIds = programs.flatMap((p) => p.reserved.flatMap((r) => r.schoolIds));
  const rows = await db
    .selectFrom('enrollmentPreference as pr')
    .innerJoin('enrollmentCandidate as c', 'c.id', 'pr.candidateId')
    .innerJoin('orgUnit as o', 'o.id', 'c.schoolId')
    .leftJoin('enrollmentPlacement as pl', 'pl.candidateId', 'c.id')
    .select([
      'c.id',
      'c.examNumber',
      'c.total',
      'c.bonus',
      'c.sex',
      'c.scores',
      'o.code as schoolCode',
      'pr.choices',
    ])
    .where('pr.batchId', '=', batch.id)
    .where('pl.candidateId', 'is', null)
    .orderBy('c.examNumber')
    .execute();
  const codes = new Map((await repo.findUnitsByIds(db, schoolIds)).map((u) => [u.id, u.code]));
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
