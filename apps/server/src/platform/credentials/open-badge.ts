/**
 * Open Badges 3.0 `OpenBadgeCredential`s (a W3C Verifiable Credential, VCDM 2.0) for a learning
 * outcome. The recipient is named by plain-text name only (an `IdentityObject` of type `name`) and
 * a pseudonymous `urn:uuid:` id; no ID number, hashed or not, ever goes in: a credential is shown
 * to anyone, and an 18-digit 居民身份证号 is guessable from its hash (region, birth date, sequence).
 */
import type { StatusListEntry } from './status-list.ts';
import { wholeSecondsIso } from './vc-jwt.ts';

export const OB_CONTEXTS = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  // Defines 1EdTechJsonSchemaValidator2019 (credentialSchema's type): without it JSON-LD processors refuse the type.
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
];

export const OB_CREDENTIAL_SCHEMA = {
  id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
  type: '1EdTechJsonSchemaValidator2019',
};

/** The issuer as OB's `Profile`: the district's DID and name. */
export interface IssuerProfile {
  id: string;
  type: ['Profile'];
  name: string;
  url?: string;
}

/** What was achieved (OB `Achievement`). */
export interface Achievement {
  id: string;
  type: ['Achievement'];
  name: string;
  description: string;
  criteria: { narrative: string };
  achievementType?: string;
  /** What each of the subject's results reports (a transcript's lines). */
  resultDescription?: ResultDescription[];
  inLanguage?: string;
}

/** OB `ResultDescription`: one line a result reports against, e.g. an outcome's credits. */
export interface ResultDescription {
  id: string;
  type: ['ResultDescription'];
  name: string;
  resultType: string;
}

/** OB `Result`: the value the subject achieved for one `ResultDescription`. */
export interface Result {
  type: ['Result'];
  resultDescription: string;
  value: string;
}

/** An OpenBadgeCredential as signed (the VC-JWT payload without its JWT claims). */
export interface OpenBadgeCredential {
  '@context': string[];
  id: string;
  type: ['VerifiableCredential', 'OpenBadgeCredential'];
  issuer: IssuerProfile;
  validFrom: string;
  validUntil?: string;
  name: string;
  credentialSubject: {
    id: string;
    type: ['AchievementSubject'];
    identifier: { type: 'IdentityObject'; identityType: 'name'; hashed: false; identityHash: string }[];
    achievement: Achievement;
    result?: Result[];
    creditsEarned?: number;
  };
  credentialSchema: (typeof OB_CREDENTIAL_SCHEMA)[];
  credentialStatus: StatusListEntry;
}

/** What a credential for one outcome needs. */
export interface OpenBadgeInput {
  /** The credential's id, `urn:uuid:…`: the JWT's `jti`. */
  id: string;
  issuer: { did: string; name: string; url?: string };
  /** When it takes effect; written in whole seconds, since `nbf` (seconds) must equal it. */
  validFrom: Date;
  validUntil?: Date;
  /** The learner: a pseudonymous id (`urn:uuid:<learner uuid>`, never derived from the ID number) and the name. */
  learner: { id: string; name: string };
  achievement: {
    id: string;
    name: string;
    description: string;
    criteria: string;
    achievementType?: string;
  };
  /**
   * Lines reported with the achievement (OB `result` against the achievement's
   * `resultDescription`): each an absolute URI `id`, a name, OB's `resultType` and the value.
   */
  results?: { id: string; name: string; resultType: string; value: string }[];
  /** The credits the subject earned with this achievement (OB `creditsEarned`). */
  creditsEarned?: number;
  status: StatusListEntry;
}

/**
 * The OpenBadgeCredential for one outcome, contexts in the order OB requires, with the schema
 * and the revocation entry.
 *
 * @example
 * const credential = buildOpenBadgeCredential({
 *   id: `urn:uuid:${randomUUID()}`,
 *   issuer: { did, name: '上党区教育局' },
 *   validFrom: clock.now(),
 *   learner: { id: `urn:uuid:${learnerId}`, name: '张三' },
 *   achievement: { id: 'https://zhijiao.example.gov.cn/achievements/elec-4', name: '电工（中级）', description: '…', criteria: '…' },
 *   status: statusListEntry('https://zhijiao.example.gov.cn/status/1', 94567),
 * });
 */
export function buildOpenBadgeCredential(input: OpenBadgeInput): OpenBadgeCredential {
  const { issuer, learner, achievement } = input;
  return {
    '@context': [...OB_CONTEXTS],
    id: input.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer.did, type: ['Profile'], name: issuer.name, ...(issuer.url && { url: issuer.url }) },
    validFrom: wholeSecondsIso(input.validFrom),
    ...(input.validUntil && { validUntil: wholeSecondsIso(input.validUntil) }),
    name: achievement.name,
    credentialSubject: {
      id: learner.id,
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: learner.name },
      ],
      achievement: {
        id: achievement.id,
        type: ['Achievement'],
        name: achievement.name,
        description: achievement.description,
        criteria: { narrative: achievement.criteria },
        ...(achievement.achievementType && { achievementType: achievement.achievementType }),
        ...(input.results && {
          resultDescription: input.results.map((r) => ({
            id: r.id,
            type: ['ResultDescription'] as ['ResultDescription'],
            name: r.name,
            resultType: r.resultType,
          })),
        }),
        inLanguage: 'zh-CN',
      },
      ...(input.results && {
        result: input.results.map((r) => ({
          type: ['Result'] as ['Result'],
          resultDescription: r.id,
          value: r.value,
        })),
      }),
      ...(input.creditsEarned !== undefined && { creditsEarned: input.creditsEarned }),
    },
    credentialSchema: [{ ...OB_CREDENTIAL_SCHEMA }],
    credentialStatus: input.status,
  };
}
