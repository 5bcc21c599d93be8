import type { Actor } from '../auth/actor.ts';
import { fieldError } from '../errors/app-error.ts';

/** The kinds of hits a search returns, in the order the results page shows them. */
export const SEARCH_KINDS = [
  'task',
  'indicator',
  'unit',
  'teacher',
  'project',
  'document',
  'enterprise',
  'internship_post',
  'cooperation_agreement',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Hits per kind returned at most; each group also carries its full count. */
export const SEARCH_HITS_PER_KIND = 8;

/** One thing found, named in the request's language (names, never codes or personal data). */
export interface SearchHit {
  kind: SearchKind;
  /** Stable id of the record (unique within its kind). */
  id: string;
  title: string;
  /** What it is, in a few words (a task's section, a project's kind and state …). */
  subtitle: string;
  /** The unit it belongs to, when one does. */
  unitName: string | null;
  /** Web path of the record's page. */
  link: string;
}

/** The hits of one kind: at most `limit` of them, and how many matched in all. */
export interface SearchGroup {
  kind: SearchKind;
  total: number;
  hits: SearchHit[];
}

/** A validated query: `text` trimmed, `needle` its lower-cased form for in-memory matching. */
export interface SearchQuery {
  text: string;
  needle: string;
  lang: 'zh' | 'en';
  limit: number;
}

/** What a search answers: the groups with hits, and the kinds whose source failed (left out). */
export interface SearchResult {
  groups: SearchGroup[];
  /** Kinds not searched because their source failed: the page says the results may be incomplete. */
  unavailable: SearchKind[];
}

/**
 * One module's search: the hits of its kinds among exactly the records its own list endpoints
 * show the actor (the module's own policy and repository decide), `limit` per kind with the total.
 */
export interface SearchSource {
  kinds: readonly SearchKind[];
  search(actor: Actor, query: SearchQuery): Promise<SearchGroup[]>;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}]/u;
export const SEARCH_MAX_LENGTH = 50;

/**
 * The query as typed, trimmed and checked: at least one Chinese character or two other
 * characters, at most 50, no control characters. Refused with a field error on `q` naming the rule
 * in both languages.
 *
 * @example parseSearchText(' 双师 ') // '双师'
 */
export function parseSearchText(raw: string | undefined): string {
  const text = (raw ?? '').trim().replace(/\s+/g, ' ');
  const length = [...text].length;
  // A control character (NUL …) is nothing anyone types, and PostgreSQL text cannot hold NUL:
  // the sources that query SQL would each fail on it, silently and into the error log.
  if (/\p{Cc}/u.test(text))
    throw fieldError(
      'q',
      'INVALID_CHARACTER',
      '搜索内容（q）含有不可见的控制字符',
      'The search text (q) contains a control character',
    );
  if (length > SEARCH_MAX_LENGTH)
    throw fieldError(
      'q',
      'TOO_LONG',
      `搜索内容（q）不能超过 ${SEARCH_MAX_LENGTH} 个字`,
      `The search text (q) must be at most ${SEARCH_MAX_LENGTH} characters`,
    );
  if (length === 0 || (length < 2 && !CJK.test(text)))
    throw fieldError(
      'q',
      'TOO_SHORT',
      '搜索内容（q）至少需要 1 个汉字或 2 个字母、数字',
      'The search text (q) needs at least 1 Chinese character or 2 letters or digits',
    );
  return text;
}

/**
 * The text as a LIKE pattern that matches it anywhere, literally: `%`, `_` and `\` are escaped
 * (PostgreSQL's default LIKE escape is the backslash). Pass it as a parameter, never inline.
 *
 * @example containsPattern('50%') // '%50\\%%'
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Whether any of the fields contains the query (case-insensitive), for lists already scoped. */
export function matchesQuery(query: SearchQuery, ...fields: (string | null | undefined)[]): boolean {
  return fields.some((f) => !!f && f.toLowerCase().includes(query.needle));
}

/** A group from every matching item: the first `limit` of them as hits, and the count. */
export function groupOf<T>(
  kind: SearchKind,
  query: SearchQuery,
  matching: readonly T[],
  toHit: (item: T) => Omit<SearchHit, 'kind'>,
): SearchGroup {
  return {
    kind,
    total: matching.length,
    hits: matching.slice(0, query.limit).map((item) => ({ kind, ...toHit(item) })),
  };
}

/**
 * Modules register their search sources here (`searchSources` of `defineModule`); `GET
 * /api/search` asks them all, so the search never knows how a module scopes its records.
 */
export class SearchSources {
  private readonly sources = new Map<string, SearchSource>();

  constructor(private readonly log: (name: string, error: unknown) => void = defaultLog) {}

  register(name: string, source: SearchSource): void {
    if (this.sources.has(name)) throw new Error(`Search source ${name} is already registered`);
    this.sources.set(name, source);
  }

  /**
   * The hits for `text` among what the actor may read, grouped by kind in `SEARCH_KINDS` order
   * (only kinds with hits), `limit` per kind; only `kind` when given. A source that fails is
   * logged (without the query text, which may name a person) and left out: the others still answer,
   * and its kinds are listed in `unavailable` so nobody reads a partial answer as "nothing found".
   */
  async search(
    actor: Actor,
    input: { text: string; lang: 'zh' | 'en'; kind?: SearchKind; limit?: number },
  ): Promise<SearchResult> {
    if (actor.role === null) return { groups: [], unavailable: [] };
    const query: SearchQuery = {
      text: input.text,
      needle: input.text.toLowerCase(),
      lang: input.lang,
      limit: input.limit ?? SEARCH_HITS_PER_KIND,
    };
    const asked = [...this.sources].filter(([, s]) => !input.kind || s.kinds.includes(input.kind));
    const settled = await Promise.allSettled(asked.map(([, s]) => s.search(actor, query)));
    const byKind = new Map<SearchKind, SearchGroup>();
    const failed = new Set<SearchKind>();
    settled.forEach((result, i) => {
      const [name, source] = asked[i]!;
      if (result.status === 'rejected') {
        for (const kind of source.kinds) if (!input.kind || kind === input.kind) failed.add(kind);
        return this.log(name, result.reason);
      }
      for (const group of result.value) {
        if (input.kind && group.kind !== input.kind) continue;
        const seen = byKind.get(group.kind);
        byKind.set(
          group.kind,
          seen
            ? { kind: group.kind, total: seen.total + group.total, hits: [...seen.hits, ...group.hits] }
            : group,
        );
      }
    });
    const groups = SEARCH_KINDS.flatMap((kind) => {
      const group = byKind.get(kind);
      return group && group.total > 0 ? [{ ...group, hits: group.hits.slice(0, query.limit) }] : [];
    });
    return { groups, unavailable: SEARCH_KINDS.filter((kind) => failed.has(kind)) };
  }
}

function defaultLog(name: string, error: unknown): void {
  console.error(`[zhijiao] search source ${name} failed:`, error instanceof Error ? error.message : error);
}
