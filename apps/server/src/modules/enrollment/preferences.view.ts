import type { UserRef } from '../../platform/auth/users.repository.ts';
import type { listPreferenceChanges, listPreferencesOfCandidate } from './candidates.repository.ts';
import type { listBatches, listPrograms } from './enrollment.repository.ts';
import { windowOpen } from './preferences.rules.ts';

type Batch = Awaited<ReturnType<typeof listBatches>>[number];
type Program = Awaited<ReturnType<typeof listPrograms>>[number];
type Current = Awaited<ReturnType<typeof listPreferencesOfCandidate>>[number];
type Change = Awaited<ReturnType<typeof listPreferenceChanges>>[number];

/**
 * A candidate's choices in each batch, by program code and name, whether they are locked now (the
 * season or the window not open), and every change with who made it.
 */
export function batchPreferences(parts: {
  batches: Batch[];
  programs: ReadonlyMap<string, Program>;
  current: Current[];
  history: Change[];
  users: ReadonlyMap<string, UserRef>;
  seasonOpen: boolean;
  now: Date;
}) {
  const { programs, current, history, users, seasonOpen, now } = parts;
  const code = (id: string) => programs.get(id)?.code ?? id;
  return parts.batches.map((b) => ({
    batchId: b.id,
    choices: (current.find((x) => x.batchId === b.id)?.choices ?? []).map((id) => ({
      programId: id,
      code: code(id),
      name: programs.get(id)?.name ?? '',
    })),
    locked: !seasonOpen || !windowOpen(b, now),
    history: history
      .filter((h) => h.batchId === b.id)
      .map((h) => ({
        at: h.changedAt,
        by: (h.changedBy && users.get(h.changedBy)?.username) ?? null,
        old: h.oldChoices?.map(code) ?? null,
        new: h.newChoices.map(code),
      })),
  }));
}
