import type { Generated } from 'kysely';

export interface StoredFileTable {
  id: Generated<string>;
  orgUnitId: string;
  uploadedBy: string;
  originalName: string;
  kind: string;
  mime: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  createdAt: Date;
}

export interface FileTables {
  storedFile: StoredFileTable;
}
