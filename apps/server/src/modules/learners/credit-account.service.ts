import type { Actor } from '../../platform/auth/actor.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { availableCredits, balance } from './credit-ledger.rules.ts';
import { canSeeSchool } from './learners.policy.ts';
import { findLearner } from './learners.repository.ts';
import { listEntries } from './ledger.repository.ts';

/**
 * A learner's credit-bank account (学分银行账户, 积累): every entry oldest first, the balance (the sum
 * of the entries, in tenths of a credit) and each outcome's credits standing, converted and
 * available. Seen as the learner is (404 otherwise).
 *
 * @example await getCreditAccount(deps, clerk, learnerId) // { balance: 80, entries: [{ id: 'post:…', kind: 'post', credits: 80, … }], outcomes: [...] }
 */
export async function getCreditAccount(deps: ModuleDeps, actor: Actor, learnerId: string) {
  const learner = await findLearner(deps.db, learnerId);
  if (!learner || !canSeeSchool(actor, learner.schoolId)) throw notFound();
  const entries = await listEntries(deps.db, learnerId);
  return {
    learnerId,
    balance: balance(entries),
    entries: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      outcomeId: e.outcomeId,
      credits: e.credits,
      reverses: e.kind === 'reverse' ? e.reverses : null,
      reason: e.reason,
      postedAt: e.postedAt,
    })),
    outcomes: availableCredits(entries).map(({ convertedBy: _c, ...rest }) => rest),
  };
}
