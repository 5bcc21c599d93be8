import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MODULES } from './modules.ts';
import { createUnitResolver, parseOrgUnitsFile, parsePlanFile } from './modules/action-plans/index.ts';

const PLANS_DIR = fileURLToPath(new URL('../../../plans', import.meta.url));

/** Every plan file under plans/ (a YAML file with top-level `sections:`), with its folder's org units. */
function planFiles(dir = PLANS_DIR): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return planFiles(full);
    return e.name.endsWith('.yaml') && /^sections:/m.test(fs.readFileSync(full, 'utf8')) ? [full] : [];
  });
}

const registered = new Set(MODULES.flatMap((m) => (m.metrics ?? []).map((d) => d.name)));

describe('the plan files under plans/', () => {
  const files = planFiles();

  it('are found (at least the Shangdang plan)', () => {
    expect(files.map((f) => path.relative(PLANS_DIR, f))).toContain(
      path.join('shangdang', 'action-plan.yaml'),
    );
  });

  it.each(files.map((f) => [path.relative(PLANS_DIR, f), f]))(
    '%s names only metrics a module of modules.ts registers',
    (_name, file) => {
      const units = parseOrgUnitsFile(
        fs.readFileSync(path.join(path.dirname(file), 'org-units.yaml'), 'utf8'),
      );
      if (!units.ok) throw new Error(`org-units.yaml beside ${file} does not parse`);
      const parsed = parsePlanFile(fs.readFileSync(file, 'utf8'), createUnitResolver(units.units));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
      const named = parsed.plan.sections.flatMap((s) =>
        s.tasks.flatMap((t) => [
          ...t.indicators.flatMap((i) =>
            i.kind === 'computed' && i.metric ? [`${i.code}: ${i.metric}`] : [],
          ),
          ...t.milestones.flatMap((m) => (m.completedBy ? [`${m.code}: ${m.completedBy}`] : [])),
        ]),
      );
      expect(named.length).toBeGreaterThan(0);
      expect(named.filter((n) => !registered.has(n.split(': ')[1]!))).toEqual([]);
    },
  );
});
