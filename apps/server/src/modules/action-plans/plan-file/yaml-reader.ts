import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { issue, messages, suggest, type Phrase, type PlanFileIssueCode } from './plan-file.issues.ts';
import type { PlanFileIssue } from './plan-file.types.ts';

/**
 * Small combinators that read a YAML node tree into typed values while recording, for every field
 * path, the line it sits on. Readers never throw and never stop at the first problem: each pushes
 * its issues into the context and returns INVALID, so one pass reports every error in a file.
 */

export const INVALID: unique symbol = Symbol('invalid');
export type Invalid = typeof INVALID;
export type Reader<T> = (node: unknown, path: string, ctx: ReadContext) => T | Invalid;

export interface ReadContext {
  lineCounter: LineCounter;
  errors: PlanFileIssue[];
  warnings: PlanFileIssue[];
  /** Line of every path read, e.g. `sections[0].tasks[2].units[1]` → 17. */
  lines: Map<string, number>;
  /** Path of every object and list value produced, so later checks can point back at the file. */
  paths: WeakMap<object, string>;
}

export interface Field<T> {
  readonly read: Reader<T>;
  readonly required: boolean;
  readonly fallback?: T;
}
type Shape = Record<string, Field<unknown>>;
export type ShapeValue<S extends Shape> = { [K in keyof S]: S[K] extends Field<infer T> ? T : never };

export const required = <T>(read: Reader<T>): Field<T> => ({ read, required: true });
export const optional = <T, D>(read: Reader<T>, fallback: D): Field<T | D> => ({
  read,
  required: false,
  fallback,
});

export const fieldPath = (path: string, key: string): string => (path ? `${path}.${key}` : key);
export const lineAt = (ctx: ReadContext, path: string): number | null => ctx.lines.get(path) ?? null;

function lineOf(node: unknown, ctx: ReadContext): number | null {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? ctx.lineCounter.linePos(range[0]).line : null;
}

function remember(ctx: ReadContext, path: string, line: number | null) {
  if (line !== null) ctx.lines.set(path, line);
}

const isNullish = (node: unknown): boolean => node == null || (isScalar(node) && node.value === null);

const TYPE_NAMES = {
  string: { zh: '文本', en: 'a string' },
  number: { zh: '数字', en: 'a number' },
  integer: { zh: '整数', en: 'an integer' },
  boolean: { zh: '布尔值（true 或 false）', en: 'a boolean (true or false)' },
  map: { zh: '键值映射', en: 'a mapping' },
  list: { zh: '列表', en: 'a list' },
  date: { zh: '日期文本（YYYY-MM-DD）', en: 'a date string (YYYY-MM-DD)' },
  null: { zh: '空值', en: 'null' },
} satisfies Record<string, Phrase>;

function describe(node: unknown): Phrase {
  if (isMap(node)) return TYPE_NAMES.map;
  if (isSeq(node)) return TYPE_NAMES.list;
  if (isScalar(node)) {
    const kind = typeof node.value;
    if (kind === 'string' || kind === 'number' || kind === 'boolean') return TYPE_NAMES[kind];
  }
  return TYPE_NAMES.null;
}

/** Reports a problem at `path`, on the line of `node` (or the recorded line of the path). */
export function report(
  ctx: ReadContext,
  node: unknown,
  path: string,
  code: PlanFileIssueCode,
  message: Phrase,
): Invalid {
  ctx.errors.push(issue(code, lineOf(node, ctx) ?? lineAt(ctx, path), path, message));
  return INVALID;
}

function scalarOf<T>(
  node: unknown,
  path: string,
  ctx: ReadContext,
  type: keyof typeof TYPE_NAMES,
  test: (v: unknown) => v is T,
): T | Invalid {
  if (isAlias(node))
    return report(ctx, node, path, 'PLAN_FILE_INVALID_VALUE', messages.aliasesNotSupported());
  if (isScalar(node) && test(node.value)) return node.value;
  return report(
    ctx,
    node,
    path,
    'PLAN_FILE_INVALID_TYPE',
    messages.invalidType(TYPE_NAMES[type], describe(node)),
  );
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

/** A non-empty string, optionally matching a pattern (the hint explains the pattern). */
export function string(pattern?: { regex: RegExp; hint: Phrase }): Reader<string> {
  return (node, path, ctx) => {
    const value = scalarOf(node, path, ctx, 'string', isString);
    if (value === INVALID) return INVALID;
    if (value.trim() === '')
      return report(ctx, node, path, 'PLAN_FILE_INVALID_VALUE', messages.emptyString());
    if (pattern && !pattern.regex.test(value)) {
      return report(ctx, node, path, 'PLAN_FILE_INVALID_VALUE', messages.pattern(value, pattern.hint));
    }
    return value;
  };
}

/** A finite number, optionally an integer and at least `min`. */
export function number(options: { integer?: boolean; min?: number } = {}): Reader<number> {
  return (node, path, ctx) => {
    const value = scalarOf(node, path, ctx, options.integer ? 'integer' : 'number', isNumber);
    if (value === INVALID) return INVALID;
    if (options.integer && !Number.isInteger(value)) {
      return report(ctx, node, path, 'PLAN_FILE_INVALID_TYPE', messages.notInteger(value));
    }
    if (options.min !== undefined && value < options.min) {
      return report(ctx, node, path, 'PLAN_FILE_INVALID_VALUE', messages.belowMin(value, options.min));
    }
    return value;
  };
}

export const boolean = (): Reader<boolean> => (node, path, ctx) =>
  scalarOf(node, path, ctx, 'boolean', isBoolean);

/** One of a fixed list of strings. */
export function oneOf<T extends string>(allowed: readonly T[]): Reader<T> {
  return (node, path, ctx) => {
    const value = scalarOf(node, path, ctx, 'string', isString);
    if (value === INVALID) return INVALID;
    if (!(allowed as readonly string[]).includes(value)) {
      return report(ctx, node, path, 'PLAN_FILE_INVALID_VALUE', messages.notOneOf(value, allowed));
    }
    return value as T;
  };
}

/** A real calendar date written as YYYY-MM-DD (2021-02-30 is refused). */
export function isoDate(): Reader<string> {
  return (node, path, ctx) => {
    const value = scalarOf(node, path, ctx, 'date', isString);
    if (value === INVALID) return INVALID;
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const date = match ? new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!)) : null;
    if (!date || date.toISOString().slice(0, 10) !== value) {
      return report(ctx, node, path, 'PLAN_FILE_INVALID_DATE', messages.invalidDate(value));
    }
    return value;
  };
}

/** A list; items that fail are reported and left out, so the rest can still be checked. */
export function list<T>(item: Reader<T>, options: { min?: number } = {}): Reader<T[]> {
  return (node, path, ctx) => {
    if (isAlias(node))
      return report(ctx, node, path, 'PLAN_FILE_INVALID_VALUE', messages.aliasesNotSupported());
    if (!isSeq(node)) {
      return report(
        ctx,
        node,
        path,
        'PLAN_FILE_INVALID_TYPE',
        messages.invalidType(TYPE_NAMES.list, describe(node)),
      );
    }
    const values: T[] = [];
    node.items.forEach((child, index) => {
      const childPath = `${path}[${index}]`;
      remember(ctx, childPath, lineOf(child, ctx) ?? lineAt(ctx, path));
      const value = item(child, childPath, ctx);
      if (value !== INVALID) values.push(value);
    });
    if (options.min !== undefined && node.items.length < options.min) {
      return report(ctx, node, path, 'PLAN_FILE_INVALID_VALUE', messages.tooFewItems(options.min));
    }
    ctx.paths.set(values, path);
    return values;
  };
}

/**
 * A mapping with exactly the fields of `shape`: unknown keys are errors (with a "did you mean"),
 * missing required ones too. `refine` then checks rules across fields and may reshape the value.
 */
export function object<S extends Shape, R = ShapeValue<S>>(
  shape: S,
  refine?: (value: ShapeValue<S>, path: string, ctx: ReadContext) => R | Invalid,
): Reader<R> {
  const keys = Object.keys(shape);
  return (node, path, ctx) => {
    if (isAlias(node))
      return report(ctx, node, path, 'PLAN_FILE_INVALID_VALUE', messages.aliasesNotSupported());
    if (!isMap(node)) {
      return report(
        ctx,
        node,
        path,
        'PLAN_FILE_INVALID_TYPE',
        messages.invalidType(TYPE_NAMES.map, describe(node)),
      );
    }
    const present = new Map<string, { key: unknown; value: unknown }>();
    // An unknown key makes the object invalid but says nothing about the known fields, so the
    // cross-field rules below still run on them.
    let keysOk = true;
    let ok = true;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!keys.includes(key)) {
        report(
          ctx,
          pair.key,
          fieldPath(path, key),
          'PLAN_FILE_UNKNOWN_FIELD',
          messages.unknownField(key, suggest(key, keys)),
        );
        keysOk = false;
      } else present.set(key, { key: pair.key, value: pair.value });
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const field = shape[key]!;
      const entry = present.get(key);
      const childPath = fieldPath(path, key);
      if (entry) remember(ctx, childPath, lineOf(entry.value, ctx) ?? lineOf(entry.key, ctx));
      if (!entry || isNullish(entry.value)) {
        if (field.required) {
          report(ctx, entry?.key ?? node, childPath, 'PLAN_FILE_FIELD_REQUIRED', messages.required(key));
          ok = false;
        } else out[key] = field.fallback;
        continue;
      }
      const value = field.read(entry.value, childPath, ctx);
      if (value === INVALID) ok = false;
      else out[key] = value;
    }
    if (!ok) return INVALID;
    const value = out as ShapeValue<S>;
    const refined = refine ? refine(value, path, ctx) : (value as unknown as R);
    if (!keysOk) return INVALID;
    if (refined !== INVALID && typeof refined === 'object' && refined !== null) ctx.paths.set(refined, path);
    return refined;
  };
}

/**
 * Parses YAML text and reads its root with `root`. YAML syntax errors stop the reading (a broken
 * tree would only produce follow-on errors); they are returned with their line.
 */
export function readYaml<T>(text: string, root: Reader<T>): { value: T | Invalid; ctx: ReadContext } {
  const lineCounter = new LineCounter();
  const ctx: ReadContext = { lineCounter, errors: [], warnings: [], lines: new Map(), paths: new WeakMap() };
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const detail = error.message.split('\n')[0] ?? error.code;
      ctx.errors.push(
        issue('PLAN_FILE_YAML_SYNTAX', error.linePos?.[0].line ?? null, '', messages.yamlSyntax(detail)),
      );
    }
    return { value: INVALID, ctx };
  }
  ctx.lines.set('', lineOf(doc.contents, ctx) ?? 1);
  return { value: root(doc.contents, '', ctx), ctx };
}
