/**
 * From rows to the pure rules' inputs, and from their answers to what a page shows: the post as
 * `checkPost` reads it, a placement's activation facts, the 启动实习 checklist, and whether a policy
 * covers a placement. Pure.
 */
import type { PlacementDocument } from '@zhijiao/contracts';
import type { InternshipCheck, InternshipPost, InternshipReason } from './internship-post.rules.ts';
import type { PlacementFacts } from './internship.rules.ts';

/** What the post rules read of a post. A filing reference (备案文号) means the arrangement is filed. */
export interface PostColumns {
  venue: InternshipPost['venue'];
  viaAgent: boolean;
  labourIntensityClass: number;
  highRiskWork: readonly InternshipPost['highRiskWork'][number][];
  filingReference: string;
  dailyHours: number;
  weeklyHours: number;
  nightWork: boolean;
  overtimeWork: boolean;
  holidayWork: boolean;
  sameJobMonthlyWage: number | null;
  lowestWageGrade: number | null;
  staffOnPost: number | null;
}

export function postRuleInput(p: PostColumns): InternshipPost {
  return {
    venue: p.venue,
    viaAgent: p.viaAgent,
    labourIntensityClass: p.labourIntensityClass as InternshipPost['labourIntensityClass'],
    highRiskWork: p.highRiskWork,
    specialArrangementFiled: p.filingReference.trim() !== '',
    dailyHours: Number(p.dailyHours),
    weeklyHours: Number(p.weeklyHours),
    nightWork: p.nightWork,
    overtimeWork: p.overtimeWork,
    holidayWork: p.holidayWork,
    sameJobMonthlyWage: p.sameJobMonthlyWage === null ? null : Number(p.sameJobMonthlyWage),
    lowestWageGrade: p.lowestWageGrade === null ? null : Number(p.lowestWageGrade),
    staffOnPost: p.staffOnPost,
  };
}

/** What activation reads of a placement row. */
export interface PlacementColumns {
  id: string;
  startsOn: string;
  endsOn: string;
  birthDate: string;
  sex: 'M' | 'F';
  studyYear: number;
  monthlyPay: number;
  agreementSignedOn: string | null;
  studentConsentOn: string | null;
  guardianConsentOn: string | null;
  insurer: string | null;
  policyNumber: string | null;
  insuranceStartsOn: string | null;
  insuranceEndsOn: string | null;
  premiumPaidBy: 'school' | 'enterprise' | 'government' | null;
}

/**
 * The facts `checkActivation` reads. A policy is recorded on the placement, so it names this
 * student; `staff` is the enterprise's staff count for the start year, or null when unknown.
 */
export function placementFacts(
  p: PlacementColumns,
  post: PostColumns & { kind: 'cognitive' | 'post' },
  others: { staff: number | null; enterprise: number; post: number },
): PlacementFacts {
  const insured =
    p.insurer && p.policyNumber && p.insuranceStartsOn && p.insuranceEndsOn && p.premiumPaidBy
      ? {
          insurer: p.insurer,
          policyNumber: p.policyNumber,
          startsOn: p.insuranceStartsOn,
          endsOn: p.insuranceEndsOn,
          insuredStudentIds: [p.id],
          premiumPaidBy: p.premiumPaidBy,
        }
      : null;
  return {
    type: post.kind,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    student: { id: p.id, birthDate: p.birthDate, sex: p.sex, studyYear: p.studyYear },
    agreement: p.agreementSignedOn ? { signedOn: p.agreementSignedOn } : null,
    consent: { studentSignedOn: p.studentConsentOn, guardianSignedOn: p.guardianConsentOn },
    insurance: insured,
    monthlyPay: Number(p.monthlyPay),
    post: postRuleInput(post),
    enterprise: { staff: others.staff, otherInterns: others.enterprise },
    otherInternsOnPost: others.post,
  };
}

const DOCUMENT_CODES: Record<PlacementDocument, readonly string[]> = {
  agreement: ['AGREEMENT_MISSING'],
  consent: ['STUDENT_CONSENT_MISSING', 'GUARDIAN_CONSENT_MISSING'],
  insurance: [
    'INSURANCE_MISSING',
    'INSURANCE_PERIOD_SHORT',
    'INSURANCE_STUDENT_NOT_NAMED',
    'INSURANCE_PREMIUM_CHARGED_TO_STUDENT',
  ],
};

export type ChecklistItem = { item: PlacementDocument | 'rules'; ok: boolean; reasons: InternshipReason[] };

/**
 * The 启动实习 checklist: the three documents, then every other rule, each with its refusals
 * (协议 ✓, 同意书 ✗ 缺少监护人知情同意书, 保险 ✗ 保险期未覆盖 …).
 *
 * @example activationChecklist(check)[2] // { item: 'insurance', ok: false, reasons: [{ code: 'INSURANCE_PERIOD_SHORT', … }] }
 */
export function activationChecklist(check: InternshipCheck): ChecklistItem[] {
  const documents = Object.entries(DOCUMENT_CODES) as Array<[PlacementDocument, readonly string[]]>;
  const claimed = new Set(documents.flatMap(([, codes]) => codes));
  const items: ChecklistItem[] = documents.map(([item, codes]) => {
    const reasons = check.refusals.filter((r) => codes.includes(r.code));
    return { item, ok: reasons.length === 0, reasons };
  });
  const rest = check.refusals.filter((r) => !claimed.has(r.code));
  items.push({ item: 'rules', ok: rest.length === 0, reasons: rest });
  return items;
}

/** A policy on file covers the whole placement (its start to its end). */
export function insuranceCovers(p: {
  startsOn: string;
  endsOn: string;
  insuranceStartsOn: string | null;
  insuranceEndsOn: string | null;
}): boolean {
  return (
    p.insuranceStartsOn !== null &&
    p.insuranceEndsOn !== null &&
    p.insuranceStartsOn <= p.startsOn &&
    p.insuranceEndsOn >= p.endsOn
  );
}
