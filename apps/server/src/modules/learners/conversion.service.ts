import { keepsVocationalRecords, type OutcomeLevel, type OutcomeType } from '@zhijiao/contracts';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { findDistrictOf, listOrgUnitInfo, unitRefsByIds } from '../org/index.ts';
import * as repo from './conversion.repository.ts';
import { checkConversion } from './conversion.rules.ts';
import { conversionAbilities, mayRecordOutcomes, mayReviewOutcomes } from './credit-bank.policy.ts';
import { convertEntry, reverseConversion as reversalOf, type LedgerEntry } from './credit-ledger.rules.ts';
import { canSeeSchool, visibleSchoolIds } from './learners.policy.ts';
import { findLearner, lockLearnerStanding } from './learners.repository.ts';
import { appendEntries, listEntries } from './ledger.repository.ts';
import { listOutcomesOfLearner } from './outcomes.repository.ts';

/*
 * Conversion (转换): a school publishes its rules as data (an outcome type at a minimum level exempts
 * courses for so many credits, per major, in force for a period); its clerk applies for a learner
 * under a rule — checked and explained by conversion.rules.ts, every reason given when refused —;
 * the district's reviewer approves (the `convert` entry uses the outcome's credits) or refuses.
 * Approval checks again, under the learner's and the application's row locks. The same reviewer
 * may reverse (撤销转换) an approved conversion with a reason: a reversing entry gives the credits
 * back (the `convert` entry is never edited) and the conversion reads 已撤销.
 */

const today = (deps: ModuleDeps) => chinaDate(deps.clock.now());

/** The conversion rules of the schools the actor sees, newest first. */
export async function listConversionRules(deps: ModuleDeps, actor: Actor) {
  return repo.listRules(deps.db, visibleSchoolIds(actor));
}

/**
 * Publishes a conversion rule of the clerk's own school (its register keeper only; a vocational
 * school). A rule is never changed: a new rule (and an end date on the old one's period when it
 * is published) replaces it.
 */
export async function createConversionRule(
  deps: ModuleDeps,
  actor: Actor,
  input: {
    majorCode?: string | null;
    outcomeType: OutcomeType;
    certificateCode?: string | null;
    minLevel?: OutcomeLevel | null;
    exempts: readonly string[];
    credits: number;
    validFrom: string;
    validTo?: string | null;
    note?: string;
  },
) {
  const schoolId = actor.orgUnitId;
  const [school] = await listOrgUnitInfo(deps.db, { ids: [schoolId] });
  if (!school || !keepsVocationalRecords(school) || !mayRecordOutcomes(actor, schoolId)) throw forbidden();
  const districtId = await findDistrictOf(deps.db, schoolId);
  if (!districtId) throw new AppError('LEARNER_NOT_A_SCHOOL', 400);
  if (input.validTo && input.validTo < input.validFrom)
    throw fieldError(
      'validTo',
      'DATE_ORDER',
      '截止日期早于起始日期',
      'The end date is before the start date',
    );
  const exempts = [...new Set(input.exempts.map((c) => c.trim()).filter(Boolean))];
  if (exempts.length === 0)
    throw fieldError('exempts', 'REQUIRED', '请填写免修课程代码', 'Name the courses exempted');
  const id = await deps.transaction(async (trx) => {
    const ruleId = await repo.insertRule(trx, {
      schoolId,
      districtId,
      majorCode: input.majorCode?.trim() || null,
      outcomeType: input.outcomeType,
      certificateCode: input.certificateCode?.trim() || null,
      minLevel: input.minLevel ?? null,
      exempts,
      credits: input.credits,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      note: input.note?.trim() ?? '',
      createdBy: actor.userId,
      createdAt: deps.clock.now(),
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'conversion_rule.created',
      objectType: 'conversion_rule',
      objectId: ruleId,
      details: { schoolId, outcomeType: input.outcomeType, exempts, credits: input.credits },
    });
    return ruleId;
  });
  return (await repo.findRule(deps.db, id))!;
}

/** The check of a learner's conversion under a rule, on today's facts (`except`: an application not to count). */
async function check(
  deps: ModuleDeps,
  db: Executor,
  learner: { id: string; schoolId: string; majorCode: string },
  rule: repo.RuleRow,
  except: string | null,
) {
  const ledger: LedgerEntry[] = await listEntries(db, learner.id);
  const outcomes = (await listOutcomesOfLearner(db, learner.id)).filter((o) => o.status === 'recognised');
  const reversed = new Set(ledger.flatMap((e) => (e.kind === 'reverse' ? [e.reverses] : [])));
  const standing = new Set(
    ledger.flatMap((e) => (e.kind === 'convert' && !reversed.has(e.id) ? [e.conversionId] : [])),
  );
  const taken = new Set(
    (await repo.listConversionsOfLearner(db, learner.id))
      .filter((c) => c.id !== except && (c.status === 'applied' || standing.has(c.id)))
      .flatMap((c) => c.courses),
  );
  const result = checkConversion(
    repo.asRule(rule),
    { schoolId: learner.schoolId, major: learner.majorCode, outcomes },
    ledger,
    (course) => taken.has(course),
    today(deps),
  );
  return { result, ledger };
}

const refused = (reasons: ReadonlyArray<{ field: string; code: string; zh: string; en: string }>) =>
  new AppError(
    'CONVERSION_REFUSED',
    409,
    reasons.map((r) => ({ field: r.field, code: r.code, message: r.zh, messageEn: r.en })),
  );

/**
 * Applies for a learner's conversion under a rule (the school's own clerk): checked and explained
 * now (409 `CONVERSION_REFUSED` with every reason), recorded 申请中 with the explanation.
 *
 * @example await applyForConversion(deps, clerk, learnerId, { ruleId }) // { status: 'applied', credits: 80, explanationZh: '以1+X …免修课程：C101、C102', … }
 */
export async function applyForConversion(
  deps: ModuleDeps,
  actor: Actor,
  learnerId: string,
  input: { ruleId: string },
) {
  const learner = await findLearner(deps.db, learnerId);
  if (!learner || !canSeeSchool(actor, learner.schoolId)) throw notFound();
  if (!mayRecordOutcomes(actor, learner.schoolId)) throw forbidden();
  const rule = await repo.findRule(deps.db, input.ruleId);
  if (!rule || !canSeeSchool(actor, rule.schoolId))
    throw fieldError('ruleId', 'NOT_FOUND', '未找到该转换规则', 'No such conversion rule');
  const id = await deps.transaction(async (trx) => {
    await lockLearnerStanding(trx, learnerId);
    const { result } = await check(deps, trx, learner, rule, null);
    if (!result.ok) throw refused(result.reasons);
    const e = result.explanation;
    const conversionId = await repo.insertConversion(trx, {
      learnerId,
      schoolId: learner.schoolId,
      districtId: learner.districtId,
      ruleId: rule.id,
      outcomeId: e.outcomeId,
      credits: e.credits,
      courses: [...e.courses],
      explanationZh: e.zh,
      explanationEn: e.en,
      status: 'applied',
      appliedBy: actor.userId,
      appliedAt: deps.clock.now(),
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'credit_conversion.applied',
      objectType: 'credit_conversion',
      objectId: conversionId,
      details: { learnerId, ruleId: rule.id, outcomeId: e.outcomeId, credits: e.credits },
    });
    return conversionId;
  });
  return withAbilities(actor)((await repo.findConversion(deps.db, id))!);
}

const withAbilities =
  (actor: Actor) =>
  <T extends repo.ConversionRow>(c: T) => ({ ...c, abilities: conversionAbilities(actor, c) });

/** A learner's conversions, oldest first (404 for a learner the actor does not see). */
export async function listLearnerConversions(deps: ModuleDeps, actor: Actor, learnerId: string) {
  const learner = await findLearner(deps.db, learnerId);
  if (!learner || !canSeeSchool(actor, learner.schoolId)) throw notFound();
  return (await repo.listConversionsOfLearner(deps.db, learnerId)).map(withAbilities(actor));
}

/**
 * The queue of conversions in a status (待审转换: `applied`), oldest applied first, a page and the
 * total. The district's reviewer sees its district's schools; a school's clerk its own school's
 * (it follows its applications, the district decides them); anyone else none.
 *
 * @example await listConversionQueue(deps, coordinator, { status: 'applied', limit: 50, offset: 0 }) // { items: [{ learnerName, schoolName, explanationZh, abilities: { approve: true, … } }], total: 3 }
 */
export async function listConversionQueue(
  deps: ModuleDeps,
  actor: Actor,
  query: { status: repo.ConversionRow['status']; limit?: number; offset?: number },
) {
  const review = actor.permissions.has('creditBank.review');
  if (review && !actor.districtId) return { items: [], total: 0 };
  const scope = review
    ? { schoolIds: visibleSchoolIds(actor), districtId: actor.districtId }
    : { schoolIds: mayRecordOutcomes(actor, actor.orgUnitId) ? [actor.orgUnitId] : [], districtId: null };
  const page = await repo.listConversionQueue(deps.db, scope, {
    status: query.status,
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
  });
  const schools = await unitRefsByIds(
    deps.db,
    page.items.map((r) => r.schoolId),
  );
  const items = page.items.map((r) => ({
    ...withAbilities(actor)(r),
    school: { id: r.schoolId, name: schools.get(r.schoolId)?.name ?? '' },
    rule: { exempts: r.ruleExempts, credits: r.ruleCredits },
    outcome: { title: r.outcomeTitle, type: r.outcomeType, level: r.outcomeLevel },
  }));
  return { items, total: page.total };
}

/** The conversion behind an id the reviewer decides or reverses: 404 unseen, 403 not the district's reviewer. */
async function conversionToDecide(deps: ModuleDeps, actor: Actor, id: string) {
  const c = await repo.findConversion(deps.db, id);
  if (!c || !canSeeSchool(actor, c.schoolId)) throw notFound();
  if (!mayReviewOutcomes(actor, c)) throw forbidden();
  return c;
}

/**
 * Approves (批准) an application (the district's reviewer): checked again on today's facts, then
 * the `convert` entry uses the outcome's credits — never more than the rule grants, never an
 * outcome used before (credit-ledger.rules.ts). 409 `CONVERSION_NOT_APPLIED`, `CONVERSION_REFUSED`.
 */
export async function approveConversion(deps: ModuleDeps, actor: Actor, conversionId: string) {
  const c = await conversionToDecide(deps, actor, conversionId);
  await deps.transaction(async (trx) => {
    await lockLearnerStanding(trx, c.learnerId);
    const locked = (await repo.lockConversion(trx, conversionId))!;
    if (locked.status !== 'applied') throw new AppError('CONVERSION_NOT_APPLIED', 409);
    const learner = (await findLearner(trx, c.learnerId))!;
    const rule = (await repo.findRule(trx, c.ruleId))!;
    const { result, ledger } = await check(deps, trx, learner, rule, conversionId);
    if (!result.ok) throw refused(result.reasons);
    const e = result.explanation;
    const step = convertEntry(ledger, {
      conversionId,
      ruleId: rule.id,
      outcomeId: e.outcomeId,
      credits: e.credits,
    });
    if (!step.ok) throw refused([step.reason]);
    const now = deps.clock.now();
    await appendEntries(trx, c.learnerId, [step.entry], {
      postedBy: actor.userId,
      postedAt: now,
      reason: e.zh,
    });
    await repo.decideConversion(trx, conversionId, {
      status: 'approved',
      statusReason: '',
      outcomeId: e.outcomeId,
      credits: e.credits,
      explanationZh: e.zh,
      explanationEn: e.en,
      decidedBy: actor.userId,
      decidedAt: now,
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'credit_conversion.approved',
      objectType: 'credit_conversion',
      objectId: conversionId,
      details: { learnerId: c.learnerId, entryId: step.entry.id, credits: step.entry.credits },
    });
  });
  return withAbilities(actor)((await repo.findConversion(deps.db, conversionId))!);
}

/** Refuses an application with the reviewer's reason. */
export async function refuseConversion(
  deps: ModuleDeps,
  actor: Actor,
  conversionId: string,
  input: { reason: string },
) {
  const c = await conversionToDecide(deps, actor, conversionId);
  await deps.transaction(async (trx) => {
    const locked = (await repo.lockConversion(trx, conversionId))!;
    if (locked.status !== 'applied') throw new AppError('CONVERSION_NOT_APPLIED', 409);
    await repo.decideConversion(trx, conversionId, {
      status: 'refused',
      statusReason: input.reason.trim(),
      decidedBy: actor.userId,
      decidedAt: deps.clock.now(),
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'credit_conversion.refused',
      objectType: 'credit_conversion',
      objectId: conversionId,
      details: { learnerId: c.learnerId },
    });
  });
  return withAbilities(actor)((await repo.findConversion(deps.db, conversionId))!);
}

/**
 * Reverses (撤销转换) an approved conversion with the reviewer's reason — the same authority that
 * approves. A reversing entry, the exact negative of the `convert` entry, gives back the credits
 * the conversion used (the entry itself is never edited); the conversion reads 已撤销 (its approval
 * kept) and its courses are free for another application. 400 naming `reason` when it is blank;
 * 409 `CONVERSION_NOT_APPROVED` (still applied, or refused) or `CONVERSION_ALREADY_REVERSED`.
 *
 * @example await reverseConversion(deps, coordinator, id, { reason: '证书被发证机构撤销' }) // { status: 'reversed', reversalReason: '证书被发证机构撤销', … }
 */
export async function reverseConversion(
  deps: ModuleDeps,
  actor: Actor,
  conversionId: string,
  input: { reason: string },
) {
  // Who may reverse it is judged before what they sent (404 / 403 before 400).
  const c = await conversionToDecide(deps, actor, conversionId);
  const reason = input.reason.trim();
  if (!reason)
    throw fieldError(
      'reason',
      'REQUIRED',
      '请填写撤销转换的原因',
      'Give the reason for reversing the conversion',
    );
  await deps.transaction(async (trx) => {
    await lockLearnerStanding(trx, c.learnerId);
    const locked = (await repo.lockConversion(trx, conversionId))!;
    if (locked.status === 'reversed') throw new AppError('CONVERSION_ALREADY_REVERSED', 409);
    if (locked.status !== 'approved') throw new AppError('CONVERSION_NOT_APPROVED', 409);
    const step = reversalOf(await listEntries(trx, c.learnerId), conversionId);
    if (!step.ok)
      throw new AppError(
        step.reason.code === 'CONVERSION_ALREADY_REVERSED' ? step.reason.code : 'CONVERSION_NOT_APPROVED',
        409,
        [
          {
            field: step.reason.field,
            code: step.reason.code,
            message: step.reason.zh,
            messageEn: step.reason.en,
          },
        ],
      );
    const now = deps.clock.now();
    await appendEntries(trx, c.learnerId, [step.entry], { postedBy: actor.userId, postedAt: now, reason });
    await repo.markConversionReversed(trx, conversionId, {
      reversedBy: actor.userId,
      reversedAt: now,
      reversalReason: reason,
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'credit_conversion.reversed',
      objectType: 'credit_conversion',
      objectId: conversionId,
      details: { learnerId: c.learnerId, entryId: step.entry.id, credits: step.entry.credits },
    });
  });
  return withAbilities(actor)((await repo.findConversion(deps.db, conversionId))!);
}
