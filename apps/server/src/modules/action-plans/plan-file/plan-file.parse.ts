import { createPlanReader } from './plan-file.schema.ts';
import type { PlanDefinition, PlanFileIssue, UnitResolver } from './plan-file.types.ts';
import { INVALID, readYaml } from './yaml-reader.ts';

export type PlanFileParseResult =
  | { ok: true; plan: PlanDefinition; warnings: PlanFileIssue[] }
  | { ok: false; errors: PlanFileIssue[]; warnings: PlanFileIssue[] };

/**
 * Reads and validates a plan definition file (YAML text; see docs/plan-file-format.md). Pure: no
 * I/O. Every problem is collected with its line and field path, in Chinese and English; unit names
 * are resolved with `resolveUnit` (usually `createUnitResolver(orgUnits)`), and a name that matched
 * a defective alias is returned as a warning, not an error.
 *
 * @example
 * const result = parsePlanFile(yamlText, createUnitResolver(units));
 * if (!result.ok) console.log(result.errors.map((e) => `${e.line} ${e.path} ${e.message}`));
 */
export function parsePlanFile(text: string, resolveUnit: UnitResolver): PlanFileParseResult {
  const { value, ctx } = readYaml(text, createPlanReader(resolveUnit));
  const byLine = (a: PlanFileIssue, b: PlanFileIssue) => (a.line ?? 0) - (b.line ?? 0);
  const warnings = [...ctx.warnings].sort(byLine);
  if (value === INVALID || ctx.errors.length > 0) {
    return { ok: false, errors: [...ctx.errors].sort(byLine), warnings };
  }
  return { ok: true, plan: value, warnings };
}
