import type { closingZh } from './closing.zh';

/** Closing a plan and its final evaluation: English strings, the same keys as `closing.zh.ts`. */
export const closingEn: Record<keyof typeof closingZh, string> = {
  'closing.title': 'Final evaluation',
  'closing.banner.ended': 'The plan ended on {end}: final evaluation due by {due}',
  'closing.banner.endedHint':
    'Past its end, each indicator is judged at its deadline instead of counting days late.',
  'closing.banner.closed': 'Closed · {date}',
  'closing.banner.closedHint':
    'The plan was evaluated and closed; below are the final verdicts at each deadline.',
  'closing.open': 'Final evaluation',
  'closing.view': 'View the final evaluation',
  'closing.docx': 'Download Word',
  'closing.pdf': 'Download PDF',
  'closing.state.none': 'Not started',
  'closing.state.draft': 'Draft',
  'closing.state.closed': 'Closed',
  'closing.notEnded': 'The plan ends on {end}; it can be evaluated only after that.',
  'closing.readOnly': 'The plan was closed on {date}; its final evaluation can no longer change.',
  'closing.narrative': 'Overall assessment',
  'closing.narrativeHint': 'How the plan went overall: results, problems, what comes next',
  'closing.tasks': 'Tasks',
  'closing.tasksHint': 'Prefilled from the latest approved progress: confirm each and add a remark',
  'closing.col.outcome': 'Outcome',
  'closing.col.remark': 'Remark',
  'closing.col.progress': 'Latest progress',
  'closing.indicators': 'Indicators (at their deadlines)',
  'closing.col.valueAtDeadline': 'Value at deadline',
  'closing.col.verdict': 'Verdict',
  'closing.outcome.completed': 'Completed',
  'closing.outcome.partly': 'Partly',
  'closing.outcome.not_completed': 'Not completed',
  'closing.verdict.met': 'met',
  'closing.verdict.not_met': 'not met',
  'closing.verdict.no_data': 'no data',
  'closing.verdictAt': 'By {date}: {verdict}',
  'closing.summary':
    'Tasks: {completed} completed · {partly} partly · {notCompleted} not completed; indicators: {met} met · {notMet} not met · {noData} no data',
  'closing.save': 'Save draft',
  'closing.saved': 'Draft saved',
  'closing.close': 'Close the plan',
  'closing.closeConfirm': 'Close the plan with this final evaluation?',
  'closing.closeConfirmText':
    'The plan will read as closed, its verdicts freeze, it raises no more alerts and takes no more progress reports. This cannot be undone.',
  'closing.closedOk': 'The plan is closed',
  'closing.public.closed': 'Closed ({date})',
  'closing.public.report': 'Final evaluation report (PDF)',
};
