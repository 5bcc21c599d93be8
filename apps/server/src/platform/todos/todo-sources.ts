import type { Actor } from '../auth/actor.ts';
import type { ReadCache } from '../cache/read-cache.ts';

/**
 * One thing waiting for the actor to do (我的待办): a report to write, an order to answer, an
 * application to decide. A module's todo source returns only what waits for THIS actor — by their
 * role, their unit and the records they are named on — never another unit's work.
 */
export interface TodoItem {
  /** Stable id, unique across sources (prefix it with the source name). */
  id: string;
  /** The module it comes from: `action-plans`, `supervision` … */
  source: string;
  /** Module-specific kind, e.g. `order_to_answer`. */
  kind: string;
  /** Names the object in the request's language (names, not codes). */
  title: string;
  /** The unit the work belongs to (the reporting unit, the school, the district). */
  unit: { id: string; code: string; name: string };
  /** The day it is due by (China date), or null when nothing sets one. */
  dueDate: string | null;
  /** Days past the due date; negative = days left; null without a due date. */
  daysLate: number | null;
  /** Web path of the page where it is done. */
  link: string;
  /** How many records it stands for, when it aggregates (candidates, comments); else null. */
  count: number | null;
}

/** A module's todos for `actor` on `today` (China date `YYYY-MM-DD`), titled in `lang`. */
export type TodoSource = (actor: Actor, lang: 'zh' | 'en', today: string) => Promise<TodoItem[]>;

/** Days from `today` to `due` counted as lateness (positive = late), or null without a due date. */
export function daysLateOf(due: string | null, today: string): number | null {
  if (!due) return null;
  return Math.round((Date.parse(today) - Date.parse(due)) / 86_400_000);
}

/**
 * Modules register their todo sources here (`todoSources` of `defineModule`); `GET /api/todos`
 * collects them, so the workbench never knows how a module decides who acts next.
 */
export class TodoSources {
  private readonly sources = new Map<string, TodoSource>();

  /**
   * `cache`: each account's list is kept until any module's records change (`invalidate`, wired to
   * `records.changed`, which other app processes relay) or its lifetime ends; without one, every
   * call asks every source.
   */
  constructor(private readonly cache?: ReadCache<CollectedTodos>) {}

  /** Forgets every cached list (a write somewhere may have added or settled a todo). */
  invalidate(): void {
    this.cache?.invalidate();
  }

  register(name: string, source: TodoSource): void {
    if (this.sources.has(name)) throw new Error(`Todo source ${name} is already registered`);
    this.sources.set(name, source);
  }

  /**
   * Every source's todos for an actor with a role (none without one), by due date: the most
   * overdue first, then what falls due soonest; undated items last. A source that fails does not
   * take the others with it: its name is listed in `unavailable` (the workbench says which part is
   * missing) and its error goes to `onError` for the log.
   */
  async collect(
    actor: Actor,
    lang: 'zh' | 'en',
    today: string,
    onError: (source: string, error: unknown) => void = () => {},
  ): Promise<CollectedTodos> {
    if (actor.role === null) return { items: [], unavailable: [] };
    if (!this.cache) return this.collectFresh(actor, lang, today, onError);
    // The account, its role and unit (a grant or a move changes what waits), the language and the day.
    const key = [actor.userId, actor.role, actor.orgUnitId, lang, today].join('|');
    return this.cache.get(key, () => this.collectFresh(actor, lang, today, onError));
  }

  private async collectFresh(
    actor: Actor,
    lang: 'zh' | 'en',
    today: string,
    onError: (source: string, error: unknown) => void,
  ): Promise<CollectedTodos> {
    const names = [...this.sources.keys()];
    const lists = await Promise.allSettled(
      [...this.sources.values()].map((source) => source(actor, lang, today)),
    );
    const items: TodoItem[] = [];
    const unavailable: string[] = [];
    lists.forEach((list, i) => {
      if (list.status === 'fulfilled') items.push(...list.value);
      else {
        unavailable.push(names[i]!);
        onError(names[i]!, list.reason);
      }
    });
    return { items: items.sort(byDueDate), unavailable };
  }
}

/** The todos collected, and the sources that could not be read this time. */
export interface CollectedTodos {
  items: TodoItem[];
  unavailable: string[];
}

function byDueDate(a: TodoItem, b: TodoItem): number {
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  return a.id.localeCompare(b.id);
}
