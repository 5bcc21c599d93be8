import { ERROR_MESSAGES, type ErrorBody, type ErrorCode } from '@zhijiao/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, RetryLaterError } from './app-error.ts';

type Lang = 'zh' | 'en';

/** The request's language: `?lang=en`, else `Accept-Language` starting with en, else Chinese. */
export function requestLang(request: FastifyRequest): Lang {
  const q = (request.query as Record<string, unknown> | undefined)?.lang;
  if (q === 'en' || q === 'zh') return q;
  return /^en\b/i.test(request.headers['accept-language'] ?? '') ? 'en' : 'zh';
}

function body(code: ErrorCode | string, lang: Lang, details?: unknown): ErrorBody {
  const known = ERROR_MESSAGES[code as ErrorCode];
  const message = known ? known[lang] : code;
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}

const PG_ERRORS: Record<string, { code: ErrorCode; status: number }> = {
  '23505': { code: 'CONFLICT', status: 409 },
  '23503': { code: 'REFERENCE_CONFLICT', status: 409 },
  '22P02': { code: 'VALIDATION_FAILED', status: 400 },
  // NUL or an invalid byte in text: bad input, not a server fault.
  '22021': { code: 'VALIDATION_FAILED', status: 400 },
  '22P05': { code: 'VALIDATION_FAILED', status: 400 },
  // A date or time that does not exist, or out of range: bad input.
  '22007': { code: 'VALIDATION_FAILED', status: 400 },
  '22008': { code: 'VALIDATION_FAILED', status: 400 },
};

/**
 * The field a CHECK constraint guards, from the name PostgreSQL gives one declared without a name,
 * in the API's camelCase: `<table>_<column>_check` (`cooperation_agreement_title_check` →
 * `title`, `teacher_birth_year_check` → `birthYear`), numbered for a second check on the same
 * column (`teacher_birth_year_check1`), with the table's part clipped when the whole name would
 * pass 63 characters. `body` for a check over several columns (`<table>_check`); the constraint's
 * own name for a name of another form.
 */
export function checkedField(e: { table?: string; constraint?: string }): string {
  const name = e.constraint ?? '';
  const parts = CHECK_NAME.exec(name);
  const column = e.table && parts ? checkedColumn(e.table, parts[1]!, parts[2]!, name) : null;
  return (column ?? name).replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) || 'body';
}

const CHECK_NAME = /^(.+)_(check\d*)$/;
/** PostgreSQL's longest identifier (NAMEDATALEN - 1): longer generated names are clipped. */
const MAX_NAME = 63;

/** The column of a generated `<table>_<column>_<label>` name, '' for `<table>_<label>`, null if not one. */
function checkedColumn(table: string, rest: string, label: string, name: string): string | null {
  if (rest === table) return '';
  if (rest.startsWith(`${table}_`)) return rest.slice(table.length + 1);
  for (let i = rest.indexOf('_'); i > 0; i = rest.indexOf('_', i + 1)) {
    const column = rest.slice(i + 1);
    if (generatedName(table, column, label) === name) return column;
  }
  return null;
}

/** PostgreSQL's `makeObjectName`: the longer of table and column is clipped until the name fits. */
function generatedName(table: string, column: string, label: string): string {
  let t = table.length;
  let c = column.length;
  while (t + c > MAX_NAME - label.length - 2) {
    if (t > c) t--;
    else c--;
  }
  return `${table.slice(0, t)}_${column.slice(0, c)}_${label}`;
}

/** The facts of a PostgreSQL error a log line may carry. */
type DbErrorFacts = {
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  dataType?: string;
  schema?: string;
};

/**
 * What of a database error goes to the log: its SQLSTATE and where it struck (constraint, table,
 * column, type) — never its `detail`, which holds the failing row's or key's values (`Failing row
 * contains (…)`, `Key (id_index)=(…) already exists`), nor, for an invalid value, its message
 * (`invalid input syntax for type uuid: "…"`): personal data a log must not hold (SECURITY.md).
 */
export function dbErrorFacts(error: unknown): DbErrorFacts {
  const e = error as Record<string, unknown>;
  const facts: DbErrorFacts = {};
  for (const key of ['code', 'constraint', 'table', 'column', 'dataType', 'schema'] as const)
    if (typeof e[key] === 'string') facts[key] = e[key];
  return facts;
}

/** A PostgreSQL error (pg's DatabaseError, PGlite's): it carries a severity and a SQLSTATE. */
function isDbError(error: unknown): boolean {
  const e = error as { severity?: unknown; code?: unknown };
  return typeof e.severity === 'string' && typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code);
}

type AjvIssue = {
  instancePath: string;
  schemaPath?: string;
  keyword?: string;
  message?: string;
  params?: unknown;
  /** The values a field may take, when it is a list of them (`literals`). */
  allowed?: string[];
};

/**
 * A value outside a list of literals (`anyOf` of `const`s) makes Ajv report each `const` branch
 * and then the `anyOf`; these become one issue naming the values the field may take.
 */
function oneOfValues(issues: readonly AjvIssue[]): AjvIssue[] {
  const out: AjvIssue[] = [];
  for (const issue of issues) {
    const branches: AjvIssue[] = [];
    if (issue.keyword === 'anyOf')
      while (
        out.length &&
        out.at(-1)!.keyword === 'const' &&
        out.at(-1)!.instancePath === issue.instancePath &&
        out.at(-1)!.schemaPath?.startsWith(`${issue.schemaPath}/`)
      )
        branches.unshift(out.pop()!);
    // Every branch a constant (0, 1, … in order: a failing branch of another kind would stand
    // between them), or the issues stay as Ajv gave them.
    const onlyConstants = branches.every((b, i) => b.schemaPath === `${issue.schemaPath}/${i}/const`);
    if (!branches.length || !onlyConstants) {
      out.push(...branches, issue);
      continue;
    }
    const allowed = branches.map((b) => String((b.params as { allowedValue?: unknown }).allowedValue));
    out.push({ ...issue, allowed });
  }
  return out;
}

/**
 * Maps every error to `{ error: { code, message, details } }`: schema validation → 400 with field
 * paths; AppError → its code; known SQLSTATEs → 409/400; anything else → 500 with a generic
 * message (the real one goes to the log only).
 */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  const lang = requestLang(request);
  if (error instanceof AppError) {
    if (error instanceof RetryLaterError) void reply.header('retry-after', String(error.retryAfterSeconds));
    void reply.status(error.status).send(body(error.code, lang, error.details));
    return;
  }
  const fe = error as FastifyError & { validation?: AjvIssue[] };
  if (fe.validation) {
    const details = oneOfValues(fe.validation).map((v) => {
      const params = v.params as
        { missingProperty?: string; additionalProperty?: string; format?: string } | undefined;
      const missing = params?.missingProperty;
      const unknown = params?.additionalProperty;
      const field = [
        fe.validationContext,
        v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
        missing ?? unknown,
      ]
        .filter(Boolean)
        .join('.');
      if (unknown) {
        return {
          field,
          code: 'UNKNOWN_FIELD',
          message: `不允许的字段：${field}`,
          messageEn: `Unknown field: ${field}`,
        };
      }
      if (v.allowed) {
        return {
          field,
          code: 'NOT_ONE_OF',
          message: `字段 ${field} 只能取以下值之一：${v.allowed.join('、')}`,
          messageEn: `Field ${field} must be one of: ${v.allowed.join(', ')}`,
        };
      }
      if (params?.format === 'date') {
        return {
          field,
          code: 'DATE_INVALID',
          message: `字段 ${field} 不是有效日期（YYYY-MM-DD）`,
          messageEn: `Field ${field} is not a valid date (YYYY-MM-DD)`,
        };
      }
      return {
        field,
        code: missing ? 'REQUIRED' : 'INVALID',
        message: missing ? `缺少必填字段：${field}` : `字段 ${field} 不符合要求：${v.message ?? ''}`,
        messageEn: missing
          ? `Missing required field: ${field}`
          : `Field ${field} is invalid: ${v.message ?? ''}`,
      };
    });
    void reply.status(400).send(body('VALIDATION_FAILED', lang, details));
    return;
  }
  const pgCode = (error as { code?: string }).code;
  if (pgCode === '23514') {
    // A CHECK the schema's rules did not foresee (a title of spaces only, an amount that rounds to
    // 0.00): the client's input, so 400, naming the field the constraint is on.
    request.log.warn({ db: dbErrorFacts(error) }, 'database check constraint');
    const field = checkedField(error as { table?: string; constraint?: string });
    void reply.status(400).send(
      body('VALIDATION_FAILED', lang, [
        {
          field,
          code: 'INVALID',
          message: `字段 ${field} 的值不符合要求（不能为空白，数值须在允许范围内）`,
          messageEn: `Field ${field} has a value the record cannot hold (not blank, numbers in range)`,
        },
      ]),
    );
    return;
  }
  const mapped = pgCode ? PG_ERRORS[pgCode] : undefined;
  if (mapped) {
    request.log.warn({ db: dbErrorFacts(error) }, 'database constraint');
    void reply.status(mapped.status).send(body(mapped.code, lang));
    return;
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    const byStatus: Record<number, ErrorCode> = {
      401: 'AUTH_REQUIRED',
      403: 'FORBIDDEN',
      404: 'NOT_FOUND',
      413: 'FILE_TOO_LARGE',
      429: 'RATE_LIMITED',
    };
    const code = byStatus[fe.statusCode] ?? 'VALIDATION_FAILED';
    void reply
      .status(fe.statusCode)
      .send(
        body(code, lang, [
          { field: '', code: fe.code ?? 'INVALID', message: fe.message, messageEn: fe.message },
        ]),
      );
    return;
  }
  // A database error keeps its message and stack for the 500 (no values in those of the SQLSTATEs
  // not mapped above), but not its detail (the row's values).
  const logged = isDbError(error)
    ? { type: error.name, message: error.message, stack: error.stack, ...dbErrorFacts(error) }
    : error;
  request.log.error({ err: logged }, 'unhandled error');
  void reply.status(500).send(body('INTERNAL', lang));
}
