import { randomUUID } from 'node:crypto';
import {
  LEARNER_STATUS_LABELS,
  OUTCOME_LEVEL_LABELS,
  OUTCOME_TYPE_LABELS,
  TRANSCRIPT_ACHIEVEMENT_TYPE,
  TRANSCRIPT_RESULT_TYPES,
  type Transcript,
} from '@zhijiao/contracts';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import { issueCredential } from '../../platform/credentials/index.ts';
import { forbidden } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { unitRefsByIds } from '../org/index.ts';
import { mayRecordOutcomes, mayReviewOutcomes } from './credit-bank.policy.ts';
import { formatCredits } from './credit-ledger.rules.ts';
import { buildTranscript, visibleLearner } from './transcript.service.ts';

/*
 * The transcript as a credential anyone can verify (issue 14): an Open Badges 3.0
 * OpenBadgeCredential signed as a VC-JWT by the district's key, on the district's status list.
 *
 * Why OB 3.0 and not 1EdTech CLR 2.0's ClrCredential: a ClrSubject must carry its outcomes as
 * `verifiableCredential`, AchievementCredentials that CLR's inspector checks as JSON each with its own
 * embedded proof — which a VC-JWT does not have. A sound CLR would mean signing every outcome again
 * in the Data Integrity form, with a status entry each, on every transcript; anything less would
 * claim a conformance it lacks. OB 3.0 holds the same facts with terms every OB verifier knows: the
 * achievement is the transcript (achievementType `ext:Transcript`, an OB extension term), each
 * recognised outcome and each approved conversion is a `result` against a `resultDescription` of
 * the achievement, the totals are three more lines, and `creditsEarned` is the balance. See
 * docs/research/credentials.md §1.5.
 *
 * It is a snapshot: it says "as of" its date in its name and description, and it is not revoked
 * when the learner's outcomes change later (a newer transcript is issued instead); the district
 * revokes it (`revokeCredential` by its id) only when it was wrong when issued.
 */

/** The subject reference the platform keeps a learner's transcript credentials under. */
export const transcriptCredentialRef = (learnerId: string) => `learner_transcript:${learnerId}`;

const credits = (tenths: number) => formatCredits(tenths);

/** The lines of the transcript as OB results: outcomes, conversions, then the three totals. */
/** A line's name as signed: at most 120 characters (a long title, issuer or course list cut with …). */
const lineName = (text: string) => (text.length > 120 ? `${text.slice(0, 119)}…` : text);

function resultLines(t: Transcript, achievementId: string) {
  const outcomes = t.outcomes.map((o) => {
    const level = o.level ? `（${OUTCOME_LEVEL_LABELS[o.level].zh}）` : '';
    const number = o.number ? `，证书编号 ${o.number}` : '';
    return {
      id: `urn:uuid:${o.id}`,
      name: lineName(
        `${OUTCOME_TYPE_LABELS[o.type].zh}：${o.title}${level}，${o.issuer}${number}，${o.achievedOn} 获得`,
      ),
      resultType: TRANSCRIPT_RESULT_TYPES.outcome,
      value: credits(o.credits),
    };
  });
  const conversions = t.conversions.map((c) => ({
    id: `urn:uuid:${c.id}`,
    name: lineName(
      `学分转换：以“${c.outcomeTitle}”免修课程 ${c.courses.join('、')}${c.approvedOn ? `，${c.approvedOn} 批准` : ''}`,
    ),
    resultType: TRANSCRIPT_RESULT_TYPES.conversion,
    value: credits(c.credits),
  }));
  const totals = [
    ['total-recognised', '认定学分合计', TRANSCRIPT_RESULT_TYPES.totalRecognised, t.totals.recognised],
    ['total-converted', '转换学分合计', TRANSCRIPT_RESULT_TYPES.totalConverted, t.totals.converted],
    ['balance', '学分账户余额', TRANSCRIPT_RESULT_TYPES.balance, t.totals.balance],
  ] as const;
  return [
    ...outcomes,
    ...conversions,
    ...totals.map(([key, name, resultType, tenths]) => ({
      id: `${achievementId}#${key}`,
      name,
      resultType,
      value: credits(tenths),
    })),
  ];
}

/**
 * Issues the learner's transcript as of now as a signed credential for the holder: the school's
 * own clerk or the district's reviewer (404 for a learner the actor does not see, 403 for another
 * reader); 409 `CREDENTIALS_NOT_CONFIGURED` without a public address. The holder is named by name
 * only (never the ID number). Each call issues a new credential, audited.
 *
 * @example const { jwt, fileName } = await issueTranscriptCredential(deps, clerk, learnerId)
 */
export async function issueTranscriptCredential(deps: ModuleDeps, actor: Actor, learnerId: string) {
  const learner = await visibleLearner(deps, actor, learnerId);
  if (!mayRecordOutcomes(actor, learner.schoolId) && !mayReviewOutcomes(actor, learner)) throw forbidden();
  const now = deps.clock.now();
  const transcript = await buildTranscript(deps.db, learner, now);
  const units = await unitRefsByIds(deps.db, [learner.districtId]);
  const district = units.get(learner.districtId)!;
  const asOf = chinaDate(now);
  const l = transcript.learner;
  const achievementId = `urn:uuid:${randomUUID()}`;
  // Shown to anyone the holder gives it to: 在籍 or 毕业 only, never 休学 / 退学 or a date that hints at why.
  const status =
    l.status === 'enrolled' || l.status === 'graduated' ? `，${LEARNER_STATUS_LABELS[l.status].zh}` : '';
  const issued = await issueCredential(deps, {
    districtCode: district.code,
    subjectRef: transcriptCredentialRef(learnerId),
    actor: auditActorOf(actor),
    credential: {
      issuer: { name: `${district.name}教育局（职业教育学分银行）` },
      learner: { id: `urn:uuid:${learner.id}`, name: learner.name },
      achievement: {
        id: achievementId,
        name: `学分档案（成绩单）：${learner.name}，截至 ${asOf}`,
        description:
          (l.kind === 'social'
            ? `${l.school.name}社会学习者（${l.cohortYear} 年登记）。`
            : `${l.school.name} ${l.majorName}（${l.majorCode}）专业 ${l.cohortYear} 级学生${status}。`) +
          `截至 ${asOf}：已认定学习成果 ${transcript.outcomes.length} 项，认定学分 ${credits(transcript.totals.recognised)}，` +
          `转换 ${transcript.conversions.length} 项、${credits(transcript.totals.converted)} 学分，学分账户余额 ${credits(transcript.totals.balance)} 学分。` +
          `本成绩单为签发之日的快照，此后的认定、转换或撤销不改变其内容。`,
        criteria: `依据${district.name}职业教育学分银行的学分账户（只增不改的记账记录）生成：每项学习成果均经认定，学分转换均经区教育局批准。`,
        achievementType: TRANSCRIPT_ACHIEVEMENT_TYPE,
      },
      results: resultLines(transcript, achievementId),
      creditsEarned: transcript.totals.balance / 10,
    },
  });
  return {
    id: issued.id,
    jwt: issued.jwt,
    issuedAt: issued.issuedAt,
    fileName: `${learner.name}-学分档案-${asOf}.jwt`,
  };
}
