/**
 * The internships module's rule parameters with their defaults and sources (DOMAIN.md,
 * "Internships"). Each is meant to become versioned configuration per district and year; the
 * defaults are the national texts' numbers.
 */
import type { InternshipRules } from './internship-post.rules.ts';

/**
 * 教育部等八部门《职业学校学生实习管理规定》（教职成〔2021〕4号）. Its 第十六条 bans first-year
 * students and under-16s from 岗位实习, entertainment venues, agents and Class III+ physical labour
 * outright; high-risk work, holidays, overtime and night shifts are banned "unless the major and post
 * require it and it is filed with the supervising department" (备案), which is why a filed
 * arrangement turns those refusals into warnings. Pay ≥ 80 % of the same post's wage; the 10 % of
 * staff and 20 % of a post limits come from the 2016 text and provincial rules (DOMAIN.md:
 * configurable).
 */
export const DEFAULT_INTERNSHIP_RULES: InternshipRules = {
  source:
    '教职成〔2021〕4号《职业学校学生实习管理规定》; 10 % / 20 % limits: 教职成〔2016〕3号 and provincial rules',
  minPostInternshipAge: 16,
  adultAge: 18,
  minStudyYear: 2,
  minPayPercent: 80,
  maxEnterpriseSharePercent: 10,
  maxPostSharePercent: 20,
  maxDailyHours: 8,
  maxWeeklyHours: 40,
  workTime: { night: 'refuse', overtime: 'refuse', holiday: 'refuse' },
  documentsRequiredFor: ['cognitive', 'post'],
};
