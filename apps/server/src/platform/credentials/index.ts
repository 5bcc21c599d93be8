/**
 * Credentials anyone can verify (issue 14): Open Badges 3.0 credentials signed as VC-JWT (EdDSA,
 * Ed25519) by a district's issuing key, its public keys in a did:web document, revocation through
 * a W3C Bitstring Status List, and the app's own verifier. A module issues and revokes through
 * `issueCredential` / `revokeCredential` (its `ModuleDeps` carry `credentials`); the public routes
 * (`platform/http/routes/credentials.routes.ts`) serve the DID documents, the lists and the
 * verification.
 */
export type { DidDocument, VerificationMethod } from './did-web.ts';
export { didDocumentUrl, issuerDid } from './did-web.ts';
export type { IssuerKeyStore, IssuerPublicKey } from './issuer-keys.ts';
export { createIssuerKeyStore, issuerKeysDir } from './issuer-keys.ts';
export type { OpenBadgeCredential, OpenBadgeInput } from './open-badge.ts';
export { buildOpenBadgeCredential } from './open-badge.ts';
export type { StatusListCredential, StatusListEntry } from './status-list.ts';
export {
  buildStatusListCredential,
  createStatusList,
  decodeStatusList,
  isRevoked,
  pickStatusIndex,
  setRevoked,
  statusListEntry,
  StatusListError,
} from './status-list.ts';
export type { StatusCheck } from './credential-status.ts';
export { checkRevocation } from './credential-status.ts';
export type { CredentialVerification, VerificationRefusal } from './verify-credential.ts';
export { signerDid, verifyCredentialJwt } from './verify-credential.ts';
export { wholeSecondsIso } from './vc-jwt.ts';

export type { CredentialIssuer } from './issuer.ts';
export { createCredentialIssuer } from './issuer.ts';
export type { CredentialIssuing } from './credential-issuing.ts';
export { createCredentialIssuing } from './credential-issuing.ts';
export type {
  CredentialDeps,
  CredentialToIssue,
  IssueCredentialInput,
  IssuedCredential,
} from './credentials.service.ts';
export { issueCredential, openCredentialCount, revokeCredential } from './credentials.service.ts';
