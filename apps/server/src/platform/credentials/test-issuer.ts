/**
 * A throwaway issuer for the credentials tests: `createCredentialIssuer` over a key store in a temporary data directory under a
 * random secret key, the DID of district `SD` under a public URL with a port (so the `%3A` form
 * is exercised), and a did-resolver `Resolver` whose `web` method answers from what the issuer
 * publishes — the test form of did:web resolution (no HTTPS server), going through the document's
 * URL and its JSON text as a fetch would.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Resolver, type DIDResolutionResult } from 'did-resolver';
import { createFixedClock } from '../clock/clock.ts';
import { createFieldCrypto } from '../crypto/field-crypto.ts';
import { didDocumentUrl, type DidDocument } from './did-web.ts';
import { createCredentialIssuer } from './index.ts';
import { createIssuerKeyStore, issuerKeysDir } from './issuer-keys.ts';
import { buildOpenBadgeCredential, type OpenBadgeCredential } from './open-badge.ts';
import { statusListEntry } from './status-list.ts';
import type { SignableCredential } from './vc-jwt.ts';

export const PUBLIC_URL = 'https://zhijiao.example.gov.cn:8443';
export const STATUS_LIST_URL = `${PUBLIC_URL}/status/SD/1`;

/** Makes the issuer; `close()` removes its data directory. */
export function createTestIssuer() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhijiao-credentials-'));
  const clock = createFixedClock('2026-12-07T09:08:10.456Z');
  const keys = createIssuerKeyStore({
    dir: issuerKeysDir({ dataDir }),
    crypto: createFieldCrypto(randomBytes(32)),
    clock,
  });
  const issuing = createCredentialIssuer({ keys, publicUrl: PUBLIC_URL });
  const did = issuing.did('SD');
  const didDocument = (): DidDocument => issuing.didDocument('SD');
  /** What the issuer's web server would answer at each URL (did.json as JSON text). */
  const served = () => new Map([[didDocumentUrl(did), JSON.stringify(didDocument())]]);

  const resolver = new Resolver({
    web: async (requested): Promise<DIDResolutionResult> => {
      const text = served().get(didDocumentUrl(requested));
      const doc = text === undefined ? null : (JSON.parse(text) as DidDocument);
      if (!doc || doc.id !== requested)
        return { didDocument: null, didDocumentMetadata: {}, didResolutionMetadata: { error: 'notFound' } };
      return {
        didDocument: doc,
        didDocumentMetadata: {},
        didResolutionMetadata: { contentType: 'application/did+json' },
      };
    },
  });

  function credential(overrides: { learnerName?: string; index?: number } = {}): OpenBadgeCredential {
    return buildOpenBadgeCredential({
      id: `urn:uuid:${randomUUID()}`,
      issuer: { did, name: '上党区教育局', url: `${PUBLIC_URL}/` },
      validFrom: clock.now(),
      learner: { id: `urn:uuid:${randomUUID()}`, name: overrides.learnerName ?? '张三' },
      achievement: {
        id: `${PUBLIC_URL}/achievements/elec-4`,
        name: '电工（中级）',
        description: '通过区职教中心组织的电工中级理论与实操考核。',
        criteria: '理论知识考试与技能操作考核均合格（60分及以上）。',
        achievementType: 'Certificate',
      },
      status: statusListEntry(STATUS_LIST_URL, overrides.index ?? 94567),
    });
  }

  return {
    clock,
    keys,
    did,
    didDocument,
    resolver,
    credential,
    /** Signs as the district's issuing does: with its newest key (made on first use). */
    sign: (credential: SignableCredential) => issuing.sign('SD', credential),
    close: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

export type TestIssuer = ReturnType<typeof createTestIssuer>;
