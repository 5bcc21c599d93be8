import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

/*
 * The credit bank's figures for the plan's metrics (学分银行, task （十六）): reads over outcomes,
 * recognitions and conversions of the schools given, up to a day (China calendar).
 */

/** The instant a China calendar day ends (the next day's midnight at UTC+8). */
const endOfChinaDay = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`) + 86_400_000);

/**
 * Per school, the 1+X certificates recognised by `day` and not revoked by then (a certificate whose
 * recognition a later revocation took back counts until that day).
 */
export async function onePlusXRecognisedBySchool(db: Executor, schoolIds: readonly string[], day: string) {
  if (schoolIds.length === 0) return [];
  const end = endOfChinaDay(day);
  return db
    .selectFrom('learningOutcome as o')
    .innerJoin('outcomeRecognition as r', 'r.outcomeId', 'o.id')
    .select(['o.schoolId', (eb) => eb.fn.count<string>('o.id').distinct().as('certificates')])
    .where('o.type', '=', 'one_plus_x_certificate')
    .where('o.schoolId', 'in', [...schoolIds])
    .where('r.recognisedAt', '<', end)
    .where((eb) =>
      eb.or([eb('o.status', '!=', 'revoked'), eb('o.decidedAt', 'is', null), eb('o.decidedAt', '>=', end)]),
    )
    .groupBy('o.schoolId')
    .execute();
}

/**
 * The credit bank's three steps at these schools by `day`: outcomes recognised (认定, each posting
 * its credits: 积累) and conversions approved (转换).
 */
export async function creditBankStepsBy(db: Executor, schoolIds: readonly string[], day: string) {
  if (schoolIds.length === 0) return { recognised: 0, converted: 0 };
  const end = endOfChinaDay(day);
  const [recognised, converted] = await Promise.all([
    db
      .selectFrom('outcomeRecognition as r')
      .innerJoin('learningOutcome as o', 'o.id', 'r.outcomeId')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('o.schoolId', 'in', [...schoolIds])
      .where('r.recognisedAt', '<', end)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('creditConversion')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('schoolId', 'in', [...schoolIds])
      // Approved by the day, and not reversed by then (a later 撤销转换 takes it back from that day).
      .where(sql<boolean>`decided_at < ${end}`)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'approved'),
          eb.and([eb('status', '=', 'reversed'), eb('reversedAt', '>=', end)]),
        ]),
      )
      .executeTakeFirstOrThrow(),
  ]);
  return { recognised: Number(recognised.n), converted: Number(converted.n) };
}

/**
 * Per school, the outcomes recognised from `from` to `to` (China calendar days, inclusive) whose
 * recognition no revocation took back by `to`'s end.
 */
export async function recognitionsBySchool(
  db: Executor,
  schoolIds: readonly string[],
  from: string,
  to: string,
) {
  if (schoolIds.length === 0) return [];
  const start = new Date(endOfChinaDay(from).getTime() - 86_400_000);
  const end = endOfChinaDay(to);
  const rows = await db
    .selectFrom('outcomeRecognition as r')
    .innerJoin('learningOutcome as o', 'o.id', 'r.outcomeId')
    .select(['o.schoolId', (eb) => eb.fn.countAll<string>().as('n')])
    .where('o.schoolId', 'in', [...schoolIds])
    .where('r.recognisedAt', '>=', start)
    .where('r.recognisedAt', '<', end)
    .where((eb) =>
      eb.or([eb('o.status', '!=', 'revoked'), eb('o.decidedAt', 'is', null), eb('o.decidedAt', '>=', end)]),
    )
    .groupBy('o.schoolId')
    .execute();
  return rows.map((r) => ({ schoolId: r.schoolId, count: Number(r.n) }));
}

/** Per school, the credit conversions approved from `from` to `to` (China calendar days, inclusive). */
export async function conversionsApprovedBySchool(
  db: Executor,
  schoolIds: readonly string[],
  from: string,
  to: string,
) {
  if (schoolIds.length === 0) return [];
  const start = new Date(endOfChinaDay(from).getTime() - 86_400_000);
  const end = endOfChinaDay(to);
  const rows = await db
    .selectFrom('creditConversion')
    .select(['schoolId', (eb) => eb.fn.countAll<string>().as('n')])
    .where('schoolId', 'in', [...schoolIds])
    .where('status', '=', 'approved')
    .where(sql<boolean>`decided_at >= ${start} AND decided_at < ${end}`)
    .groupBy('schoolId')
    .execute();
  return rows.map((r) => ({ schoolId: r.schoolId, count: Number(r.n) }));
}
