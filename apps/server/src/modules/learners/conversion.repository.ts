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
