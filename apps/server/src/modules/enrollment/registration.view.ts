import type { listPlacedCandidates } from './runs.repository.ts';

type Placed = Awaited<ReturnType<typeof listPlacedCandidates>>[number];

/** An admitted candidate as the receiving school sees them: ID masked, 投档分, seat and 报到. */
export function admissionView(
  r: Placed,
  program: { id: string; code: string; name: string; schoolName: string },
) {
  return {
    candidateId: r.candidateId,
    examNumber: r.examNumber,
    name: r.name,
    idMasked: r.idMasked,
    sex: r.sex,
    juniorHigh: r.schoolName,
    program: { id: program.id, code: program.code, name: program.name, schoolName: program.schoolName },
    score: Math.round((r.total + r.bonus) * 1e6) / 1e6,
    choice: r.choice,
    seat: r.seat,
    registration: r.status ? { status: r.status, reason: r.reason, recordedAt: r.recordedAt! } : null,
  };
}

type Admission = ReturnType<typeof admissionView>;

/** By program code, then best score first, then exam number. */
export function byProgramThenScore(a: Admission, b: Admission): number {
  return (
    a.program.code.localeCompare(b.program.code) ||
    b.score - a.score ||
    a.examNumber.localeCompare(b.examNumber)
  );
}
