import type { Generated } from 'kysely';

/** A district's revocation list (W3C Bitstring Status List), as last signed. */
export interface CredentialStatusListTable {
  id: Generated<string>;
  districtCode: string;
  /** 1, 2, …: the list's place among the district's, in its URL (`/issuers/<code>/status/<n>`). */
  listNumber: number;
  bits: number;
  /** Indexes given out so far; a list full to its capacity makes way for the next one. */
  allocated: Generated<number>;
  /** The list as a VC-JWT signed by the district, served as it is. */
  signedJwt: string;
  createdAt: Date;
  updatedAt: Date;
}

/** One credential the platform signed: where its revocation bit is, its hash, its revocation. */
export interface IssuedCredentialTable {
  /** The credential's id without `urn:uuid:`. */
  id: string;
  districtCode: string;
  /** What it was issued for, opaque to the platform: `learning_outcome:<uuid>`. */
  subjectRef: string;
  statusListId: string;
  statusIndex: number;
  /** SHA-256 (hex) of the compact JWT. */
  credentialHash: string;
  issuedAt: Date;
  issuedBy: string | null;
  revokedAt: Date | null;
  revocationReason: string | null;
  revokedBy: string | null;
}

/** One public verification, kept for the per-client rate limit. */
export interface CredentialVerificationTable {
  clientHash: string;
  at: Date;
}

export interface CredentialTables {
  credentialStatusList: CredentialStatusListTable;
  issuedCredential: IssuedCredentialTable;
  credentialVerification: CredentialVerificationTable;
}
