import type { ColumnType, Generated } from 'kysely';
import type { OrgUnitType } from '@zhijiao/contracts';

export interface OrgUnitTable {
  id: Generated<string>;
  code: string;
  name: string;
  fullName: string;
  nameEn: Generated<string>;
  type: OrgUnitType;
  groups: ColumnType<string[], string[] | undefined, string[]>;
  aliases: ColumnType<OrgUnitAlias[], string | undefined, string>;
  parentId: string | null;
  demo: Generated<boolean>;
  createdAt: Generated<Date>;
}

export interface OrgUnitAlias {
  name: string;
  warning: boolean;
}

export interface OrgTables {
  orgUnit: OrgUnitTable;
}

// The module's tables join the app's database type: the module that declares a table owns it.
declare module '../../platform/db/database.types.ts' {
  interface Database extends OrgTables {}
}
