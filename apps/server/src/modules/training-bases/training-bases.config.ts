/**
 * The training-bases module's parameters. No national text sets a base's opening hours; these are
 * the district's defaults (an editor's choice, documented in docs/architecture.md), meant to become
 * configuration per district.
 */
import type { OpeningHours } from './booking.rules.ts';

/**
 * When a base is open for booking, and so what its available station-hours are: Monday to Friday
 * (ISO weekdays 1–5), 08:00–18:00 China time, every day of the year it is in operation. Utilisation
 * = booked station-hours ÷ (capacity × 10 h × open days while in operation in the year).
 */
export const DEFAULT_OPENING_HOURS: OpeningHours = {
  source: '区发改科技局 默认开放时间（编辑选择）：周一至周五 8:00–18:00',
  weekdays: [1, 2, 3, 4, 5],
  opensAtMinute: 8 * 60,
  closesAtMinute: 18 * 60,
};

/**
 * The bases the plan names by their builder (T14-BASE-YITONG, T14-BASE-ZHENDONG): a milestone is
 * completed by a metric per named enterprise, found by its org-unit code (plans/shangdang/org-units.yaml).
 * Another district's plan adds its own line here.
 */
export const NAMED_HIGH_LEVEL_BASES = [
  {
    metric: 'trainingBases.yitongBaseInOperation',
    ownerCode: 'SD-YITONG',
    title: { zh: '易通集团高水平专业化实训基地建成运行', en: 'Yitong Group’s high-level base in operation' },
  },
  {
    metric: 'trainingBases.zhendongBaseInOperation',
    ownerCode: 'SD-ZHENDONG',
    title: {
      zh: '振东集团高水平专业化实训基地建成运行',
      en: 'Zhendong Group’s high-level base in operation',
    },
  },
] as const;
