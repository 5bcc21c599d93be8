/**
 * Issuing and revoking (issue 14): the platform side a module calls. `issueCredential` signs an
 * Open Badges 3.0 credential as a VC-JWT with the district's key, its revocation bit drawn at
 * random from the district's current status list under a lock (no two credentials ever share an
 * index), and keeps a row of it — the credential's hash, never the JWT. `revokeCredential` sets
 * the bit and re-signs the list. Both write in the caller's transaction when given one, else in
 * their own, with an audit row.
 */
import { createHash, randomInt, randomUUID } from 'node:crypto';
import type { AuditActor, AuditLog } from '../audit/audit-log.ts';
import type { Clock } from '../clock/clock.ts';
import { lockForTransaction } from '../db/advisory-lock.ts';
import type { Executor } from '../db/database.ts';
import { AppError, fieldError } from '../errors/app-error.ts';
import { DISTRICT_CODE, requireIssuer, statusListUrl, type CredentialIssuing } from './credential-issuing.ts';
import * as repo from './credentials.repository.ts';
import type { CredentialIssuer } from './issuer.ts';
import { buildOpenBadgeCredential, type OpenBadgeInput } from './open-badge.ts';
import {
  buildStatusListCredential,
  createStatusList,
  setRevoked,
  STATUS_LIST_MIN_BITS,
  statusListEntry,
} from './status-list.ts';

const SUBJECT_REF = /^[a-z][a-z0-9_]{0,39}:[A-Za-z0-9._:-]{1,160}$/;
/** The most result lines a credential carries: a transcript's outcomes and conversions, within what the public verification reads (64 KiB). */
const MAX_RESULTS = 100;
/** The largest credential the public verification reads (`POST /api/public/credentials/verify`). */
export const MAX_CREDENTIAL_CHARS = 65_536;
const URN_UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What issuing and revoking need: a database (or the caller's transaction), the clock, the audit log. */
export interface CredentialDeps {
  db: Executor;
  clock: Clock;
  audit: AuditLog;
  credentials: CredentialIssuing;
}

/** The credential's content a module gives; the platform adds id, issuer DID, dates and status. */
export interface CredentialToIssue {
  /** The issuer's name as the credential shows it (the district's 教育局), and its web page. */
  issuer: { name: string; url?: string };
  learner: OpenBadgeInput['learner'];
  achievement: OpenBadgeInput['achievement'];
  results?: OpenBadgeInput['results'];
  creditsEarned?: number;
  validUntil?: Date;
}

export interface IssueCredentialInput {
  /** The issuing district's org-unit code: its DID is `did:web:<host>:issuers:<code>`. */
  districtCode: string;
  /** What the credential is for, opaque here: `learning_outcome:<uuid>`. */
  subjectRef: string;
  credential: CredentialToIssue;
  actor: AuditActor;
}

export interface IssuedCredential {
  /** `urn:uuid:…`, the credential's id and the JWT's `jti`. */
  id: string;
  /** The compact VC-JWT to hand to the holder (a `.jwt` file). */
  jwt: string;
  statusListCredential: string;
  statusListIndex: number;
  issuedAt: Date;
}

/** Runs `work` in the caller's transaction, or in a new one. */
function inTransaction<T>(db: Executor, work: (trx: Executor) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

function checkInput(input: IssueCredentialInput): void {
  const { districtCode, subjectRef, credential } = input;
  if (!DISTRICT_CODE.test(districtCode))
    throw fieldError(
      'districtCode',
      'PATTERN',
      '区县代码须为 1–64 位字母、数字、“.”“_”或“-”',
      'The district code must be 1-64 letters, digits, ".", "_" or "-"',
    );
  if (!SUBJECT_REF.test(subjectRef))
    throw fieldError(
      'subjectRef',
      'PATTERN',
      '签发对象须写作“类型:编号”，如 learning_outcome:<uuid>',
      'The subject must read "kind:id", e.g. learning_outcome:<uuid>',
    );
  const texts: Array<[string, string, number]> = [
    ['credential.issuer.name', credential.issuer.name, 200],
    ['credential.learner.name', credential.learner.name, 100],
    ['credential.achievement.name', credential.achievement.name, 200],
    ['credential.achievement.description', credential.achievement.description, 2000],
    ['credential.achievement.criteria', credential.achievement.criteria, 2000],
  ];
  for (const [field, value, max] of texts)
    if (value.trim() === '' || value.length > max)
      throw fieldError(
        field,
        'LENGTH',
        `须填写，且不超过 ${max} 个字符`,
        `Required, at most ${max} characters`,
      );
  if (!URL.canParse(credential.achievement.id) || credential.achievement.id.length > 500)
    throw fieldError(
      'credential.achievement.id',
      'URI',
      '成果标识须为绝对 URI（如 https://…/achievements/…），不超过 500 个字符',
      'The achievement id must be an absolute URI (e.g. https://…/achievements/…), at most 500 characters',
    );
  checkResults(credential);
  if (!URN_UUID.test(credential.learner.id))
    throw fieldError(
      'credential.learner.id',
      'PATTERN',
      '学习者标识须为 urn:uuid:<uuid>（不得由身份证号派生）',
      'The learner id must be urn:uuid:<uuid> (never derived from the ID number)',
    );
}

/** A credential's result lines: at most 100, each with an absolute URI id and a name and value that fit. */
function checkResults(credential: CredentialToIssue): void {
  const results = credential.results ?? [];
  if (results.length > MAX_RESULTS)
    throw fieldError(
      'credential.results',
      'TOO_MANY',
      `结果明细不超过 ${MAX_RESULTS} 行`,
      `At most ${MAX_RESULTS} result lines`,
    );
  results.forEach((r, i) => {
    if (!URL.canParse(r.id) || r.id.length > 500 || !/^[A-Za-z:]{1,60}$/.test(r.resultType))
      throw fieldError(
        `credential.results.${i}.id`,
        'URI',
        '结果明细的标识须为绝对 URI（不超过 500 个字符），类型须为 OB 的 resultType',
        'A result line needs an absolute URI id (at most 500 characters) and an OB resultType',
      );
    if (r.name.trim() === '' || r.name.length > 300 || r.value.length > 40)
      throw fieldError(
        `credential.results.${i}.name`,
        'LENGTH',
        '结果明细的名称须填写且不超过 300 个字符，值不超过 40 个字符',
        'A result line needs a name of at most 300 characters and a value of at most 40',
      );
  });
  const earned = credential.creditsEarned;
  if (earned !== undefined && !(Number.isFinite(earned) && earned >= 0))
    throw fieldError(
      'credential.creditsEarned',
      'RANGE',
      '所获学分须为不小于 0 的数',
      'creditsEarned must be a number not below 0',
    );
}

/**
 * Signs a credential for `subjectRef` in the district's name and records it: the JWT to hand to
 * the holder, with its revocation entry. Refused (409 CREDENTIALS_NOT_CONFIGURED) without a
 * public URL.
 *
 * @example
 * const { jwt } = await issueCredential({ ...deps, db: trx }, {
 *   districtCode: 'SD', subjectRef: `learning_outcome:${outcome.id}`, actor,
 *   credential: { issuer: { name: '上党区教育局' }, learner: { id: `urn:uuid:${learner.id}`, name: '张三' }, achievement },
 * });
 */
export async function issueCredential(
  deps: CredentialDeps,
  input: IssueCredentialInput,
): Promise<IssuedCredential> {
  const { issuer, baseUrl } = requireIssuer(deps.credentials);
  checkInput(input);
  const { districtCode, subjectRef, credential } = input;
  const now = deps.clock.now();
  if (credential.validUntil && credential.validUntil <= now)
    throw fieldError(
      'credential.validUntil',
      'PAST',
      '有效期截止时间须晚于签发时间',
      'validUntil must be after the moment of issue',
    );
  return inTransaction(deps.db, async (trx) => {
    await lockForTransaction(trx, `credential-status|${districtCode}`);
    const list = await currentList(trx, deps, { issuer, baseUrl, districtCode, now });
    const index = await freeIndex(trx, list.id, list.bits);
    const id = randomUUID();
    const listUrl = statusListUrl(baseUrl, districtCode, list.listNumber);
    const signed = buildOpenBadgeCredential({
      id: `urn:uuid:${id}`,
      issuer: { did: issuer.did(districtCode), ...credential.issuer },
      validFrom: now,
      ...(credential.validUntil && { validUntil: credential.validUntil }),
      learner: credential.learner,
      achievement: credential.achievement,
      ...(credential.results && { results: credential.results }),
      ...(credential.creditsEarned !== undefined && { creditsEarned: credential.creditsEarned }),
      status: statusListEntry(listUrl, index),
    });
    const jwt = issuer.sign(districtCode, signed);
    // A credential its own verification page could not read is not issued (the transaction rolls back).
    if (jwt.length > MAX_CREDENTIAL_CHARS) throw new AppError('CREDENTIAL_TOO_LARGE', 409);
    await repo.insertIssuedCredential(trx, {
      id,
      districtCode,
      subjectRef,
      statusListId: list.id,
      statusIndex: index,
      credentialHash: credentialHash(jwt),
      issuedAt: now,
      issuedBy: input.actor.id,
      revokedAt: null,
      revocationReason: null,
      revokedBy: null,
    });
    await repo.countAllocation(trx, list.id);
    await deps.audit.record(trx, input.actor, {
      action: 'credential.issue',
      objectType: 'issued_credential',
      objectId: id,
      details: { districtCode, subjectRef, statusList: listUrl, statusIndex: index },
    });
    return {
      id: `urn:uuid:${id}`,
      jwt,
      statusListCredential: listUrl,
      statusListIndex: index,
      issuedAt: now,
    };
  });
}

/** SHA-256 (hex) of a compact JWT, the stored trace of a credential. */
export function credentialHash(jwt: string): string {
  return createHash('sha256').update(jwt.trim()).digest('hex');
}

/** The district's list with room, a new one (signed, empty) when the newest is full or none exists. */
async function currentList(
  trx: Executor,
  deps: CredentialDeps,
  ctx: { issuer: CredentialIssuer; baseUrl: string; districtCode: string; now: Date },
) {
  const newest = await repo.findNewestStatusList(trx, ctx.districtCode);
  if (newest && newest.allocated < Math.min(deps.credentials.listCapacity, newest.bits)) return newest;
  const listNumber = (newest?.listNumber ?? 0) + 1;
  const bits = STATUS_LIST_MIN_BITS;
  return repo.insertStatusList(trx, {
    districtCode: ctx.districtCode,
    listNumber,
    bits,
    signedJwt: signList(ctx, listNumber, createStatusList(bits)),
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
}

function signList(
  ctx: { issuer: CredentialIssuer; baseUrl: string; districtCode: string; now: Date },
  listNumber: number,
  bits: Uint8Array,
): string {
  return ctx.issuer.sign(
    ctx.districtCode,
    buildStatusListCredential({
      listUrl: statusListUrl(ctx.baseUrl, ctx.districtCode, listNumber),
      issuerDid: ctx.issuer.did(ctx.districtCode),
      validFrom: ctx.now,
      list: bits,
    }),
  );
}

/** A random index the list has not given out (the caller holds the district's lock). */
async function freeIndex(trx: Executor, listId: string, bits: number): Promise<number> {
  for (let round = 0; round < 50; round++) {
    const draws = Array.from({ length: 16 }, () => randomInt(bits));
    const taken = await repo.takenIndexes(trx, listId, draws);
    const free = draws.find((i) => !taken.has(i));
    if (free !== undefined) return free;
  }
  throw new Error('credentials: no free status index in 800 draws; the list is fuller than its capacity');
}

/**
 * Revokes the credential `id` (`urn:uuid:…` or the bare uuid), or every credential issued for
 * `subjectRef` not yet revoked, with the reason: sets their bits and re-signs their lists. 404
 * CREDENTIAL_NOT_FOUND when there is none, 409 CREDENTIAL_ALREADY_REVOKED when all already are.
 *
 * @example await revokeCredential(deps, { subjectRef: `learning_outcome:${id}`, reason: '证书被发证机构撤销', actor })
 */
export async function revokeCredential(
  deps: CredentialDeps,
  input: ({ id: string } | { subjectRef: string }) & { reason: string; actor: AuditActor },
): Promise<{ revoked: string[] }> {
  const { issuer, baseUrl } = requireIssuer(deps.credentials);
  const reason = input.reason.trim();
  if (reason === '' || reason.length > 500)
    throw fieldError(
      'reason',
      'LENGTH',
      '请填写撤销原因（不超过 500 字）',
      'Give the reason (at most 500 characters)',
    );
  const by: { id: string } | { subjectRef: string } =
    'id' in input ? { id: input.id.replace(/^urn:uuid:/, '') } : { subjectRef: input.subjectRef };
  if ('id' in by && !/^[0-9a-f-]{36}$/.test(by.id)) throw new AppError('CREDENTIAL_NOT_FOUND', 404);
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    // The districts' locks first, as issuing takes them, then the rows.
    const districts = new Set((await repo.findCredentials(trx, by)).map((c) => c.districtCode));
    for (const code of [...districts].sort()) await lockForTransaction(trx, `credential-status|${code}`);
    const found = await repo.findCredentials(trx, by, { lock: true });
    if (found.length === 0) throw new AppError('CREDENTIAL_NOT_FOUND', 404);
    const open = found.filter((c) => c.revokedAt === null);
    if (open.length === 0) throw new AppError('CREDENTIAL_ALREADY_REVOKED', 409);
    await repo.markRevoked(
      trx,
      open.map((c) => c.id),
      { at: now, reason, by: input.actor.id },
    );
    for (const listId of new Set(open.map((c) => c.statusListId))) {
      const list = await repo.findStatusListById(trx, listId);
      const bits = createStatusList(list.bits);
      for (const index of await repo.revokedIndexes(trx, listId)) setRevoked(bits, index, true);
      const ctx = { issuer, baseUrl, districtCode: list.districtCode, now };
      await repo.storeSignedList(trx, listId, signList(ctx, list.listNumber, bits), now);
    }
    await deps.audit.recordMany(
      trx,
      input.actor,
      open.map((c) => ({
        action: 'credential.revoke',
        objectType: 'issued_credential',
        objectId: c.id,
        // The reason stays in the row, out of the audit log (a module may word it with personal data).
        details: { districtCode: c.districtCode, subjectRef: c.subjectRef },
      })),
    );
    return { revoked: open.map((c) => `urn:uuid:${c.id}`) };
  });
}

/**
 * How many credentials issued for `subjectRef` are not revoked: a module asks before it revokes
 * them with its record (a record never issued as a credential has nothing to revoke, and an
 * installation without issuing has none).
 *
 * @example if ((await openCredentialCount(trx, `learning_outcome:${id}`)) > 0) await revokeCredential(…)
 */
export async function openCredentialCount(db: Executor, subjectRef: string): Promise<number> {
  const found = await repo.findCredentials(db, { subjectRef });
  return found.filter((c) => c.revokedAt === null).length;
}
