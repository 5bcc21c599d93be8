import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyClauseEdits, derivePlanClauses } from './plan-clauses.ts';
import { createUnitResolver, parseOrgUnitsFile } from './plan-file/org-units-file.parse.ts';
import { parsePlanFile } from './plan-file/plan-file.parse.ts';
import type { PlanDefinition } from './plan-file/plan-file.types.ts';

const dir = path.resolve(import.meta.dirname, '../../../../../plans/shangdang');

function shangdang(): PlanDefinition {
  const units = parseOrgUnitsFile(fs.readFileSync(path.join(dir, 'org-units.yaml'), 'utf8'));
  if (!units.ok) throw new Error('org units');
  const parsed = parsePlanFile(
    fs.readFileSync(path.join(dir, 'action-plan.yaml'), 'utf8'),
    createUnitResolver(units.units),
  );
  if (!parsed.ok) throw new Error('plan');
  return parsed.plan;
}

describe('derivePlanClauses', () => {
  const clauses = derivePlanClauses(shangdang());

  it('gives the preamble, 6 section headings and 21 tasks of the Shangdang plan in reading order', () => {
    expect(clauses).toHaveLength(1 + 6 + 21);
    expect(clauses.slice(0, 4).map((c) => c.key)).toEqual(['preamble', 'section-1', 'task-1', 'section-2']);
    expect(clauses.find((c) => c.key === 'section-6')?.text).toBe('六、完善改革发展保障机制');
    const t12 = clauses.find((c) => c.key === 'task-12');
    expect(t12).toMatchObject({ label: '（十二）', kind: 'task' });
    expect(t12?.text.startsWith('（十二）')).toBe(true);
  });

  it('keeps keys stable: the same definition always gives the same clauses', () => {
    expect(derivePlanClauses(shangdang())).toEqual(clauses);
  });
});

describe('applyClauseEdits', () => {
  it('edits the preamble, a section heading and a task text, leaving the input untouched', () => {
    const def = shangdang();
    const { definition, unknownKeys, changedKeys } = applyClauseEdits(def, [
      { key: 'preamble', text: '新的前言。' },
      { key: 'section-6', text: '六、完善保障机制' },
      { key: 'task-3', text: '（三）统筹中等职业教育发展。新文本。' },
      { key: 'task-1', text: def.sections[0]!.tasks[0]!.text },
      { key: 'task-40', text: 'x' },
    ]);
    expect(unknownKeys).toEqual(['task-40']);
    expect(changedKeys).toEqual(['preamble', 'section-6', 'task-3']);
    expect(definition.sections[5]?.title).toBe('完善保障机制');
    expect(def.preamble).not.toBe('新的前言。');
    const t3 = definition.sections.flatMap((s) => s.tasks).find((t) => t.number === 3);
    expect(t3?.units.length).toBeGreaterThan(0);
  });
});
