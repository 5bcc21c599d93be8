import type { credentialsZh } from './credentials.zh';

/** The public credential verification page in English: the same keys as `credentials.zh.ts`. */
export const credentialsEn: Record<keyof typeof credentialsZh, string> = {
  'credentials.nav': 'Verify a credential',
  'credentials.verify.title': 'Verify a credential',
  'credentials.verify.hint':
    'Paste the credential (the long text starting with eyJ in its .jwt file) or choose the file to see who issued it, what it attests, to whom, whether the signature holds and whether it has been revoked. The credential is used for this check only and not kept.',
  'credentials.verify.input': 'Credential',
  'credentials.verify.placeholder': 'eyJhbGciOiJFZERTQSIs…',
  'credentials.verify.upload': 'Choose the credential file (.jwt / .txt)',
  'credentials.verify.fileRead': 'Read the file {name}',
  'credentials.verify.fileTooLarge': 'File too large: a credential is at most 64 KB',
  'credentials.verify.submit': 'Verify',
  'credentials.verify.clear': 'Clear',
  'credentials.verify.required': 'Paste the credential or choose its file',
  'credentials.verify.valid': 'Valid credential',
  'credentials.verify.validHint': 'The signature holds; issued by the body below; not revoked.',
  'credentials.verify.revoked': 'Revoked credential',
  'credentials.verify.invalid': 'The credential did not pass verification',
  'credentials.verify.issuer': 'Issuer',
  'credentials.verify.achievement': 'Achievement',
  'credentials.verify.holder': 'Holder',
  'credentials.verify.issuedOn': 'Issued on',
  'credentials.verify.validUntil': 'Valid until',
  'credentials.verify.signature': 'Signature',
  'credentials.verify.signatureValid': 'Valid',
  'credentials.verify.signatureInvalid': 'Invalid',
  'credentials.verify.status': 'Revocation',
  'credentials.verify.notRevoked': 'Not revoked',
  'credentials.verify.isRevoked': 'Revoked',
  'credentials.verify.unknown': 'Cannot be told',
  'credentials.verify.credentialId': 'Credential id',
  'credentials.verify.issuerDid': 'Issuer identifier (DID)',
  'credentials.verify.none': '(not stated)',
  'credentials.verify.standards':
    'Credentials follow Open Badges 3.0 / W3C Verifiable Credentials (VC-JWT, Ed25519 signatures) and can also be verified offline with any standard tool.',
};
