/**
 * The rules of school–enterprise cooperation, pure (dates are China calendar dates `YYYY-MM-DD`):
 * an agreement's status on a day, whether an apprenticeship may be approved (by the school, then by
 * the enterprise — the same check both times) or completed, and whether a centre project fits its
 * centre. Every refusal names its field, with the reason in Chinese and English, all at once.
 */
import type { AgreementStatus, ApprenticeshipScheme, CooperationScope } from '@zhijiao/contracts';

export interface Refusal {
  field: string;
  code: string;
  zh: string;
  en: string;
}

/** An agreement as the rules read it. */
export interface AgreementFacts {
  startsOn: string;
  endsOn: string;
  state: 'in_force' | 'terminated';
  terminatedOn: string | null;
  scopes: readonly CooperationScope[];
}

/**
 * What an agreement is on `day`: 已终止 once terminated, else 未生效 before its start, 已到期 after
 * its end, 有效 in between.
 *
 * @example agreementStatus({ startsOn: '2021-01-01', endsOn: '2023-12-31', state: 'in_force', … }, '2024-01-01') // 'expired'
 */
export function agreementStatus(a: AgreementFacts, day: string): AgreementStatus {
  if (a.state === 'terminated') return 'terminated';
  if (day < a.startsOn) return 'not_started';
  if (day > a.endsOn) return 'expired';
  return 'in_force';
}

/** Whether the agreement runs on `day` (started, not ended, not terminated on or before it). */
export function agreementRunsOn(a: AgreementFacts, day: string): boolean {
  if (day < a.startsOn || day > a.endsOn) return false;
  return a.state !== 'terminated' || (a.terminatedOn !== null && a.terminatedOn > day);
}

/** What an agreement's period must be: the end on or after the start. */
export function periodRefusals(startsOn: string, endsOn: string): Refusal[] {
  return endsOn < startsOn
    ? [
        {
          field: 'endsOn',
          code: 'PERIOD_REVERSED',
          zh: `结束日期（${endsOn}）早于开始日期（${startsOn}）`,
          en: `The end date (${endsOn}) is before the start date (${startsOn})`,
        },
      ]
    : [];
}

/** The scope an agreement must include for an apprenticeship of each scheme. */
export const SCHEME_SCOPE: Record<ApprenticeshipScheme, CooperationScope> = {
  modern: 'modern_apprenticeship',
  enterprise: 'staff_training',
};

/** An apprenticeship as its approval reads it. */
export interface ApprenticeshipFacts {
  scheme: ApprenticeshipScheme;
  startsOn: string;
  endsOn: string;
  apprenticeCount: number;
  schoolMentors: readonly string[];
  enterpriseMentors: readonly string[];
  planSummary: string;
  planFileId: string | null;
  stages: ReadonlyArray<{ title: string; plannedEndOn: string; completedOn: string | null }>;
}

/**
 * Why an apprenticeship may not be approved now (empty: it may): the jointly made training plan
 * (file and summary) on file, mentors of both sides, at least one apprentice, stages planned, the
 * period inside the agreement's, the agreement in force on the approval day and covering the scheme.
 */
export function approvalRefusals(p: ApprenticeshipFacts, agreement: AgreementFacts, day: string): Refusal[] {
  const out: Refusal[] = [];
  if (!p.planFileId)
    out.push({
      field: 'planFileId',
      code: 'TRAINING_PLAN_MISSING',
      zh: '未上传校企共同制定的人才培养方案，不能审批',
      en: 'The training plan made jointly by the school and the enterprise is not on file',
    });
  if (!p.planSummary.trim())
    out.push({
      field: 'planSummary',
      code: 'TRAINING_PLAN_SUMMARY_MISSING',
      zh: '未填写人才培养方案摘要',
      en: 'The training plan’s summary is missing',
    });
  if (p.schoolMentors.length === 0)
    out.push({
      field: 'schoolMentors',
      code: 'SCHOOL_MENTOR_MISSING',
      zh: '未指定学校导师',
      en: 'No school mentor is named',
    });
  if (p.enterpriseMentors.length === 0)
    out.push({
      field: 'enterpriseMentors',
      code: 'ENTERPRISE_MENTOR_MISSING',
      zh: '未指定企业导师（师傅）',
      en: 'No enterprise mentor is named',
    });
  if (p.apprenticeCount < 1)
    out.push({
      field: 'apprenticeCount',
      code: 'NO_APPRENTICES',
      zh: '学徒人数须至少为 1 人',
      en: 'There must be at least one apprentice',
    });
  if (p.stages.length === 0)
    out.push({
      field: 'stages',
      code: 'STAGES_MISSING',
      zh: '未安排培养阶段',
      en: 'No training stages are planned',
    });
  const outside = p.stages.findIndex((s) => s.plannedEndOn < p.startsOn || s.plannedEndOn > p.endsOn);
  if (outside >= 0)
    out.push({
      field: `stages.${outside}.plannedEndOn`,
      code: 'STAGE_OUTSIDE_PERIOD',
      zh: `第 ${outside + 1} 阶段的计划完成日期不在培养期（${p.startsOn} 至 ${p.endsOn}）内`,
      en: `Stage ${outside + 1} is planned to end outside the training period (${p.startsOn} to ${p.endsOn})`,
    });
  if (p.startsOn < agreement.startsOn || p.endsOn > agreement.endsOn)
    out.push({
      field: p.startsOn < agreement.startsOn ? 'startsOn' : 'endsOn',
      code: 'PERIOD_OUTSIDE_AGREEMENT',
      zh: `培养期（${p.startsOn} 至 ${p.endsOn}）超出合作协议期限（${agreement.startsOn} 至 ${agreement.endsOn}）`,
      en: `The training period (${p.startsOn} to ${p.endsOn}) falls outside the agreement’s (${agreement.startsOn} to ${agreement.endsOn})`,
    });
  const status = agreementStatus(agreement, day);
  if (status === 'terminated' || status === 'expired')
    out.push({
      field: 'agreementId',
      code: 'AGREEMENT_NOT_IN_FORCE',
      zh: status === 'terminated' ? '合作协议已终止' : '合作协议已到期',
      en: status === 'terminated' ? 'The agreement has been terminated' : 'The agreement has expired',
    });
  if (!agreement.scopes.includes(SCHEME_SCOPE[p.scheme]))
    out.push({
      field: 'agreementId',
      code: 'SCOPE_NOT_COVERED',
      zh:
        p.scheme === 'modern'
          ? '合作协议的合作范围不含“现代学徒制”'
          : '合作协议的合作范围不含“职工培训”（企业新型学徒制）',
      en:
        p.scheme === 'modern'
          ? 'The agreement’s scope does not include modern apprenticeship'
          : 'The agreement’s scope does not include staff training (new enterprise apprenticeship)',
    });
  return out;
}

/**
 * Why an approved apprenticeship may not be recorded as completed on `completedOn` with
 * `completedCount` apprentices finishing: every stage done, not before the start, and no more
 * finishing than there were.
 */
export function completionRefusals(
  p: Pick<ApprenticeshipFacts, 'startsOn' | 'apprenticeCount' | 'stages'>,
  completedOn: string,
  completedCount: number,
): Refusal[] {
  const out: Refusal[] = [];
  const open = p.stages.map((s, i) => (s.completedOn ? null : i + 1)).filter((n): n is number => n !== null);
  if (open.length > 0)
    out.push({
      field: 'stages',
      code: 'STAGES_INCOMPLETE',
      zh: `第 ${open.join('、')} 阶段尚未完成`,
      en: `Stage ${open.join(', ')} not yet completed`,
    });
  if (completedOn < p.startsOn)
    out.push({
      field: 'completedOn',
      code: 'BEFORE_START',
      zh: `完成日期早于培养期开始日期（${p.startsOn}）`,
      en: `The completion date is before the training starts (${p.startsOn})`,
    });
  if (completedCount > p.apprenticeCount)
    out.push({
      field: 'completedCount',
      code: 'MORE_THAN_APPRENTICES',
      zh: `结业人数（${completedCount}）超过学徒人数（${p.apprenticeCount}）`,
      en: `More finishing (${completedCount}) than apprentices (${p.apprenticeCount})`,
    });
  return out;
}

/** Why a stage may not be recorded done on `completedOn`: not before the apprenticeship starts. */
export function stageRefusals(p: { startsOn: string }, completedOn: string): Refusal[] {
  return completedOn < p.startsOn
    ? [
        {
          field: 'completedOn',
          code: 'BEFORE_START',
          zh: `阶段完成日期早于培养期开始日期（${p.startsOn}）`,
          en: `The stage’s completion date is before the training starts (${p.startsOn})`,
        },
      ]
    : [];
}

/**
 * Why a project does not fit its centre: it starts on or after the centre opened, its enterprise
 * (if named) is one of the centre's partners, its end not before its start.
 */
export function projectRefusals(
  centre: { openedOn: string; partnerIds: readonly string[] },
  p: { startsOn: string; endsOn: string | null; enterpriseId: string | null },
): Refusal[] {
  const out: Refusal[] = [];
  if (p.startsOn < centre.openedOn)
    out.push({
      field: 'startsOn',
      code: 'BEFORE_OPENING',
      zh: `项目开始日期早于中心成立日期（${centre.openedOn}）`,
      en: `The project starts before the centre opened (${centre.openedOn})`,
    });
  if (p.endsOn !== null && p.endsOn < p.startsOn) out.push(...periodRefusals(p.startsOn, p.endsOn));
  if (p.enterpriseId !== null && !centre.partnerIds.includes(p.enterpriseId))
    out.push({
      field: 'enterpriseId',
      code: 'NOT_A_PARTNER',
      zh: '项目合作企业不是该中心的合作企业',
      en: 'The project’s enterprise is not a partner of the centre',
    });
  return out;
}

/** Whether a centre is in operation on `day`: opened by then, not closed on or before it. */
export function centreOperatesOn(c: { openedOn: string; closedOn: string | null }, day: string): boolean {
  return c.openedOn <= day && (c.closedOn === null || c.closedOn > day);
}
