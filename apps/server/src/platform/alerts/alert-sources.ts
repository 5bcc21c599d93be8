import type { AlertTier } from '@zhijiao/contracts';
import type { Actor } from '../auth/actor.ts';

/**
 * An alert (预警) raised by a module other than the plan itself, e.g. an overdue rectification
 * order or an overdue joint-meeting action item. It is addressed to a unit and links to the page
 * where it is dealt with.
 */
export interface SourcedAlert {
  /** Stable id, unique across sources (prefix it with the source name). */
  id: string;
  /** The module that raised it: `supervision`, `joint-meetings` … */
  source: string;
  /** Module-specific kind, e.g. `rectification_overdue`. */
  kind: string;
  tier: AlertTier;
  unit: { id: string; code: string; name: string };
  /** One line naming the object, in the request's language. */
  title: string;
  /** What is late or off and by how much, in the request's language. */
  message: string;
  dueDate: string | null;
  /** Days past the due date; negative = days left. */
  daysLate: number;
  /** Web path of the object, e.g. `/supervision/orders/<id>`. */
  link: string | null;
}

/** A module's alerts for what `actor` may see, on `today` (China date `YYYY-MM-DD`). */
export type AlertSource = (actor: Actor, lang: 'zh' | 'en', today: string) => Promise<SourcedAlert[]>;

/**
 * Modules register their alert sources here; the alerts endpoint and dashboards collect them
 * beside the plan's own alerts, so the plan module never knows about supervision or meetings.
 */
export class AlertSources {
  private readonly sources = new Map<string, AlertSource>();

  register(name: string, source: AlertSource): void {
    if (this.sources.has(name)) throw new Error(`Alert source ${name} is already registered`);
    this.sources.set(name, source);
  }

  /** Every registered source's alerts, red first, then by lateness. */
  async collect(actor: Actor, lang: 'zh' | 'en', today: string): Promise<SourcedAlert[]> {
    const lists = await Promise.all([...this.sources.values()].map((source) => source(actor, lang, today)));
    const rank = { red: 0, yellow: 1, blue: 2 } as const;
    return lists
      .flat()
      .sort((a, b) => rank[a.tier] - rank[b.tier] || b.daysLate - a.daysLate || a.id.localeCompare(b.id));
  }
}
