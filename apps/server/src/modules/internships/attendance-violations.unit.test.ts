import { describe, expect, it } from 'vitest';
import { checkAttendance, type LoggedEntry, type PostWorkTime } from './attendance-violations.ts';
import { DEFAULT_INTERNSHIP_RULES as RULES } from './internships.config.ts';
import { activationChecklist, insuranceCovers } from './placement-facts.ts';

const entry = (id: string, date: string, from: string, to: string, holiday = false): LoggedEntry => ({
  id,
  date,
  startsAt: `${date}T${from}:00+08:00`,
  endsAt: `${to < from ? `${date.slice(0, 8)}${String(Number(date.slice(8)) + 1).padStart(2, '0')}` : date}T${to}:00+08:00`,
  holiday,
});
const plain: PostWorkTime = { nightWork: false, overtimeWork: false, holidayWork: false, filed: false };
const codes = (log: LoggedEntry[], post = plain) =>
  checkAttendance(log, post, RULES).entries.map((e) => e.violations.map((v) => v.code));

describe('checkAttendance', () => {
  it('finds nothing wrong with an ordinary day, and flags a rest day without calling it a violation', () => {
    const r = checkAttendance(
      [entry('a', '2024-03-04', '09:00', '17:00'), entry('b', '2024-03-09', '09:00', '12:00')],
      plain,
      RULES,
    );
    expect(r.entries.map((e) => [e.flags, e.violations])).toEqual([
      [[], []],
      [['rest_day'], []],
    ]);
  });

  it('names night work, overtime and holiday work the post has not filed', () => {
    expect(
      codes([
        entry('a', '2024-03-04', '09:00', '17:00'),
        entry('b', '2024-03-04', '21:00', '01:00'),
        entry('c', '2024-04-04', '09:00', '11:00', true),
      ]),
    ).toEqual([[], ['NIGHT_WORK', 'OVERTIME'], ['HOLIDAY_WORK']]);
  });

  it('allows what the post declares and has filed (备案), and nothing it declares unfiled', () => {
    const log = [entry('a', '2024-03-04', '22:00', '02:00')];
    expect(codes(log, { ...plain, nightWork: true, filed: true })).toEqual([[]]);
    expect(codes(log, { ...plain, nightWork: true, filed: false })).toEqual([['NIGHT_WORK']]);
    expect(codes(log, { ...plain, overtimeWork: true, filed: true })).toEqual([['NIGHT_WORK']]);
  });

  it('only warns (no violation) where the rules are set to warn', () => {
    const lenient = { ...RULES, workTime: { night: 'warn', overtime: 'refuse', holiday: 'warn' } } as const;
    const r = checkAttendance([entry('a', '2024-04-04', '20:00', '23:00', true)], plain, lenient);
    expect(r.entries[0]!.violations).toEqual([]);
  });

  it('counts the week over 40 hours as overtime on the entry that passes it', () => {
    const week = ['04', '05', '06', '07', '08'].map((d) => entry(d, `2024-03-${d}`, '09:00', '17:00'));
    expect(codes([...week, entry('sat', '2024-03-09', '09:00', '10:00')]).at(-1)).toEqual(['OVERTIME']);
  });
});

describe('activationChecklist and insuranceCovers', () => {
  it('files each refusal under its document, the rest under the rules', () => {
    const reason = (code: string) => ({ code, field: 'x', zh: code, en: code }) as never;
    const items = activationChecklist({
      ok: false,
      refusals: [reason('AGREEMENT_MISSING'), reason('INSURANCE_PERIOD_SHORT'), reason('PAY_TOO_LOW')],
      warnings: [],
    });
    expect(items.map((i) => [i.item, i.ok, i.reasons.map((r) => r.code)])).toEqual([
      ['agreement', false, ['AGREEMENT_MISSING']],
      ['consent', true, []],
      ['insurance', false, ['INSURANCE_PERIOD_SHORT']],
      ['rules', false, ['PAY_TOO_LOW']],
    ]);
  });

  it('wants the policy from the first day to the last', () => {
    const p = { startsOn: '2024-03-01', endsOn: '2024-08-31' };
    expect(insuranceCovers({ ...p, insuranceStartsOn: '2024-03-01', insuranceEndsOn: '2024-08-31' })).toBe(
      true,
    );
    expect(insuranceCovers({ ...p, insuranceStartsOn: '2024-03-02', insuranceEndsOn: '2024-12-31' })).toBe(
      false,
    );
    expect(insuranceCovers({ ...p, insuranceStartsOn: '2024-01-01', insuranceEndsOn: '2024-08-30' })).toBe(
      false,
    );
    expect(insuranceCovers({ ...p, insuranceStartsOn: null, insuranceEndsOn: null })).toBe(false);
  });
});
