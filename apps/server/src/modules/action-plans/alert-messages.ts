import type { Alert } from './alerts.ts';

export type Lang = 'zh' | 'en';

/** The sentence an alert shows its unit, in Chinese or English. */
export function alertMessage(
  a: Alert,
  lang: Lang,
  ctx: {
    task?: { label: string; title: string };
    indicator?: { name: string; nameEn: string };
    milestone?: { title: string; titleEn: string };
  },
): string {
  const task = ctx.task ? `${ctx.task.label}${ctx.task.title}` : '';
  const late = Math.abs(a.daysLate);
  switch (a.kind) {
    case 'report_overdue':
      return lang === 'zh'
        ? `任务${task}“${a.facts.period}”进展报告已逾期 ${late} 天，累计缺报 ${a.facts.missingPeriods} 期`
        : `Progress report for task ${task} (${a.facts.period}) is ${late} days overdue; ${a.facts.missingPeriods} period(s) missing`;
    case 'deadline_approaching':
      if (ctx.milestone) {
        return lang === 'zh'
          ? `里程碑“${ctx.milestone.title}”将于 ${a.dueDate} 到期（剩 ${late} 天）`
          : `Milestone "${ctx.milestone.titleEn || ctx.milestone.title}" is due on ${a.dueDate} (${late} days left)`;
      }
      return lang === 'zh'
        ? `任务${task}“${a.facts.period}”进展报告将于 ${a.dueDate} 截止（剩 ${late} 天）`
        : `Progress report for task ${task} (${a.facts.period}) is due on ${a.dueDate} (${late} days left)`;
    case 'milestone_overdue':
      return lang === 'zh'
        ? `里程碑“${ctx.milestone?.title ?? ''}”已超过完成时限 ${late} 天`
        : `Milestone "${ctx.milestone?.titleEn || ctx.milestone?.title || ''}" is ${late} days past due`;
    case 'plan_ended': {
      const f = a.facts;
      return lang === 'zh'
        ? `计划已于 ${f.endDate} 到期，待开展终期评估（请于 ${a.dueDate} 前完成；到期时未达成指标 ${f.indicatorsOffTrack} 项、未完成里程碑 ${f.milestonesOverdue} 项、缺报进展 ${f.reportsMissing} 期）`
        : `Plan ended on ${f.endDate}: final evaluation due by ${a.dueDate} (${f.indicatorsOffTrack} indicator(s) not met, ${f.milestonesOverdue} milestone(s) open, ${f.reportsMissing} report(s) missing)`;
    }
    case 'indicator_off_track': {
      const name = lang === 'zh' ? ctx.indicator?.name : ctx.indicator?.nameEn || ctx.indicator?.name;
      const value = a.facts.latestValue ?? (lang === 'zh' ? '无' : 'none');
      if (a.facts.missed) {
        return lang === 'zh'
          ? `指标“${name}”${a.facts.missed}未达到目标（最新值 ${value}，完成时限 ${a.dueDate}）`
          : `Indicator "${name}" missed its target in ${a.facts.missedEn} (latest ${value}, deadline ${a.dueDate})`;
      }
      if (a.tier === 'red') {
        return lang === 'zh'
          ? `指标“${name}”未达到目标（最新值 ${value}，完成时限 ${a.dueDate}）`
          : `Indicator "${name}" is off track (latest ${value}, deadline ${a.dueDate})`;
      }
      return lang === 'zh'
        ? `指标“${name}”进度偏慢（最新值 ${value}，完成时限 ${a.dueDate}）`
        : `Indicator "${name}" is behind schedule (latest ${value}, deadline ${a.dueDate})`;
    }
  }
}
