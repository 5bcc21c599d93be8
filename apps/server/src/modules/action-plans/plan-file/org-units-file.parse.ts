import { ORG_UNIT_TYPES } from '@zhijiao/contracts';
import { isMap } from 'yaml';
import { issue, messages, type Phrase } from './plan-file.issues.ts';
import { ITEM_CODE } from './plan-file.schema.ts';
import {
  ORG_UNIT_GROUPS,
  type OrgUnitAlias,
  type OrgUnitDefinition,
  type PlanFileIssue,
  type UnitResolver,
} from './plan-file.types.ts';
import {
  boolean,
  fieldPath,
  INVALID,
  lineAt,
  list,
  object,
  oneOf,
  optional,
  readYaml,
  required,
  string,
  type ReadContext,
  type Reader,
} from './yaml-reader.ts';

export type OrgUnitsFileParseResult =
  { ok: true; units: OrgUnitDefinition[] } | { ok: false; errors: PlanFileIssue[] };

interface RawUnit extends Omit<OrgUnitDefinition, 'parentCode'> {
  children: RawUnit[];
}

/** An alias is either a plain name or `{ name, aliasWarning }`. */
const aliasMap = object({ name: required(string()), aliasWarning: optional(boolean(), false) });
const plainName = string();
const alias: Reader<OrgUnitAlias> = (node, path, ctx) => {
  if (isMap(node)) {
    const value = aliasMap(node, path, ctx);
    return value === INVALID ? INVALID : { name: value.name, warning: value.aliasWarning };
  }
  const name = plainName(node, path, ctx);
  return name === INVALID ? INVALID : { name, warning: false };
};

const unit: Reader<RawUnit> = object({
  code: required(string(ITEM_CODE)),
  name: required(string()),
  fullName: required(string()),
  nameEn: required(string()),
  type: required(oneOf(ORG_UNIT_TYPES)),
  groups: optional(list(oneOf(ORG_UNIT_GROUPS)), []),
  aliases: optional(list(alias), []),
  demo: optional(boolean(), false),
  children: optional(
    list((node, path, ctx) => unit(node, path, ctx)),
    [],
  ),
});

const NAME: Phrase = { zh: '单位名称或别名', en: 'unit name or alias' };
const CODE: Phrase = { zh: '单位编码', en: 'unit code' };

/**
 * Reads the org-unit file (a YAML list of unit trees; see docs/plan-file-format.md) into a flat
 * list in tree order, each with its `parentCode`. Pure: no I/O. Codes must be unique, and so must
 * every name, full name and alias across units, or name resolution would be ambiguous.
 *
 * @example
 * const result = parseOrgUnitsFile(yamlText);
 * if (result.ok) result.units.find((u) => u.code === 'SD-FIN')?.parentCode; // 'SD'
 */
export function parseOrgUnitsFile(text: string): OrgUnitsFileParseResult {
  const { value, ctx } = readYaml(text, list(unit, { min: 1 }));
  const units: OrgUnitDefinition[] = [];
  if (value !== INVALID) {
    const flatten = (raw: RawUnit, parentCode: string | null) => {
      const { children, ...rest } = raw;
      units.push({ ...rest, parentCode });
      for (const child of children) flatten(child, raw.code);
    };
    for (const root of value) flatten(root, null);
    checkUnique(ctx, value);
  }
  const byLine = (a: PlanFileIssue, b: PlanFileIssue) => (a.line ?? 0) - (b.line ?? 0);
  if (value === INVALID || ctx.errors.length > 0) return { ok: false, errors: [...ctx.errors].sort(byLine) };
  return { ok: true, units };
}

function checkUnique(ctx: ReadContext, roots: RawUnit[]) {
  const codes = new Map<string, string>();
  const names = new Map<string, { code: string; path: string }>();
  const visit = (raw: RawUnit) => {
    const path = ctx.paths.get(raw) ?? '';
    const codePath = fieldPath(path, 'code');
    const firstCode = codes.get(raw.code);
    if (firstCode === undefined) codes.set(raw.code, codePath);
    else duplicate(ctx, codePath, 'PLAN_FILE_DUPLICATE_CODE', CODE, raw.code, firstCode);
    const written: [string, string][] = [
      [raw.name, fieldPath(path, 'name')],
      [raw.fullName, fieldPath(path, 'fullName')],
      ...raw.aliases.map((a, i): [string, string] => [a.name, `${fieldPath(path, 'aliases')}[${i}]`]),
    ];
    for (const [name, namePath] of written) {
      const first = names.get(name);
      if (first === undefined) names.set(name, { code: raw.code, path: namePath });
      else if (first.code !== raw.code)
        duplicate(ctx, namePath, 'PLAN_FILE_DUPLICATE_NAME', NAME, name, first.path);
    }
    raw.children.forEach(visit);
  };
  roots.forEach(visit);
}

function duplicate(
  ctx: ReadContext,
  path: string,
  code: 'PLAN_FILE_DUPLICATE_CODE' | 'PLAN_FILE_DUPLICATE_NAME',
  kind: Phrase,
  value: string,
  firstPath: string,
) {
  ctx.errors.push(
    issue(code, lineAt(ctx, path), path, messages.duplicate(kind, value, firstPath, lineAt(ctx, firstPath))),
  );
}

/**
 * Builds the `resolveUnit` function parsePlanFile needs: a written name matches a unit's `name`,
 * `fullName` or one of its `aliases` (surrounding spaces ignored). A match through an alias marked
 * `aliasWarning` still resolves, with a warning the import records.
 *
 * @example
 * createUnitResolver(units)('区财政厅');
 * // { code: 'SD-FIN', name: '区财政局', warning: { zh: '“区财政厅”不是已登记的单位名称，…', en: … } }
 */
export function createUnitResolver(units: readonly OrgUnitDefinition[]): UnitResolver {
  const byName = new Map<string, { unit: OrgUnitDefinition; warning: boolean }>();
  const add = (name: string, entry: { unit: OrgUnitDefinition; warning: boolean }) => {
    if (!byName.has(name)) byName.set(name, entry);
  };
  for (const u of units) {
    add(u.name, { unit: u, warning: false });
    add(u.fullName, { unit: u, warning: false });
    for (const a of u.aliases) add(a.name, { unit: u, warning: a.warning });
  }
  return (written) => {
    const name = written.trim();
    const hit = byName.get(name);
    if (!hit) return null;
    const resolved = { code: hit.unit.code, name: hit.unit.name };
    if (!hit.warning) return resolved;
    return {
      ...resolved,
      warning: {
        zh: `“${name}”不是已登记的单位名称，已按别名解析为“${hit.unit.name}”`,
        en: `'${name}' is not a registered unit name; resolved by alias to '${hit.unit.name}'`,
      },
    };
  };
}
