import type { OutcomeStatus } from '@zhijiao/contracts';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import { firstReadable } from '../../platform/files/attachments.ts';
import { checkEvidenceFiles } from '../../platform/files/evidence-check.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { mayRecordOutcomes, outcomeAbilities } from './credit-bank.policy.ts';
import { canSeeSchool, visibleSchoolIds } from './learners.policy.ts';
import * as learners from './learners.repository.ts';
import { outcomeColumns, outcomeInputProblems, type OutcomeInput } from './outcome-input.ts';
import * as repo from './outcomes.repository.ts';
import { insertSittings } from './sittings.repository.ts';

/*
 * Learning outcomes (学习成果) of the register's learners: recorded by the learner's school (by hand
 * here, or from a 培训评价组织's results file: outcome-import.ts), 待认定 until the district decides
 * (outcome-review.service.ts). One certificate number of one issuer is one outcome.
 */

const today = (deps: ModuleDeps) => chinaDate(deps.clock.now());

/** An outcome as answered: with the actor's abilities. */
function shown<T extends repo.OutcomeRow>(actor: Actor, row: T) {
  return { ...row, abilities: outcomeAbilities(actor, row) };
}

/** The outcome behind an id the actor sees (404 otherwise). */
export async function visibleOutcome(deps: ModuleDeps, actor: Actor, outcomeId: string) {
  const row = await repo.findOutcome(deps.db, outcomeId);
  if (!row || !canSeeSchool(actor, row.schoolId)) throw notFound();
  return row;
}

/**
 * Records a learning outcome of one of the school's learners (its own clerk only), 待认定: checked
 * (a 1+X certificate's level and number, no date after today), the evidence the clerk's own upload,
 * the certificate number not yet held by another outcome of the issuer (409 `OUTCOME_DUPLICATE`).
 * A 1+X certificate is also its sitting passed (考核记录). The outcome, the sitting and the audit
 * row in one transaction.
 *
 * @example await recordOutcome(deps, clerk, learnerId, { type: 'one_plus_x_certificate', title: 'Web 前端开发', level: 'intermediate', issuer: '工业和信息化部教育与考试中心', number: 'X2021-0001', achievedOn: '2021-06-01' })
 */
export async function recordOutcome(deps: ModuleDeps, actor: Actor, learnerId: string, input: OutcomeInput) {
  const learner = await learners.findLearner(deps.db, learnerId);
  if (!learner || !canSeeSchool(actor, learner.schoolId)) throw notFound();
  if (!mayRecordOutcomes(actor, learner.schoolId)) throw forbidden();
  const problems = outcomeInputProblems(input, today(deps));
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 400, problems);
  const columns = outcomeColumns(input);
  const id = await deps.transaction(async (trx) => {
    if (columns.evidenceFileId)
      await checkEvidenceFiles(trx, actor, [columns.evidenceFileId], { field: () => 'evidenceFileId' });
    if (columns.numberKey) {
      const held = await repo.findOutcomesByCertificates(trx, [
        { issuer: columns.issuer, numberKey: columns.numberKey },
      ]);
      if (held.some((o) => o.issuer === columns.issuer && o.numberKey === columns.numberKey))
        throw new AppError('OUTCOME_DUPLICATE', 409, [
          {
            field: 'number',
            code: 'OUTCOME_DUPLICATE',
            message: `${columns.issuer} 的证书 ${columns.number} 已登记`,
            messageEn: `Certificate ${columns.number} of ${columns.issuer} is already recorded`,
          },
        ]);
    }
    const now = deps.clock.now();
    const [outcomeId] = await repo.insertOutcomes(trx, [
      {
        ...columns,
        learnerId,
        schoolId: learner.schoolId,
        districtId: learner.districtId,
        source: 'school',
        importId: null,
        status: 'pending',
        recordedBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    // A 1+X certificate held is a sitting passed (its issue date standing for the assessment's day).
    if (columns.type === 'one_plus_x_certificate')
      await insertSittings(trx, [
        {
          learnerId,
          schoolId: learner.schoolId,
          districtId: learner.districtId,
          majorCode: learner.majorCode,
          certificateCode: columns.certificateCode,
          certificateName: columns.title,
          level: columns.level!,
          issuer: columns.issuer,
          examOn: columns.achievedOn,
          passed: true,
          outcomeId: outcomeId!,
          importId: null,
          recordedAt: now,
        },
      ]);
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'learning_outcome.recorded',
      objectType: 'learning_outcome',
      objectId: outcomeId!,
      details: { learnerId, type: columns.type, level: columns.level, issuer: columns.issuer },
    });
    return outcomeId!;
  });
  return getOutcome(deps, actor, id);
}

/** One outcome with its recognitions (credits and the catalogue version judged by) and abilities. */
export async function getOutcome(deps: ModuleDeps, actor: Actor, outcomeId: string) {
  const row = await visibleOutcome(deps, actor, outcomeId);
  const recognitions = (await repo.listRecognitions(deps.db, outcomeId)).map((r) => ({
    id: r.id,
    credits: r.credits,
    note: r.note,
    recognisedAt: r.recognisedAt,
    catalogueYear: r.year,
    catalogueVersion: r.version,
  }));
  return { ...shown(actor, row), recognitions };
}

/** A learner's outcomes, oldest achieved first (404 for a learner the actor does not see). */
export async function listLearnerOutcomes(deps: ModuleDeps, actor: Actor, learnerId: string) {
  const learner = await learners.findLearner(deps.db, learnerId);
  if (!learner || !canSeeSchool(actor, learner.schoolId)) throw notFound();
  const rows = await repo.listOutcomesOfLearner(deps.db, learnerId);
  return rows.map((r) => shown(actor, r));
}

/**
 * Outcomes of the learners the actor sees, optionally of one status (the district's 待认定 queue:
 * `status: 'pending'`), oldest recorded first, with the learner's name and the total.
 */
export async function listOutcomes(
  deps: ModuleDeps,
  actor: Actor,
  query: { status?: OutcomeStatus; limit?: number; offset?: number },
) {
  const { rows, total } = await repo.listOutcomeRows(deps.db, {
    schoolIds: visibleSchoolIds(actor),
    ...(query.status ? { status: query.status } : {}),
    limit: query.limit ?? 100,
    offset: query.offset ?? 0,
  });
  return { items: rows.map((r) => shown(actor, r)), total };
}

/** An outcome with `fileId` as its evidence that the actor may read, or null (the file route's owner check). */
export async function readableOutcomeWithFile(deps: ModuleDeps, actor: Actor, fileId: string) {
  const ids = await repo.listOutcomeIdsWithFile(deps.db, fileId);
  return firstReadable(ids, (id) => visibleOutcome(deps, actor, id));
}
