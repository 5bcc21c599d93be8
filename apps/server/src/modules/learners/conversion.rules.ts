/**
 * Conversion (转换) of recognised outcomes into exempted courses (DOMAIN.md, "Credit bank and 1+X"):
 * each school publishes its rules as data — an outcome of a type (optionally one certificate) at a
 * minimum level exempts courses for so many credits, per school and major, in force for a period
 * (e.g. 1+X Web 前端开发 中级 exempts three courses, 8 credits). A conversion uses one outcome's
 * credits, never an outcome a standing conversion already used, and never more credits than its
 * rule grants the learner (what earlier standing conversions under the rule took counts). The check
 * explains an allowed conversion and lists every reason of a refused one, each with a stable code
 * and zh/en. Pure; credits are integers in tenths of a credit (8 credits = 80).
 */
import {
  OUTCOME_LEVELS,
  OUTCOME_LEVEL_LABELS,
  OUTCOME_TYPE_LABELS,
  type OutcomeLevel,
} from '@zhijiao/contracts';
import { availableCredits, formatCredits, type LedgerEntry } from './credit-ledger.rules.ts';
import type { CreditBankReason, LearningOutcome } from './recognition.rules.ts';

export interface ConversionRule {
  id: string;
  schoolId: string;
  /** The major it applies to, or null for every major of the school. */
  major: string | null;
  outcome: {
    type: LearningOutcome['type'];
    /** Only this certificate, or null for any certificate of the type. */
    certificateCode: string | null;
    /** The lowest level that qualifies, or null for a type without levels. */
    minLevel: OutcomeLevel | null;
  };
  /** Codes of the courses exempted. */
  exempts: readonly string[];
  /** The most credits the rule grants a learner, in tenths. */
  credits: number;
  validFrom: string;
  /** The last day in force, or null when open-ended. */
  validTo: string | null;
}

/** The learner applying: their school, major and recognised outcomes. */
export interface ConversionLearner {
  schoolId: string;
  major: string;
  outcomes: readonly Pick<LearningOutcome, 'id' | 'type' | 'level' | 'certificateCode'>[];
}

/** What an allowed conversion does, for the application and the transcript. */
export interface ConversionExplanation {
  ruleId: string;
  outcomeId: string;
  courses: readonly string[];
  credits: number;
  zh: string;
  en: string;
}

export type ConversionCheck =
  { ok: true; explanation: ConversionExplanation } | { ok: false; reasons: CreditBankReason[] };

/** Whether `level` is at or above `min` (a rule without a minimum takes an outcome without a level). */
function meetsLevel(level: OutcomeLevel | null, min: OutcomeLevel | null): boolean {
  if (min === null) return true;
  return level !== null && OUTCOME_LEVELS.indexOf(level) >= OUTCOME_LEVELS.indexOf(min);
}

function qualifies(rule: ConversionRule, o: ConversionLearner['outcomes'][number]): boolean {
  return (
    o.type === rule.outcome.type &&
    (rule.outcome.certificateCode === null || o.certificateCode === rule.outcome.certificateCode) &&
    meetsLevel(o.level, rule.outcome.minLevel)
  );
}

function outcomeWords(rule: ConversionRule): { zh: string; en: string } {
  const { type, certificateCode, minLevel } = rule.outcome;
  const cert = certificateCode === null ? '' : ` ${certificateCode}`;
  return {
    zh: `${OUTCOME_TYPE_LABELS[type].zh}${cert}${minLevel === null ? '' : `（${OUTCOME_LEVEL_LABELS[minLevel].zh}及以上）`}`,
    en: `${OUTCOME_TYPE_LABELS[type].en}${cert}${minLevel === null ? '' : ` at ${OUTCOME_LEVEL_LABELS[minLevel].en.toLowerCase()} or above`}`,
  };
}

/** The rule's credits standing conversions under it already took for this learner. */
function creditsTakenUnder(rule: ConversionRule, ledger: readonly LedgerEntry[]): number {
  const reversed = new Set(ledger.flatMap((e) => (e.kind === 'reverse' ? [e.reverses] : [])));
  return ledger.reduce(
    (sum, e) => (e.kind === 'convert' && e.ruleId === rule.id && !reversed.has(e.id) ? sum - e.credits : sum),
    0,
  );
}

/**
 * Whether the learner may convert under `rule` on `onDate`: the outcome it uses (the lowest
 * qualifying level with credits available, then the first recorded), the courses exempted and the
 * credits — the rule's credits left for the learner, at most the outcome's available credits — or
 * every reason it may not: the rule not in force that day, another school or major, no recognised
 * outcome of the type at or above the level, the qualifying outcomes' credits already used by a
 * conversion, a course already exempted, the rule's credits already granted.
 *
 * @example checkConversion(webRule, { schoolId: 's1', major: '计算机应用', outcomes: [webIntermediate] }, ledger, () => false, '2026-09-01')
 *   // { ok: true, explanation: { outcomeId: webIntermediate.id, courses: ['C101', 'C102', 'C103'], credits: 80, zh: '…', en: '…' } }
 */
export function checkConversion(
  rule: ConversionRule,
  learner: ConversionLearner,
  ledger: readonly LedgerEntry[],
  courseAlreadyExempted: (courseCode: string) => boolean,
  onDate: string,
): ConversionCheck {
  const reasons: CreditBankReason[] = [];
  const add = (code: string, field: string, zh: string, en: string) => reasons.push({ code, field, zh, en });
  if (onDate < rule.validFrom || (rule.validTo !== null && onDate > rule.validTo)) {
    const period = `${rule.validFrom} – ${rule.validTo ?? '…'}`;
    add(
      'CONVERSION_RULE_NOT_IN_FORCE',
      'ruleId',
      `转换规则在 ${onDate} 不在有效期内（${period}）`,
      `The conversion rule is not in force on ${onDate} (${period})`,
    );
  }
  if (learner.schoolId !== rule.schoolId) {
    add(
      'CONVERSION_SCHOOL_MISMATCH',
      'ruleId',
      '该转换规则不是学习者所在学校的规则',
      'The rule is not of the learner’s school',
    );
  }
  if (rule.major !== null && rule.major !== learner.major) {
    add(
      'CONVERSION_MAJOR_MISMATCH',
      'ruleId',
      `该转换规则只适用于${rule.major}专业，学习者为${learner.major}专业`,
      `The rule applies to the major ${rule.major} only; the learner's major is ${learner.major}`,
    );
  }
  const credits = new Map(availableCredits(ledger).map((r) => [r.outcomeId, r]));
  const qualifying = learner.outcomes.filter(
    (o) => qualifies(rule, o) && (credits.get(o.id)?.standing ?? 0) > 0,
  );
  const usable = qualifying
    .filter((o) => credits.get(o.id)!.available > 0)
    .sort(
      (a, b) =>
        (a.level === null ? -1 : OUTCOME_LEVELS.indexOf(a.level)) -
        (b.level === null ? -1 : OUTCOME_LEVELS.indexOf(b.level)),
    );
  const words = outcomeWords(rule);
  if (qualifying.length === 0) {
    add(
      'CONVERSION_NO_QUALIFYING_OUTCOME',
      'outcomeId',
      `学习者没有已认定并积累学分的${words.zh}`,
      `The learner has no recognised outcome with credits standing: ${words.en}`,
    );
  } else if (usable.length === 0) {
    const by = [...new Set(qualifying.map((o) => credits.get(o.id)!.convertedBy))].join('、');
    add(
      'CONVERSION_OUTCOME_CONSUMED',
      'outcomeId',
      `符合条件的成果学分已用于学分转换 ${by}，同一成果的学分不能重复使用`,
      `The qualifying outcomes' credits were already used by conversion ${by.replaceAll('、', ', ')}: an outcome's credits are used once`,
    );
  }
  rule.exempts.forEach((course, i) => {
    if (courseAlreadyExempted(course)) {
      add(
        'CONVERSION_COURSE_ALREADY_EXEMPTED',
        `exempts.${i}`,
        `课程 ${course} 已免修，不能重复转换`,
        `Course ${course} is already exempted`,
      );
    }
  });
  const left = rule.credits - creditsTakenUnder(rule, ledger);
  if (left <= 0) {
    add(
      'CONVERSION_EXCEEDS_RULE_CREDITS',
      'credits',
      `该规则最多转换 ${formatCredits(rule.credits)} 学分，学习者已全部转换`,
      `The rule grants at most ${formatCredits(rule.credits)} credits, all of which the learner has already converted`,
    );
  }
  if (reasons.length > 0) return { ok: false, reasons };
  const outcome = usable[0]!;
  const granted = Math.min(left, credits.get(outcome.id)!.available);
  const courses = rule.exempts.join('、');
  return {
    ok: true,
    explanation: {
      ruleId: rule.id,
      outcomeId: outcome.id,
      courses: rule.exempts,
      credits: granted,
      zh: `以${words.zh}（成果 ${outcome.id}）转换 ${formatCredits(granted)} 学分，免修课程：${courses}`,
      en: `${words.en} (outcome ${outcome.id}) converts ${formatCredits(granted)} credits, exempting ${rule.exempts.join(', ')}`,
    },
  };
}
