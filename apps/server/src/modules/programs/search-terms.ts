/**
 * Chinese full-text search without a Chinese parser: PostgreSQL's default parser does not
 * segment Chinese and zhparser / pg_jieba are not available (nor pg_trgm on every PostgreSQL, and
 * trigrams cannot index a two-character word). So every run of Han characters is indexed by its
 * character bigrams (焊接工艺 → 焊接 接工 工艺) and every run of other letters or digits as a
 * lower-case word; a query matches a resource when the resource has every term of the query (a
 * GIN index on the term array) and, checked on the row, contains every part of the query as a
 * substring, so bigrams that occur apart never make a false match.
 */

const HAN = /\p{Script=Han}/u;
/** Runs of Han characters, or runs of other letters and digits. */
const TOKEN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
/** Latin words shorter than this are not indexed (they still have to match as substrings). */
const MIN_WORD = 2;
export const MAX_QUERY_PARTS = 16;

/** Full-width to half-width, compatibility forms folded, lower case: how text is compared. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function termsOfToken(token: string, out: Set<string>): void {
  if (HAN.test(token[0]!)) {
    const chars = [...token];
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  } else if (token.length >= MIN_WORD) {
    out.add(token);
  }
}

/**
 * The index terms of a text, sorted and without repeats: Han bigrams and Latin / digit words.
 *
 * @example extractTerms('PLC 编程基础') // ['plc', '基础', '程基', '编程']
 */
export function extractTerms(text: string): string[] {
  const out = new Set<string>();
  for (const match of normaliseText(text).matchAll(TOKEN)) termsOfToken(match[0], out);
  return [...out].sort();
}

/** A query: its parts (each must occur as a substring) and the index terms that narrow it. */
export interface ParsedQuery {
  parts: string[];
  terms: string[];
}

/**
 * Splits a query into parts (runs of Han characters, runs of other letters or digits; spaces and
 * punctuation separate) and their index terms. Null when no part yields a term (a single Chinese
 * character or a single letter cannot use the index).
 *
 * @example parseQuery('焊接 PLC') // { parts: ['焊接', 'plc'], terms: ['plc', '焊接'] }
 */
export function parseQuery(query: string): ParsedQuery | null {
  const parts = [...new Set([...normaliseText(query).matchAll(TOKEN)].map((m) => m[0]))].slice(
    0,
    MAX_QUERY_PARTS,
  );
  const terms = new Set<string>();
  for (const part of parts) termsOfToken(part, terms);
  if (terms.size === 0) return null;
  return { parts, terms: [...terms].sort() };
}

/** What a resource is found by, stored on its row and recomputed on every write. */
export interface ResourceSearchFields {
  searchTitle: string;
  searchText: string;
  titleTerms: string[];
  searchTerms: string[];
}

/**
 * Filter terms of a resource (`type:exercise`, `major:<id>`, `course:<id>`), indexed with its
 * words so a search narrowed by type, major or course is narrowed inside the index. They hold a
 * colon, which no word of a query can, so they never match typed text.
 *
 * @example filterTerms({ resourceType: 'video', majorId: 'm1' }) // ['type:video', 'major:m1']
 */
export function filterTerms(f: {
  resourceType?: string;
  majorId?: string | null;
  courseId?: string | null;
}): string[] {
  return [
    f.resourceType && `type:${f.resourceType}`,
    f.majorId && `major:${f.majorId}`,
    f.courseId && `course:${f.courseId}`,
  ].filter((t): t is string => !!t);
}

/**
 * The search columns of a resource: its title, description and the names of its type, major and
 * course (so 焊接 微课 finds a welding micro-lecture whose title says neither), plus its filter
 * terms.
 */
export function resourceSearchFields(input: {
  title: string;
  description: string;
  labels: readonly string[];
  filters?: { resourceType?: string; majorId?: string | null; courseId?: string | null };
}): ResourceSearchFields {
  const searchTitle = normaliseText(input.title);
  const searchText = normaliseText([input.title, input.description, ...input.labels].join('\n'));
  return {
    searchTitle,
    searchText,
    titleTerms: extractTerms(searchTitle),
    searchTerms: [...extractTerms(searchText), ...filterTerms(input.filters ?? {})].sort(),
  };
}
