/**
 * A district's issuing over the key store: its DID under the installation's public URL, its DID
 * document, signing with its newest key, rotation.
 */
import { buildDidDocument, issuerDid, verificationMethodId, type DidDocument } from './did-web.ts';
import type { IssuerKeyStore, IssuerPublicKey } from './issuer-keys.ts';
import { signCredentialJwt, type SignableCredential } from './vc-jwt.ts';

/** A district's issuing as the rest of the server sees it: its DID, its DID document, signing, rotation. */
export interface CredentialIssuer {
  /** The district's DID, `did:web:<host>:issuers:<code>`. */
  did(districtCode: string): string;
  /** The DID document to serve: every key the district ever signed with. */
  didDocument(districtCode: string): DidDocument;
  /** The credential (or status list) as a VC-JWT signed with the district's newest key, made on first use. */
  sign(districtCode: string, credential: SignableCredential): string;
  /** A new signing key for the district; the older ones stay published. */
  rotate(districtCode: string): IssuerPublicKey;
}

/**
 * The issuing of every district of the installation at `publicUrl` (`ZHIJIAO_PUBLIC_URL`: the DID
 * is fixed by the public host name, never taken from a request), with the keys of `keys`.
 *
 * @example
 * const issuer = createCredentialIssuer({ keys: createIssuerKeyStore({ dir: issuerKeysDir(config), crypto, clock }), publicUrl });
 * const jwt = issuer.sign('SD', buildOpenBadgeCredential({ issuer: { did: issuer.did('SD'), name }, … }));
 */
export function createCredentialIssuer(deps: { keys: IssuerKeyStore; publicUrl: string }): CredentialIssuer {
  const { keys, publicUrl } = deps;
  const did = (districtCode: string) => issuerDid(publicUrl, districtCode);
  return {
    did,
    didDocument: (districtCode) => buildDidDocument(did(districtCode), keys.publicKeys(districtCode)),
    sign(districtCode, credential) {
      const key = keys.signingKey(districtCode);
      return signCredentialJwt(credential, key, verificationMethodId(did(districtCode), key.keyId));
    },
    rotate: (districtCode) => keys.rotate(districtCode),
  };
}
