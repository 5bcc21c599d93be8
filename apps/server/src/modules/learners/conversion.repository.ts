import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { ConversionRule } from './conversion.rules.ts';
import type { ConversionRuleTable, CreditConversionTable } from './credit-bank.tables.ts';

/* Conversion rules and learners' conversions (转换): their SQL. Callers scope. */

const RULE = [
  'id',
  'schoolId',
  'districtId',
  'majorCode',
  'outcomeType',
  'certificateCode',
  'minLevel',
  'exempts',
  'credits',
  'validFrom',
  'validTo',
  'note',
  'createdAt',
] as const;

export type RuleRow = Awaited<ReturnType<typeof findRule>> & object;

/** One rule as stored, or undefined. */
export function findRule(db: Executor, id: string) {
  return db.selectFrom('conversionRule').select(RULE).where('id', '=', id).executeTakeFirst();
}

/** A stored rule as conversion.rules.ts reads it. */
export function asRule(r: RuleRow): ConversionRule {
  return {
    id: r.id,
    schoolId: r.schoolId,
    major: r.majorCode,
    outcome: { type: r.outcomeType, certificateCode: r.certificateCode, minLevel: r.minLevel },
    exempts: r.exempts,
    credits: r.credits,
    validFrom: r.validFrom,
    validTo: r.validTo,
  };
}

/** The rules of `schoolIds` (null: every school), newest first. */
export function listRules(db: Executor, schoolIds: readonly string[] | null) {
  if (schoolIds?.length === 0) return Promise.resolve([]);
  let q = db.selectFrom('conversionRule').select(RULE);
  if (schoolIds) q = q.where('schoolId', 'in', [...schoolIds]);
  return q.orderBy('createdAt', 'desc').orderBy('id').execute();
}

export async function insertRule(db: Executor, row: Insertable<ConversionRuleTable>) {
  return (await db.insertInto('conversionRule').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

const CONVERSION = [
  'id',
  'learnerId',
  'schoolId',
  'districtId',
  'ruleId',
  'outcomeId',
  'credits',
  'courses',
  'explanationZh',
  'explanationEn',
  'status',
  'statusReason',
  'appliedAt',
  'decidedAt',
  'reversedAt',
  'reversalReason',
] as const;

export type ConversionRow = Awaited<ReturnType<typeof findConversion>> & object;

export function findConversion(db: Executor, id: string) {
  return db.selectFrom('creditConversion').select(CONVERSION).where('id', '=', id).executeTakeFirst();
}

/** One conversion, locked until the transaction ends. */
export function lockConversion(db: Executor, id: string) {
  return db
    .selectFrom('creditConversion')
    .select(CONVERSION)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** A learner's conversions, oldest first. */
export function listConversionsOfLearner(db: Executor, learnerId: string) {
  return db
    .selectFrom('creditConversion')
    .select(CONVERSION)
    .where('learnerId', '=', learnerId)
    .orderBy('appliedAt')
    .orderBy('id')
    .execute();
}

export async function insertConversion(db: Executor, row: Insertable<CreditConversionTable>) {
  return (await db.insertInto('creditConversion').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function decideConversion(
  db: Executor,
  id: string,
  values: Partial<
    Pick<CreditConversionTable, 'outcomeId' | 'credits' | 'explanationZh' | 'explanationEn'>
  > & {
    status: 'approved' | 'refused';
    statusReason: string;
    decidedBy: string;
    decidedAt: Date;
  },
) {
  await db.updateTable('creditConversion').set(values).where('id', '=', id).execute();
}

/** Marks an approved conversion reversed (撤销转换): who, when and why; its approval is kept. */
export async function markConversionReversed(
  db: Executor,
  id: string,
  values: { reversedBy: string; reversedAt: Date; reversalReason: string },
) {
  await db
    .updateTable('creditConversion')
    .set({ status: 'reversed', ...values })
    .where('id', '=', id)
    .where('status', '=', 'approved')
    .execute();
}

/**
 * A page of conversions of `status` at the schools in scope (`schoolIds` null: every school;
 * `districtId`: only that district's), oldest applied first, with the learner's name and major,
 * the rule's exemptions and the outcome's title and type; and the total.
 */
export async function listConversionQueue(
  db: Executor,
  scope: { schoolIds: readonly string[] | null; districtId: string | null },
  query: { status: CreditConversionTable['status']; limit: number; offset: number },
) {
  if (scope.schoolIds?.length === 0) return { items: [], total: 0 };
  let base = db
    .selectFrom('creditConversion as c')
    .innerJoin('learner as l', 'l.id', 'c.learnerId')
    .innerJoin('conversionRule as r', 'r.id', 'c.ruleId')
    .innerJoin('learningOutcome as o', 'o.id', 'c.outcomeId')
    .where('c.status', '=', query.status);
  if (scope.schoolIds) base = base.where('c.schoolId', 'in', [...scope.schoolIds]);
  if (scope.districtId) base = base.where('c.districtId', '=', scope.districtId);
  const [items, count] = await Promise.all([
    base
      .select([
        ...CONVERSION.map((k) => `c.${k}` as const),
        'l.name as learnerName',
        'l.majorCode',
        'l.majorName',
        'r.exempts as ruleExempts',
        'r.credits as ruleCredits',
        'o.title as outcomeTitle',
        'o.type as outcomeType',
        'o.level as outcomeLevel',
      ])
      .orderBy('c.appliedAt')
      .orderBy('c.id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
