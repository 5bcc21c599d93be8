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

const CheckpointSummarySchema = Type.Object({
  file: Type.String({ description: 'The checkpoint file on the server, outside the database' }),
  total: Type.Number({ description: 'Lines in the checkpoint file' }),
  valid: Type.Number({ description: 'Lines whose signature holds' }),
  lastSeq: Nullable(Type.Number({ description: 'Seq of the newest signed checkpoint' })),
  lastAt: Nullable(Type.String({ description: 'When the newest signed checkpoint was written' })),
});

export const AuditVerificationSchema = Type.Object({
  ok: Type.Boolean(),
  rows: Type.Number(),
  headSeq: Type.Number(),
  headHash: Type.String(),
  problems: Type.Array(
    Type.Object({
      seq: Type.Number(),
      problem: Type.String({
        description:
          'hash_mismatch, chain_broken, missing_rows, checkpoint_invalid, checkpoint_row_missing, checkpoint_mismatch, checkpoint_chain_broken or checkpoints_missing',
      }),
      message: Type.String(),
    }),
  ),
  checkpoints: CheckpointSummarySchema,
});

export const AuditCheckpointsSchema = Type.Object({
  file: Type.String({ description: 'The checkpoint file on the server, outside the database' }),
  total: Type.Number({ description: 'Lines in the checkpoint file' }),
  valid: Type.Number({ description: 'Lines whose signature holds' }),
  items: Type.Array(
    Type.Object({
      line: Type.Number({ description: 'Line in the file' }),
      seq: Nullable(Type.Number({ description: 'Seq of the chain head; null if the line is unreadable' })),
      hash: Nullable(Type.String({ description: 'Hash of the chain head at that seq' })),
      at: Nullable(Type.String({ description: 'When the checkpoint was written (ISO instant)' })),
      valid: Type.Boolean({ description: 'The signature holds (made with the secret key)' }),
    }),
    { description: 'The newest checkpoints, newest first' },
  ),
  lastVerification: Nullable(
    Type.Object({
      at: Timestamp,
      actorName: Nullable(Type.String()),
      result: Type.String({ description: 'success or failure' }),
      details: Type.Unknown(),
    }),
  ),
});
