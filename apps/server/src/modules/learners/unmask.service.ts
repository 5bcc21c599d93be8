import { SECURITY_ALERT_ACTION } from '../../platform/audit/audit-log.ts';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { PII_VIEWS_PER_HOUR } from './learners.config.ts';
import { canSeeSchool, mayManageSchool } from './learners.policy.ts';
import * as repo from './learners.repository.ts';

/**
 * A learner's ID number and birth date in clear, for the school's register keeper; each view is
 * audited (`learner.pii_view`). At most `PII_VIEWS_PER_HOUR` an account an hour: past it the view
 * is refused (429), audited as denied and, once an hour, a security alert goes to the audit
 * administrator.
 *
 * @example await unmaskLearner(deps, clerk, id) // { idNumber: '140421200603150034', birthDate: '2006-03-15' }
 */
export async function unmaskLearner(deps: ModuleDeps, actor: Actor, learnerId: string) {
  const row = await repo.findLearner(deps.db, learnerId);
  if (!row || !canSeeSchool(actor, row.schoolId)) throw notFound();
  if (!mayManageSchool(actor, row.schoolId)) throw forbidden();
  const hourAgo = new Date(deps.clock.now().getTime() - 3_600_000);
  const allowed = await deps.transaction(async (trx) => {
    const query = { actorId: actor.userId, since: hourAgo };
    const who = auditActorOf(actor);
    const view = { action: 'learner.pii_view', objectType: 'learner', objectId: learnerId };
    const fields = ['idNumber', 'birthDate'];
    if ((await deps.audit.countRecent(trx, { ...query, action: view.action })) < PII_VIEWS_PER_HOUR) {
      await deps.audit.record(trx, who, { ...view, details: { fields } });
      return true;
    }
    await deps.audit.record(trx, who, {
      ...view,
      result: 'denied',
      details: { fields, reason: 'hourly_limit' },
    });
    if ((await deps.audit.countRecent(trx, { ...query, action: SECURITY_ALERT_ACTION })) === 0)
      await deps.audit.record(trx, who, {
        action: SECURITY_ALERT_ACTION,
        objectType: 'learner',
        objectId: learnerId,
        details: { kind: 'pii_view_limit', limit: PII_VIEWS_PER_HOUR, windowMinutes: 60 },
      });
    return false;
  });
  if (!allowed) throw new AppError('LEARNER_PII_VIEW_LIMIT', 429);
  const secret = await repo.findLearnerSecrets(deps.db, learnerId);
  return {
    idNumber: deps.crypto.decrypt(secret.idCipher),
    birthDate: deps.crypto.decrypt(secret.birthDateCipher),
  };
}
