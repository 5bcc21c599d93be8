import { OUTCOME_LEVEL_LABELS, OUTCOME_TYPE_LABELS, type OutcomeType } from '@zhijiao/contracts';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { issueCredential } from '../../platform/credentials/index.ts';
import { AppError, forbidden } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { unitRefsByIds } from '../org/index.ts';
import { mayRecordOutcomes, mayReviewOutcomes } from './credit-bank.policy.ts';
import { findLearner } from './learners.repository.ts';
import * as repo from './outcomes.repository.ts';
import { visibleOutcome } from './outcomes.service.ts';

/*
 * A recognised learning outcome as a credential anyone can verify (issue 14): an Open Badges 3.0
 * credential signed as a VC-JWT by the district's issuing key (platform/credentials), its status
 * on the district's status list, so that revoking the outcome revokes every credential issued for
 * it (outcome-review.service.ts).
 */

/** The subject reference the platform keeps a credential of an outcome under. */
export const outcomeCredentialRef = (outcomeId: string) => `learning_outcome:${outcomeId}`;

/** Open Badges' achievement type for each kind of outcome. */
const ACHIEVEMENT_TYPE: Record<OutcomeType, string> = {
  course_credit: 'Course',
  one_plus_x_certificate: 'Certificate',
  vocational_qualification: 'License',
  training_completion: 'CertificateOfCompletion',
  competition_award: 'Award',
};

/** Credits in tenths as written on a credential: `8` or `7.5`. */
const creditsText = (tenths: number) => String(tenths / 10);

/**
 * Issues a recognised outcome as a signed credential for the holder to keep and show: the school's
 * own clerk or the district's reviewer, for a recognised outcome only (409
 * `OUTCOME_NOT_RECOGNISED`); 409 `CREDENTIALS_NOT_CONFIGURED` when the installation has no public
 * address to sign under. Each call issues a new credential (the JWT is handed over, never kept;
 * the platform keeps its hash and status), audited.
 *
 * @example const { jwt, fileName } = await issueOutcomeCredential(deps, clerk, outcomeId)
 */
export async function issueOutcomeCredential(deps: ModuleDeps, actor: Actor, outcomeId: string) {
  const row = await visibleOutcome(deps, actor, outcomeId);
  if (!mayRecordOutcomes(actor, row.schoolId) && !mayReviewOutcomes(actor, row)) throw forbidden();
  if (row.status !== 'recognised') throw new AppError('OUTCOME_NOT_RECOGNISED', 409);
  const learner = (await findLearner(deps.db, row.learnerId))!;
  const [recognition] = (await repo.listRecognitions(deps.db, outcomeId)).slice(-1);
  const units = await unitRefsByIds(deps.db, [row.districtId, row.schoolId]);
  const district = units.get(row.districtId)!;
  const school = units.get(row.schoolId)!;
  const type = OUTCOME_TYPE_LABELS[row.type].zh;
  const level = row.level ? OUTCOME_LEVEL_LABELS[row.level].zh : '';
  const name = level ? `${row.title}（${level}）` : row.title;
  const credits = recognition ? `，认定 ${creditsText(recognition.credits)} 学分` : '';
  const number = row.number ? `，证书编号 ${row.number}` : '';
  const issued = await issueCredential(deps, {
    districtCode: district.code,
    subjectRef: outcomeCredentialRef(outcomeId),
    actor: auditActorOf(actor),
    credential: {
      issuer: { name: `${district.name}教育局（职业教育学分银行）` },
      learner: { id: `urn:uuid:${learner.id}`, name: learner.name },
      achievement: {
        id: `urn:uuid:${outcomeId}`,
        name,
        description: `${type}：${name}，${row.issuer}颁发${number}，${row.achievedOn} 获得；${school.name}学生${credits}。`,
        criteria: `经${district.name}职业教育学分银行依据${recognition ? `${recognition.year} 年学习成果名录（第 ${recognition.version} 版）` : '学习成果名录'}认定。`,
        achievementType: ACHIEVEMENT_TYPE[row.type],
      },
    },
  });
  return {
    id: issued.id,
    jwt: issued.jwt,
    issuedAt: issued.issuedAt,
    fileName: `${learner.name}-${row.title}.jwt`,
  };
}
