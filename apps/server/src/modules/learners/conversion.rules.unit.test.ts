import { describe, expect, it } from 'vitest';
import { checkConversion, type ConversionLearner, type ConversionRule } from './conversion.rules.ts';
import { convertEntry, postFor, reverseEntry, type LedgerEntry } from './credit-ledger.rules.ts';

const webRule: ConversionRule = {
  id: 'rule-web',
  schoolId: 's1',
  major: '计算机应用',
  outcome: { type: 'one_plus_x_certificate', certificateCode: 'WEB-FE', minLevel: 'intermediate' },
  exempts: ['C101', 'C102', 'C103'],
  credits: 80,
  validFrom: '2026-01-01',
  validTo: '2028-12-31',
};
const intermediate = {
  id: 'o1',
  type: 'one_plus_x_certificate' as const,
  level: 'intermediate' as const,
  certificateCode: 'WEB-FE',
};
const advanced = { ...intermediate, id: 'o2', level: 'advanced' as const };
const learner: ConversionLearner = { schoolId: 's1', major: '计算机应用', outcomes: [intermediate] };
const post = (outcomeId: string, credits: number) =>
  postFor({ id: outcomeId }, { id: `r-${outcomeId}`, outcomeId, credits });
const ledger: LedgerEntry[] = [post('o1', 100)];
const none = () => false;
const onDate = '2026-09-01';
const codes = (r: ReturnType<typeof checkConversion>) =>
  r.ok ? [] : r.reasons.map((x) => `${x.field}:${x.code}`);

function converted(
  entries: readonly LedgerEntry[],
  conversionId: string,
  r: ReturnType<typeof checkConversion>,
) {
  if (!r.ok) throw new Error(JSON.stringify(r.reasons));
  const step = convertEntry(entries, { conversionId, ...r.explanation });
  if (!step.ok) throw new Error(step.reason.code);
  return [...entries, step.entry];
}

describe('checking a conversion against its rule', () => {
  it('explains an allowed conversion: the outcome, the courses, the rule’s credits', () => {
    const r = checkConversion(webRule, learner, ledger, none, onDate);
    expect(r).toMatchObject({
      ok: true,
      explanation: { ruleId: 'rule-web', outcomeId: 'o1', courses: ['C101', 'C102', 'C103'], credits: 80 },
    });
    expect(r.ok && r.explanation.zh).toContain('C101、C102、C103');
    expect(r.ok && r.explanation.zh).toContain('8 学分');
  });

  it('never grants more than the outcome has available', () => {
    const r = checkConversion(webRule, learner, [post('o1', 45)], none, onDate);
    expect(r).toMatchObject({ ok: true, explanation: { credits: 45 } });
    expect(r.ok && r.explanation.en).toContain('4.5 credits');
  });

  it('uses the lowest qualifying level, and a level above the minimum qualifies', () => {
    const both = { ...learner, outcomes: [advanced, intermediate] };
    const r = checkConversion(webRule, both, [post('o2', 100), post('o1', 100)], none, onDate);
    expect(r).toMatchObject({ ok: true, explanation: { outcomeId: 'o1' } });
    const onlyAdvanced = { ...learner, outcomes: [advanced] };
    expect(checkConversion(webRule, onlyAdvanced, [post('o2', 100)], none, onDate)).toMatchObject({
      ok: true,
      explanation: { outcomeId: 'o2' },
    });
  });

  it('refuses a rule not in force on the day (CONVERSION_RULE_NOT_IN_FORCE), at either end', () => {
    for (const day of ['2025-12-31', '2029-01-01']) {
      expect(codes(checkConversion(webRule, learner, ledger, none, day))).toEqual([
        'ruleId:CONVERSION_RULE_NOT_IN_FORCE',
      ]);
    }
    for (const day of ['2026-01-01', '2028-12-31'])
      expect(checkConversion(webRule, learner, ledger, none, day).ok).toBe(true);
    expect(checkConversion({ ...webRule, validTo: null }, learner, ledger, none, '2040-01-01').ok).toBe(true);
  });

  it('refuses a rule of another school (CONVERSION_SCHOOL_MISMATCH)', () => {
    expect(codes(checkConversion(webRule, { ...learner, schoolId: 's2' }, ledger, none, onDate))).toEqual([
      'ruleId:CONVERSION_SCHOOL_MISMATCH',
    ]);
  });

  it('refuses a rule of another major (CONVERSION_MAJOR_MISMATCH); a rule without a major fits every major', () => {
    const other = { ...learner, major: '电子商务' };
    expect(codes(checkConversion(webRule, other, ledger, none, onDate))).toEqual([
      'ruleId:CONVERSION_MAJOR_MISMATCH',
    ]);
    expect(checkConversion({ ...webRule, major: null }, other, ledger, none, onDate).ok).toBe(true);
  });

  it('refuses without a recognised outcome of the type, certificate and level with credits (CONVERSION_NO_QUALIFYING_OUTCOME)', () => {
    const elementary = { ...intermediate, level: 'elementary' as const };
    const otherCertificate = { ...intermediate, certificateCode: 'BIG-DATA' };
    const otherType = { ...intermediate, type: 'vocational_qualification' as const };
    for (const outcome of [elementary, otherCertificate, otherType]) {
      expect(
        codes(checkConversion(webRule, { ...learner, outcomes: [outcome] }, ledger, none, onDate)),
      ).toEqual(['outcomeId:CONVERSION_NO_QUALIFYING_OUTCOME']);
    }
    const reversal = reverseEntry(ledger, 'post:r-o1');
    const revoked = reversal.ok ? [...ledger, reversal.entry] : ledger;
    expect(codes(checkConversion(webRule, learner, revoked, none, onDate))).toEqual([
      'outcomeId:CONVERSION_NO_QUALIFYING_OUTCOME',
    ]);
  });

  it('refuses when the qualifying outcome’s credits were already used (CONVERSION_OUTCOME_CONSUMED)', () => {
    const otherRule = { ...webRule, id: 'rule-other', exempts: ['C201'] };
    const after = converted(ledger, 'c1', checkConversion(otherRule, learner, ledger, none, onDate));
    const r = checkConversion(webRule, learner, after, none, onDate);
    expect(codes(r)).toEqual(['outcomeId:CONVERSION_OUTCOME_CONSUMED']);
    expect(!r.ok && r.reasons[0]!.zh).toContain('c1');
  });

  it('refuses each course already exempted (CONVERSION_COURSE_ALREADY_EXEMPTED), naming its position', () => {
    const exempted = (course: string) => course === 'C102' || course === 'C103';
    expect(codes(checkConversion(webRule, learner, ledger, exempted, onDate))).toEqual([
      'exempts.1:CONVERSION_COURSE_ALREADY_EXEMPTED',
      'exempts.2:CONVERSION_COURSE_ALREADY_EXEMPTED',
    ]);
  });

  it('refuses once the rule’s credits are all granted to the learner (CONVERSION_EXCEEDS_RULE_CREDITS); a reversed conversion gives them back', () => {
    const both = { ...learner, outcomes: [intermediate, advanced] };
    const start = [post('o1', 100), post('o2', 100)];
    const after = converted(start, 'c1', checkConversion(webRule, both, start, none, onDate));
    expect(codes(checkConversion(webRule, both, after, none, onDate))).toEqual([
      'credits:CONVERSION_EXCEEDS_RULE_CREDITS',
    ]);
    const undo = reverseEntry(after, 'convert:c1');
    expect(undo.ok && checkConversion(webRule, both, [...after, undo.entry], none, onDate).ok).toBe(true);
  });

  it('grants only what is left of the rule’s credits after an earlier conversion under it', () => {
    const both = { ...learner, outcomes: [intermediate, advanced] };
    const start = [post('o1', 30), post('o2', 100)];
    const after = converted(start, 'c1', checkConversion(webRule, both, start, none, onDate));
    expect(checkConversion(webRule, both, after, none, onDate)).toMatchObject({
      ok: true,
      explanation: { outcomeId: 'o2', credits: 50 },
    });
  });

  it('lists every reason at once', () => {
    const exempted = (course: string) => course === 'C101';
    const stranger = { schoolId: 's2', major: '电子商务', outcomes: [] };
    expect(codes(checkConversion(webRule, stranger, [], exempted, '2030-01-01'))).toEqual([
      'ruleId:CONVERSION_RULE_NOT_IN_FORCE',
      'ruleId:CONVERSION_SCHOOL_MISMATCH',
      'ruleId:CONVERSION_MAJOR_MISMATCH',
      'outcomeId:CONVERSION_NO_QUALIFYING_OUTCOME',
      'exempts.0:CONVERSION_COURSE_ALREADY_EXEMPTED',
    ]);
  });
});
