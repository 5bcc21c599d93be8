/**
 * Zhijiao's architecture, checked by lint (see docs/architecture.md):
 * - `module-boundaries`: a module imports another module only through its `index.ts`; the platform
 *   never imports a module; routes call services, never repositories or the database; web
 *   features never import each other, and `components/` and `lib/` never import features or `app/`.
 * - `table-owner`: a module's SQL names only the tables its own `*.tables.ts` declares (the
 *   platform's, only the platform's); other modules' data is read through their `index.ts`.
 * - `no-query-builder`: services hold rules and transactions, not SQL: no Kysely query builder, no
 *   `sql` template and no `db.transaction()` (a module writes with `deps.transaction`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = path.join(ROOT, 'apps/server/src');
const WEB = path.join(ROOT, 'apps/web/src');

/** `apps/server/src/modules/<m>/…` → `m`, `apps/server/src/platform/…` → `platform`, else null. */
function serverOwner(file) {
  const rel = path.relative(SERVER, file);
  if (rel.startsWith('..')) return null;
  const [top, name] = rel.split(path.sep);
  if (top === 'modules' && name && !name.includes('.')) return name;
  if (top === 'platform') return 'platform';
  return null;
}

/** `apps/web/src/features/<f>/…` → `{ area: 'features', feature: f }`, else the top folder. */
function webArea(file) {
  const rel = path.relative(WEB, file);
  if (rel.startsWith('..')) return null;
  const [top, name] = rel.split(path.sep);
  return { area: top, feature: top === 'features' ? name : null };
}

function resolveImport(importer, source) {
  if (source.startsWith('@/')) return path.join(WEB, source.slice(2));
  if (source.startsWith('.')) return path.resolve(path.dirname(importer), source);
  return null;
}

let tableOwners = null;
/** Every table (Kysely name) → the module (or `platform`) whose `*.tables.ts` declares it. */
function owners() {
  if (tableOwners) return tableOwners;
  tableOwners = new Map();
  const scan = (dir, owner) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) scan(full, owner ?? serverOwner(path.join(full, 'x.ts')));
      else if (entry.name.endsWith('.tables.ts')) {
        const text = fs.readFileSync(full, 'utf8');
        for (const block of text.matchAll(/export interface \w+Tables(?: extends [^{]+)? \{([^}]*)\}/g))
          for (const key of block[1].matchAll(/^\s*(\w+)\s*:/gm))
            tableOwners.set(key[1], owner ?? serverOwner(full));
      }
    }
  };
  scan(path.join(SERVER, 'modules'), null);
  scan(path.join(SERVER, 'platform'), 'platform');
  return tableOwners;
}

const camel = (snake) => snake.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
const QUERY_METHODS = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
  'replaceInto',
]);
const JOIN_METHODS = new Set([
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'innerJoinLateral',
  'leftJoinLateral',
]);
const BUILDER_METHODS = new Set([...QUERY_METHODS, 'selectNoFrom', 'with', 'withRecursive']);
const SQL_TABLE = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+([a-z][a-z0-9_]*)\b/gi;
const SQL_WORDS = new Set([
  'select',
  'lateral',
  'only',
  'unnest',
  'generate_series',
  'jsonb_array_elements',
  'json_array_elements',
  'jsonb_to_recordset',
  'values',
]);

const isTest = (file) =>
  /\.(unit\.)?test\.tsx?$/.test(file) ||
  /test-helpers\.ts$/.test(file) ||
  file.includes(`${path.sep}test${path.sep}`);

const moduleBoundaries = {
  meta: { type: 'problem', schema: [], messages: { bad: '{{why}}' } },
  create(context) {
    const file = context.filename;
    const owner = serverOwner(file);
    const web = webArea(file);
    const isRoutes = /\.routes\.ts$/.test(file);
    function check(node, source) {
      const target = resolveImport(file, source);
      if (!target) return;
      const report = (why) => context.report({ node, messageId: 'bad', data: { why } });
      if (owner) {
        const targetOwner = serverOwner(target);
        const rel = path.relative(SERVER, target);
        if (
          owner === 'platform' &&
          !isTest(file) &&
          (rel.startsWith('modules') || /^(app|modules|runtime)\.ts$/.test(rel) || rel.startsWith('demo'))
        )
          return report('The platform never imports a module or the app: take what you need as a parameter.');
        if (owner !== 'platform' && targetOwner && targetOwner !== 'platform' && targetOwner !== owner) {
          const base = path.join(SERVER, 'modules', targetOwner);
          if (target !== path.join(base, 'index.ts') && target !== path.join(base, 'index'))
            report(`Import the ${targetOwner} module through its index.ts, not its internals.`);
        }
        if (
          isRoutes &&
          !isTest(file) &&
          (/\.(repository|queries)(\.ts)?$/.test(target) || /platform\/db\/(?!database\.types)/.test(rel))
        )
          report('Routes call services only: move this query behind the service.');
      }
      if (web && !isTest(file)) {
        const t = webArea(target);
        if (!t) return;
        if (web.area === 'features' && t.area === 'features' && t.feature !== web.feature)
          report(
            `Features do not import each other (${web.feature} → ${t.feature}): move the shared piece to components/ or lib/.`,
          );
        if ((web.area === 'components' || web.area === 'lib') && (t.area === 'features' || t.area === 'app'))
          report(`${web.area}/ is shared: it never imports features/ or app/.`);
        if (web.area === 'app' && t.area === 'features') {
          const rel = path.relative(path.join(WEB, 'features', t.feature), target);
          if (rel !== '' && !/^(index|routes)(\.tsx?)?$/.test(rel))
            report(`The app takes a feature through its routes.tsx or index.ts, not ${rel}.`);
        }
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

const tableOwner = {
  meta: { type: 'problem', schema: [], messages: { bad: '{{why}}' } },
  create(context) {
    const file = context.filename;
    const owner = serverOwner(file);
    // platform/db sees every table (backup and restore copy the whole database).
    if (!owner || isTest(file) || path.relative(SERVER, file).startsWith(path.join('platform', 'db')))
      return {};
    const map = owners();
    const checkTable = (node, name) => {
      const table = name.split(/\s+as\s+/i)[0].trim();
      const tableOwner = map.get(table);
      if (tableOwner && tableOwner !== owner)
        context.report({
          node,
          messageId: 'bad',
          data: {
            why: `The table ${table} belongs to ${tableOwner}: read it through ${tableOwner === 'platform' ? 'the platform' : `modules/${tableOwner}/index.ts`}.`,
          },
        });
    };
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return;
        const method = callee.property.name;
        if (!QUERY_METHODS.has(method) && !JOIN_METHODS.has(method)) return;
        const arg = node.arguments[0];
        if (arg?.type === 'Literal' && typeof arg.value === 'string') checkTable(arg, arg.value);
      },
      TaggedTemplateExpression(node) {
        if (
          !(node.tag.type === 'Identifier' && node.tag.name === 'sql') &&
          !(node.tag.type === 'MemberExpression' && node.tag.object.name === 'sql')
        )
          return;
        for (const quasi of node.quasi.quasis)
          for (const m of quasi.value.cooked.matchAll(SQL_TABLE))
            if (!SQL_WORDS.has(m[1].toLowerCase())) checkTable(quasi, camel(m[1]));
      },
    };
  },
};

const noQueryBuilder = {
  meta: { type: 'problem', schema: [], messages: { bad: '{{why}}' } },
  create(context) {
    if (!/\.service\.ts$/.test(context.filename)) return {};
    const report = (node, why) => context.report({ node, messageId: 'bad', data: { why } });
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return;
        const method = callee.property.name;
        if (BUILDER_METHODS.has(method))
          report(node, `Services hold rules, not SQL: move this ${method} into the module's repository.`);
        if (
          method === 'transaction' &&
          node.arguments.length === 0 &&
          serverOwner(context.filename) !== 'platform'
        )
          report(
            node,
            'A module writes with deps.transaction (it tells the plan what changed after the commit).',
          );
      },
      TaggedTemplateExpression(node) {
        if (node.tag.type === 'Identifier' && node.tag.name === 'sql')
          report(node, "Services hold rules, not SQL: move this query into the module's repository.");
      },
    };
  },
};

export default {
  rules: {
    'module-boundaries': moduleBoundaries,
    'table-owner': tableOwner,
    'no-query-builder': noQueryBuilder,
  },
};
