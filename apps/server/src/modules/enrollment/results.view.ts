import type { listBatches, listPrograms } from './enrollment.repository.ts';
import type { MatchingOutput } from './matching/index.ts';
import type { findPlacement, listPublishedRuns } from './runs.repository.ts';

type PublishedRun = Awaited<ReturnType<typeof listPublishedRuns>>[number];
type Batch = Awaited<ReturnType<typeof listBatches>>[number];
type Program = Awaited<ReturnType<typeof listPrograms>>[number];
type Placement = NonNullable<Awaited<ReturnType<typeof findPlacement>>>;

/** Published runs with each program's result (cut-off, admitted) by program code. */
export function withProgramResults(runs: PublishedRun[]) {
  return runs.map((r) => {
    const out = JSON.parse(r.output) as MatchingOutput;
    return { ...r, programs: new Map(out.programs.map((p) => [p.id, p])) };
  });
}

type RunResults = ReturnType<typeof withProgramResults>[number];

/**
 * The why of a result: every program the candidate listed above the one obtained (or all, in each
 * published batch, when unplaced), with its cut-off.
 */
function whyOf(
  batches: Batch[],
  runs: RunResults[],
  choicesOf: (batchId: string) => string[],
  programs: ReadonlyMap<string, Program>,
  placement: Placement | undefined,
) {
  const why = [];
  for (const b of batches) {
    const run = runs.find((r) => r.batchId === b.id);
    const choices = choicesOf(b.id);
    if (!run || choices.length === 0) continue;
    const placedHere = placement?.batchId === b.id;
    const upTo = placedHere ? placement.choice - 1 : choices.length;
    for (let i = 0; i < upTo; i++) {
      const p = programs.get(choices[i]!);
      if (!p) continue;
      const cutoff = run.programs.get(p.code)?.cutoff;
      why.push({
        batch: b.name,
        choice: i + 1,
        programCode: p.code,
        program: p.name,
        school: p.schoolName,
        cutoff: cutoff ? cutoff.score : null,
      });
    }
    if (placedHere) break;
  }
  return why;
}

/**
 * Which explanation a result reads with, so that it never contradicts itself: `first_choice` when
 * the candidate was admitted with nothing listed above the program obtained; `later_choice` when
 * programs listed above it are shown with their cut-offs; `unplaced` (not admitted, with the
 * programs listed) or `no_choices` (nothing listed in the published batches).
 */
export function explanationOf(admitted: boolean, whyRows: number) {
  if (admitted) return whyRows === 0 ? ('first_choice' as const) : ('later_choice' as const);
  return whyRows === 0 ? ('no_choices' as const) : ('unplaced' as const);
}

/**
 * A candidate's result as they see it: admitted where, or not (yet), their 投档分 (原始总分 +
 * 政策照顾分, what the cut-offs are compared with), and why.
 */
export function lookupAnswer(
  c: { examNumber: string; name: string; total: number; bonus: number },
  parts: {
    batches: Batch[];
    runs: RunResults[];
    choicesOf: (batchId: string) => string[];
    programs: ReadonlyMap<string, Program>;
    placement: Placement | undefined;
  },
) {
  const { batches, runs, placement } = parts;
  const allPublished = batches.every((b) => runs.some((r) => r.batchId === b.id));
  const why = whyOf(batches, runs, parts.choicesOf, parts.programs, placement);
  return {
    examNumber: c.examNumber,
    name: c.name,
    score: Math.round((Number(c.total) + Number(c.bonus)) * 100) / 100,
    status: placement
      ? ('admitted' as const)
      : allPublished
        ? ('not_admitted' as const)
        : ('pending' as const),
    admission: placement
      ? {
          batch: placement.batchName,
          program: placement.programName,
          programCode: placement.programCode,
          school: placement.schoolName,
          track: placement.track,
          choice: placement.choice,
        }
      : null,
    why,
    explanation: explanationOf(Boolean(placement), why.length),
  };
}

/** Each program of the published batches with its quota, seats filled, fill rate and cut-off. */
export function cutoffRows(runs: RunResults[], programs: Program[]) {
  const out = [];
  for (const r of runs)
    for (const p of programs.filter((x) => x.batchId === r.batchId)) {
      const res = r.programs.get(p.code);
      const admitted = res?.admitted ?? 0;
      out.push({
        batch: r.batchName,
        code: p.code,
        name: p.name,
        school: p.schoolName,
        track: p.track,
        quota: p.quota,
        admitted,
        fillRate: p.quota === 0 ? 0 : Math.round((admitted / p.quota) * 10000) / 10000,
        cutoff: res?.cutoff ? res.cutoff.score : null,
      });
    }
  return out;
}
