/**
 * Whether a verified credential is revoked: its `credentialStatus` entry read from the issuer's
 * status list (a VC-JWT, verified like any credential of the same issuer). The caller fetches the
 * list — from its own store, never from a URL a pasted credential chose.
 */
import type { DidDocument } from './did-web.ts';
import { decodeStatusList, isRevoked, StatusListError } from './status-list.ts';
import { verifyCredentialJwt, type VerificationRefusal } from './verify-credential.ts';

/** The credential's status, or why it could not be read. */
export type StatusCheck =
  | { checked: true; revoked: boolean }
  | {
      checked: false;
      reason: { code: VerificationRefusal['code'] | 'STATUS_INVALID'; zh: string; en: string };
    };

const invalid = (zh: string, en: string): StatusCheck => ({
  checked: false,
  reason: { code: 'STATUS_INVALID', zh, en },
});

/**
 * Reads a credential's revocation bit from its status list, both issued by `didDocument`'s DID.
 *
 * @example
 * const status = await checkRevocation(result.credential, { statusListJwt, didDocument, now });
 * if (status.checked && status.revoked) show('已撤销 / revoked');
 */
export async function checkRevocation(
  credential: { credentialStatus?: unknown },
  options: { statusListJwt: string; didDocument: DidDocument; now: Date },
): Promise<StatusCheck> {
  const entry = credential.credentialStatus as Record<string, unknown> | undefined;
  if (
    entry?.type !== 'BitstringStatusListEntry' ||
    entry.statusPurpose !== 'revocation' ||
    typeof entry.statusListCredential !== 'string' ||
    typeof entry.statusListIndex !== 'string' ||
    !/^(0|[1-9]\d{0,9})$/.test(entry.statusListIndex)
  )
    return invalid(
      '凭证没有可读的撤销状态条目（BitstringStatusListEntry）',
      'The credential has no readable revocation entry (BitstringStatusListEntry)',
    );

  const list = await verifyCredentialJwt(options.statusListJwt, options);
  if (!list.valid) return { checked: false, reason: list.reason };
  const listCredential = list.credential as Record<string, unknown> & {
    credentialSubject: Record<string, unknown>;
  };
  const types = listCredential.type as unknown[];
  if (
    listCredential.id !== entry.statusListCredential ||
    !types.includes('BitstringStatusListCredential') ||
    listCredential.credentialSubject.statusPurpose !== 'revocation' ||
    typeof listCredential.credentialSubject.encodedList !== 'string'
  )
    return invalid(
      `状态列表不是凭证所指的撤销列表 ${entry.statusListCredential}`,
      `The status list is not the revocation list ${entry.statusListCredential} the credential names`,
    );
  try {
    const bits = decodeStatusList(listCredential.credentialSubject.encodedList);
    return { checked: true, revoked: isRevoked(bits, Number(entry.statusListIndex)) };
  } catch (error) {
    if (error instanceof StatusListError) return invalid(error.zh, error.message);
    throw error;
  }
}
