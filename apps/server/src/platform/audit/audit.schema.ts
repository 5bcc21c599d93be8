import { Type, type Static } from 'typebox';
import { Nullable, Timestamp } from '../http/schemas.ts';

export const AuditEntrySchema = Type.Object({
  seq: Type.Number(),
  at: Timestamp,
  actorName: Nullable(Type.String()),
  action: Type.String(),
  objectType: Nullable(Type.String()),
  objectId: Nullable(Type.String()),
  result: Type.String(),
  ip: Nullable(Type.String()),
  details: Type.Unknown(),
});

export const AuditQuery = Type.Object({
  action: Type.Optional(Type.String({ maxLength: 64 })),
  actor: Type.Optional(Type.String({ maxLength: 64 })),
  result: Type.Optional(
    Type.Union([Type.Literal('success'), Type.Literal('denied'), Type.Literal('failure')]),
  ),
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
  before: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: Number.MAX_SAFE_INTEGER,
      description: 'Page: rows with seq below this',
    }),
  ),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
});
/** Filters of the audit log: action prefix, actor name, result, China dates, a page before `seq`. */
export type AuditFilter = Static<typeof AuditQuery>;

export const AuditVerificationSchema = Type.Object({
  ok: Type.Boolean(),
  rows: Type.Number(),
  headSeq: Type.Number(),
  headHash: Type.String(),
  problems: Type.Array(Type.Object({ seq: Type.Number(), problem: Type.String(), message: Type.String() })),
});
