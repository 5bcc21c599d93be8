import type { PlanDefinition } from './plan-file/plan-file.types.ts';

/** What a clause of a plan text is: the preamble (前言), a section heading (一、…) or a task （一）. */
export type PlanClauseKind = 'preamble' | 'section' | 'task';

/**
 * One clause of a plan version, the unit the public comments on and versions are compared by.
 * `key` is stable across versions (`preamble`, `section-2`, `task-3`), so comments, replies and
 * the diff between versions line up by it.
 */
export interface PlanClause {
  key: string;
  kind: PlanClauseKind;
  /** The numeral as the plan writes it: `一、`, `（三）`, or `前言` for the preamble. */
  label: string;
  /** Heading of a section or task; empty for the preamble. */
  title: string;
  /** The clause's full text as published (a section's text is its numbered heading). */
  text: string;
  /** Key of the section a task belongs to; null otherwise. */
  sectionKey: string | null;
}

/** An edit of one clause's text, as the clause editor sends it. */
export interface ClauseEdit {
  key: string;
  text: string;
}

/**
 * Splits a plan definition into its clauses in reading order: preamble, then each section heading
 * followed by its tasks. Pure; the same definition always gives the same clauses.
 *
 * @example derivePlanClauses(def).map((c) => c.key) // ['preamble', 'section-1', 'task-1', 'section-2', …]
 */
export function derivePlanClauses(def: PlanDefinition): PlanClause[] {
  const clauses: PlanClause[] = [
    { key: 'preamble', kind: 'preamble', label: '前言', title: '', text: def.preamble, sectionKey: null },
  ];
  for (const section of def.sections) {
    const sectionKey = `section-${section.number}`;
    clauses.push({
      key: sectionKey,
      kind: 'section',
      label: `${section.label}、`,
      title: section.title,
      text: `${section.label}、${section.title}`,
      sectionKey: null,
    });
    for (const task of section.tasks) {
      clauses.push({
        key: `task-${task.number}`,
        kind: 'task',
        label: task.label,
        title: task.title,
        text: task.text,
        sectionKey,
      });
    }
  }
  return clauses;
}

/**
 * Applies clause edits to a definition and returns a new definition (the input is not changed):
 * the preamble's text, a section's title (written as its heading, e.g. `六、完善保障机制`; the
 * numeral prefix is optional) or a task's paragraph. Numbers, units, indicators and milestones
 * are kept. Returns the keys that are unknown so the caller can refuse them.
 */
export function applyClauseEdits(
  def: PlanDefinition,
  edits: readonly ClauseEdit[],
): { definition: PlanDefinition; unknownKeys: string[]; changedKeys: string[] } {
  const next: PlanDefinition = structuredClone(def);
  const unknownKeys: string[] = [];
  const changedKeys: string[] = [];
  for (const edit of edits) {
    const text = edit.text.trim();
    if (edit.key === 'preamble') {
      if (next.preamble !== text) changedKeys.push(edit.key);
      next.preamble = text;
      continue;
    }
    const section = /^section-(\d+)$/.exec(edit.key);
    const task = /^task-(\d+)$/.exec(edit.key);
    if (section) {
      const s = next.sections.find((x) => x.number === Number(section[1]));
      if (!s) {
        unknownKeys.push(edit.key);
        continue;
      }
      const title = text.startsWith(`${s.label}、`) ? text.slice(s.label.length + 1).trim() : text;
      if (s.title !== title) changedKeys.push(edit.key);
      s.title = title;
    } else if (task) {
      const t = next.sections.flatMap((x) => x.tasks).find((x) => x.number === Number(task[1]));
      if (!t) {
        unknownKeys.push(edit.key);
        continue;
      }
      if (t.text !== text) changedKeys.push(edit.key);
      t.text = text;
    } else {
      unknownKeys.push(edit.key);
    }
  }
  return { definition: next, unknownKeys, changedKeys };
}
