import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Static } from 'typebox';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.types.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { resourceVisibleSql } from './programs.repository.ts';
import type { ResourceQuery } from './resources.schema.ts';
import { filterTerms, parseQuery, type ParsedQuery } from './search-terms.ts';

export type ResourceSearch = Static<typeof ResourceQuery>;

/**
 * Up to this many matches are ranked exactly; beyond it the matches are read newest first from
 * the date index (they are then dense enough to fill a page at once).
 */
export const EXACT_CAP = 1000;
/** Counts stop here: a larger total is reported as "at least". */
export const COUNT_CAP = 2 * EXACT_CAP;
/** Deepest result a search pages to (offset + limit): refine the query rather than page further. */
export const MAX_DEPTH = 500;

/** Ids of one page of results, and how many there are (`totalIsLowerBound`: at least that many). */
export interface SearchPage {
  ids: string[];
  total: number;
  totalIsLowerBound: boolean;
}

/**
 * Searches the resources the actor sees. With a query: resources having every index term of the
 * query and containing every part of it, title matches (every part in the title) first, then the
 * rest, newest first within each. Without a query: newest first.
 *
 * The cost is bounded whatever the query: a step reads at most COUNT_CAP rows found through the
 * GIN term index (a bitmap scan, forced), or walks the date index only when at least EXACT_CAP
 * rows match. Plans are chosen here, not by the planner: its guess at how many rows match a set
 * of bigrams can be off by orders of magnitude, and a wrong guess costs a full scan.
 */
export async function searchResources(
  db: Kysely<Database>,
  actor: Actor,
  s: ResourceSearch,
): Promise<SearchPage> {
  const parsed = s.q?.trim() ? parseQuery(s.q) : null;
  if (s.q?.trim() && !parsed) {
    throw new AppError('PROGRAM_SEARCH_QUERY_TOO_SHORT', 400, [
      {
        field: 'q',
        code: 'PROGRAM_SEARCH_QUERY_TOO_SHORT',
        message: '请输入至少两个汉字或两个字母',
        messageEn: 'Type at least two Chinese characters or two letters',
      },
    ]);
  }
  const filters = filterSql(actor, s);
  const limit = Math.max(0, Math.min(s.limit, MAX_DEPTH - s.offset));
  // A read-only transaction, only to scope the plan settings (set_config(…, true)) to this search;
  // not the module's deps.transaction, which would tell the plan that records changed.
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`.execute(
      trx,
    );
    if (!parsed) return browse(trx, filters, s.offset, limit);
    // Type, major and course narrow the search inside the term index (their filter terms).
    const all = sql<boolean>`${matchSql({ ...parsed, terms: [...parsed.terms, ...filterTerms(s)] }, 'search')} AND ${filters}`;
    const total = await cappedCount(trx, all, COUNT_CAP);
    const page = (ids: string[]): SearchPage => ({ ids, total, totalIsLowerBound: total >= COUNT_CAP });
    const titleMatch = titlePartsSql(parsed);
    if (total <= EXACT_CAP) return page(await ranked(trx, all, titleMatch, s.offset, limit));
    const inTitle = sql<boolean>`${matchSql(parsed, 'title')} AND ${filters}`;
    const titleCount = await cappedCount(trx, inTitle, EXACT_CAP);
    const ids: string[] = [];
    if (s.offset < titleCount) {
      const read =
        titleCount < EXACT_CAP
          ? ranked(trx, inTitle, sql`true`, s.offset, limit)
          : recent(trx, inTitle, s.offset, limit);
      ids.push(...(await read));
    }
    const need = limit - ids.length;
    if (need > 0) {
      // Only when the title matches are fewer than EXACT_CAP: the rest are total − titleCount.
      const rest = sql<boolean>`${all} AND NOT (${titleMatch})`;
      const skip = Math.max(0, s.offset - titleCount);
      const read =
        total < COUNT_CAP ? ranked(trx, rest, sql`true`, skip, need) : recent(trx, rest, skip, need);
      ids.push(...(await read));
    }
    return page(ids);
  });
}

/** Every term in the index column and every part as a substring of the searched text. */
function matchSql(p: ParsedQuery, column: 'search' | 'title'): RawBuilder<boolean> {
  const terms = column === 'title' ? sql.ref('r.title_terms') : sql.ref('r.search_terms');
  const text = column === 'title' ? sql.ref('r.search_title') : sql.ref('r.search_text');
  const parts = sql.join(
    p.parts.map((part) => sql`strpos(${text}, ${part}) > 0`),
    sql` AND `,
  );
  return sql<boolean>`(${terms} @> ${p.terms}::text[] AND ${parts})`;
}

function titlePartsSql(p: ParsedQuery): RawBuilder<boolean> {
  return sql<boolean>`${sql.join(
    p.parts.map((part) => sql`strpos(r.search_title, ${part}) > 0`),
    sql` AND `,
  )}`;
}

function filterSql(actor: Actor, s: ResourceSearch): RawBuilder<boolean> {
  const conds: RawBuilder<boolean>[] = [resourceVisibleSql(actor, 'r')];
  if (s.resourceType) conds.push(sql`r.resource_type = ${s.resourceType}`);
  if (s.majorId) conds.push(sql`r.major_id = ${s.majorId}`);
  if (s.courseId) conds.push(sql`r.course_id = ${s.courseId}`);
  if (s.schoolId) conds.push(sql`r.school_id = ${s.schoolId}`);
  if (s.shareState) conds.push(sql`r.share_state = ${s.shareState}`);
  return sql<boolean>`(${sql.join(conds, sql` AND `)})`;
}

/**
 * Pins the plan of the next statements in the transaction: the GIN term index (bitmap scans
 * only), or the date index (ordered index scans only). One round trip.
 */
async function plan(trx: Executor, use: 'bitmap' | 'date-index'): Promise<void> {
  const bitmap = use === 'bitmap' ? 'on' : 'off';
  const index = use === 'bitmap' ? 'off' : 'on';
  await sql`SELECT set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', ${bitmap}, true),
    set_config('enable_indexscan', ${index}, true)`.execute(trx);
}

/** How many rows match, counting at most `cap`, through the term index. */
async function cappedCount(trx: Executor, cond: RawBuilder<boolean>, cap: number): Promise<number> {
  await plan(trx, 'bitmap');
  const r = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM teaching_resource r WHERE ${cond} LIMIT ${cap}) x`.execute(
    trx,
  );
  return Number(r.rows[0]!.n);
}

/** All rows matching (known to be few), ranked by `first` then newest, one page. */
async function ranked(
  trx: Executor,
  cond: RawBuilder<boolean>,
  first: RawBuilder<boolean>,
  offset: number,
  limit: number,
): Promise<string[]> {
  await plan(trx, 'bitmap');
  const r = await sql<{ id: string }>`
    WITH m AS MATERIALIZED (SELECT r.id, r.created_at, ${first} AS first FROM teaching_resource r WHERE ${cond})
    SELECT id FROM m ORDER BY first DESC, created_at DESC, id LIMIT ${limit} OFFSET ${offset}`.execute(trx);
  return r.rows.map((x) => x.id);
}

/** Newest matching rows from the date index (for conditions many rows meet). */
async function recent(
  trx: Executor,
  cond: RawBuilder<boolean>,
  offset: number,
  limit: number,
): Promise<string[]> {
  if (limit <= 0) return [];
  await plan(trx, 'date-index');
  const r = await sql<{ id: string }>`
    SELECT r.id FROM teaching_resource r WHERE ${cond}
    ORDER BY r.created_at DESC, r.id LIMIT ${limit} OFFSET ${offset}`.execute(trx);
  return r.rows.map((x) => x.id);
}

/** No query: newest first under the filters (plain columns, the planner estimates them well). */
async function browse(
  trx: Executor,
  filters: RawBuilder<boolean>,
  offset: number,
  limit: number,
): Promise<SearchPage> {
  const count = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM teaching_resource r WHERE ${filters} LIMIT ${COUNT_CAP}) x`.execute(
    trx,
  );
  const total = Number(count.rows[0]!.n);
  const r = await sql<{ id: string }>`
    SELECT r.id FROM teaching_resource r WHERE ${filters}
    ORDER BY r.created_at DESC, r.id LIMIT ${limit} OFFSET ${offset}`.execute(trx);
  return { ids: r.rows.map((x) => x.id), total, totalIsLowerBound: total >= COUNT_CAP };
}
