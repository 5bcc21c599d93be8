import type { ColumnType } from 'kysely';

export interface AuditLogTable {
  seq: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  orgUnitId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: 'success' | 'denied' | 'failure';
  ip: string | null;
  details: ColumnType<Record<string, unknown>, string, string>;
  prevHash: string;
  hash: string;
}

export interface AuditTables {
  auditLog: AuditLogTable;
}
