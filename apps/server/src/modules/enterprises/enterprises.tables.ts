import type { Generated } from 'kysely';
import type { AboveScaleSource, EnterpriseStatus } from '@zhijiao/contracts';

/** An enterprise on the register, keyed by its org unit (org_unit.type = 'enterprise'). */
export interface EnterpriseTable {
  orgUnitId: string;
  /** The district whose register holds it. */
  districtId: string;
  /** 统一社会信用代码, normalised (GB 32100-2015, checked). */
  uscc: string;
  legalName: string;
  /** 国民经济行业分类 门类 letter (A–T). */
  industrySection: string;
  /** 国民经济行业分类 大类 two-digit code. */
  industryDivision: string;
  address: string;
  status: EnterpriseStatus;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One calendar year of an enterprise: staff, revenue and the 规上 flag in force with its source. */
export interface EnterpriseYearTable {
  enterpriseId: string;
  year: number;
  /** 职工总数 at the year's end; null: not on file. */
  staff: number | null;
  /** 营业收入 (万元); null: not on file. */
  revenueWan: number | null;
  /** The statistics bureau's answer for the year, as imported or entered; null: not on its list yet. */
  listedAboveScale: boolean | null;
  /** The flag in force (scale.rules.ts resolveAboveScale). */
  aboveScale: boolean | null;
  aboveScaleSource: AboveScaleSource | null;
  /** The threshold version used when the source is `thresholds`. */
  thresholdVersion: string | null;
  updatedBy: string | null;
  updatedAt: Date;
}

/** A contact person of an enterprise; the phone only encrypted and masked. */
export interface EnterpriseContactTable {
  id: Generated<string>;
  enterpriseId: string;
  position: number;
  name: string;
  title: string;
  phoneCipher: string | null;
  phoneMasked: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface EnterpriseImportTable {
  id: Generated<string>;
  orgUnitId: string;
  contentHash: string;
  fileName: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  importedBy: string | null;
  importedAt: Date;
}

/** Tables of the enterprises module as Kysely sees them. */
export interface EnterpriseTables {
  enterprise: EnterpriseTable;
  enterpriseYear: EnterpriseYearTable;
  enterpriseContact: EnterpriseContactTable;
  enterpriseImport: EnterpriseImportTable;
}

// The module's tables join the app's database type: the module that declares a table owns it.
declare module '../../platform/db/database.types.ts' {
  interface Database extends EnterpriseTables {}
}
