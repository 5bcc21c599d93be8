import { certifiesEnterprises, keepsEnterpriseRegister, signsCertificationReview } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { listOrgUnitInfo } from '../org/index.ts';
import type { CertificationRules } from './certification.rules.ts';
import type { CooperationEvidence } from '../cooperation/index.ts';

export type { CooperationEvidence } from '../cooperation/index.ts';

/** `cooperationEvidence` of the cooperation module's index. */
export type CooperationEvidenceLookup = (
  db: Executor,
  enterpriseId: string,
  asOf: string,
) => Promise<CooperationEvidence>;

/** `trainingBaseEvidence` of the training-bases module's index. */
export type TrainingBaseEvidenceLookup = (
  db: Executor,
  enterpriseId: string,
  asOf: string,
) => Promise<{ coBuiltBases: number }>;

/**
 * The look-ups into the cooperation and training-bases modules (`EVIDENCE_LOOKUPS` in index.ts
 * wires their exports; a test may pass its own or none): a missing one leaves the criteria it
 * feeds shown 未接入 / not measured, never met.
 */
export interface EvidenceLookups {
  cooperation: CooperationEvidenceLookup | null;
  trainingBases: TrainingBaseEvidenceLookup | null;
}

export const UNWIRED: EvidenceLookups = { cooperation: null, trainingBases: null };

export interface CertificationDeps extends ModuleDeps {
  lookups: EvidenceLookups;
  rules: CertificationRules;
}

export const today = (deps: Pick<ModuleDeps, 'clock'>) => chinaDate(deps.clock.now());

/** What the actor's unit is to certification: which parts of the procedure it takes. */
export interface ActorRoles {
  unitId: string;
  districtId: string | null;
  isEnterprise: boolean;
  /** 区工信局: keeps the register, applies on an enterprise's behalf. */
  registrar: boolean;
  /** 区发改科技局: decides, re-checks, revokes. */
  authority: boolean;
  /** A joint-review bureau: signs the 会签单. */
  panel: boolean;
}

/** The actor's unit's part in the procedure (permissions are checked separately). */
export async function actorRoles(db: Executor, actor: Actor): Promise<ActorRoles> {
  const [unit] = await listOrgUnitInfo(db, { ids: [actor.orgUnitId] });
  return {
    unitId: actor.orgUnitId,
    districtId: actor.districtId,
    isEnterprise: unit?.type === 'enterprise',
    registrar: !!unit && keepsEnterpriseRegister(unit),
    authority: !!unit && certifiesEnterprises(unit),
    panel: !!unit && signsCertificationReview(unit),
  };
}
