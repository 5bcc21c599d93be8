/**
 * The enterprises module's rule parameters with their defaults and sources (DOMAIN.md,
 * "Internships"; the internship rules' defaults are in `../internships/internships.config.ts`).
 * Each is meant to become versioned configuration per district and year; the defaults are the
 * national texts' numbers.
 */
import type { DutyRule } from './duty.rules.ts';

/**
 * Task （十三）: "规模以上企业按职工总数的2%安排实习岗位". The plan does not say how to round
 * (plans/shangdang/action-plan.yaml, T13-INTERN-POSTS: 取整方式可配置); DOMAIN.md's default is up.
 */
export const DEFAULT_DUTY_RULE: DutyRule = { basisPoints: 200, rounding: 'ceil', basis: 'offered' };
