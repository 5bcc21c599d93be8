import { describe, expect, it } from 'vitest';
import {
  checkCompletion,
  evaluationDateProblem,
  incidentCover,
  incidentFileProblems,
  incidentTimeProblems,
  incidentWindowProblem,
  isInjury,
  mayNotifyInsurer,
  overallResult,
  type PlacementPeriod,
} from './placement-life.rules.ts';

const running: PlacementPeriod = {
  state: 'active',
  startsOn: '2024-03-01',
  endsOn: '2024-08-31',
  endedOn: null,
};
const now = new Date('2024-05-10T04:00:00Z');

describe('incidentWindowProblem', () => {
  it('allows a running placement', () => {
    expect(incidentWindowProblem(running, '2024-05-10')).toBeNull();
  });

  it('refuses a placement not started', () => {
    expect(incidentWindowProblem({ ...running, state: 'draft' }, '2024-05-10')).toMatchObject({
      code: 'PLACEMENT_NOT_STARTED',
      zh: '实习尚未启动，不能报告实习事故',
    });
  });

  it('allows an ended placement until 30 days after its end, not the day after', () => {
    const ended: PlacementPeriod = { ...running, state: 'completed', endedOn: '2024-08-31' };
    expect(incidentWindowProblem(ended, '2024-09-30')).toBeNull();
    expect(incidentWindowProblem(ended, '2024-10-01')).toMatchObject({
      code: 'REPORT_WINDOW_CLOSED',
      field: 'placement',
      zh: '实习已于 2024-08-31 结束，结束 30 日后（2024-09-30 以后）不能再补报实习事故',
    });
  });

  it('counts the window from the day a terminated placement ended', () => {
    const ended: PlacementPeriod = { ...running, state: 'terminated', endedOn: '2024-04-30' };
    expect(incidentWindowProblem(ended, '2024-05-31')).toMatchObject({ code: 'REPORT_WINDOW_CLOSED' });
  });
});

describe('incidentTimeProblems', () => {
  it('accepts an incident within the period, notified after it', () => {
    expect(
      incidentTimeProblems(
        running,
        { occurredAt: '2024-05-09T02:00:00Z', insurerNotifiedAt: '2024-05-09T06:00:00Z' },
        now,
      ),
    ).toEqual([]);
  });

  it('refuses an incident in the future', () => {
    expect(
      incidentTimeProblems(running, { occurredAt: '2024-05-10T05:00:00Z', insurerNotifiedAt: null }, now),
    ).toEqual([
      {
        field: 'occurredAt',
        code: 'IN_FUTURE',
        zh: '事故发生时间不能晚于当前时间',
        en: 'The incident cannot have happened in the future',
      },
    ]);
  });

  it('refuses an incident before the start, by the China date', () => {
    // 2024-02-29T17:00Z is 2024-03-01 01:00 in China: inside. 16:00Z is still 2024-02-29 there.
    expect(
      incidentTimeProblems(running, { occurredAt: '2024-02-29T17:00:00Z', insurerNotifiedAt: null }, now),
    ).toEqual([]);
    expect(
      incidentTimeProblems(running, { occurredAt: '2024-02-29T15:00:00Z', insurerNotifiedAt: null }, now),
    ).toEqual([
      {
        field: 'occurredAt',
        code: 'OUTSIDE_PERIOD',
        zh: '事故发生日 2024-02-29 不在实习期 2024-03-01 至 2024-08-31 内',
        en: "The incident's date 2024-02-29 is outside the placement, 2024-03-01 to 2024-08-31",
      },
    ]);
  });

  it('refuses an incident after a placement ended early', () => {
    const ended: PlacementPeriod = { ...running, state: 'terminated', endedOn: '2024-04-30' };
    expect(
      incidentTimeProblems(ended, { occurredAt: '2024-05-02T02:00:00Z', insurerNotifiedAt: null }, now),
    ).toMatchObject([
      { code: 'OUTSIDE_PERIOD', zh: '事故发生日 2024-05-02 不在实习期 2024-03-01 至 2024-04-30 内' },
    ]);
  });

  it('refuses a time that is no time', () => {
    expect(
      incidentTimeProblems(running, { occurredAt: '2024-13-01T02:00:00Z', insurerNotifiedAt: null }, now),
    ).toEqual([
      {
        field: 'occurredAt',
        code: 'INVALID_DATE_TIME',
        zh: '时间格式不正确',
        en: 'Not a valid date and time',
      },
    ]);
  });

  it('refuses a notification before the incident, and one in the future', () => {
    expect(
      incidentTimeProblems(
        running,
        { occurredAt: '2024-05-09T02:00:00Z', insurerNotifiedAt: '2024-05-09T01:00:00Z' },
        now,
      ),
    ).toEqual([
      {
        field: 'insurerNotifiedAt',
        code: 'BEFORE_INCIDENT',
        zh: '报保险公司的时间早于事故发生时间',
        en: 'The insurer was notified before the incident happened',
      },
    ]);
    expect(
      incidentTimeProblems(
        running,
        { occurredAt: '2024-05-09T02:00:00Z', insurerNotifiedAt: '2024-05-11T01:00:00Z' },
        now,
      ),
    ).toMatchObject([{ field: 'insurerNotifiedAt', code: 'IN_FUTURE' }]);
  });
});

describe('incidentCover', () => {
  const policy = {
    insurer: '中国人民财产保险',
    policyNumber: 'PZBA2024',
    insuranceStartsOn: '2024-03-01',
    insuranceEndsOn: '2024-06-30',
  };

  it('names the policy whose period holds the China date', () => {
    expect(incidentCover(policy, '2024-06-30T15:00:00Z')).toEqual({
      insurer: '中国人民财产保险',
      policyNumber: 'PZBA2024',
    });
  });

  it('is null after the policy ends (China date), or with no policy', () => {
    expect(incidentCover(policy, '2024-06-30T16:30:00Z')).toBeNull();
    expect(
      incidentCover(
        { insurer: null, policyNumber: null, insuranceStartsOn: null, insuranceEndsOn: null },
        '2024-05-01T00:00:00Z',
      ),
    ).toBeNull();
  });
});

describe('isInjury', () => {
  it('counts work injuries and accidental injuries only', () => {
    expect(
      ['work_injury', 'accidental_injury', 'illness', 'property_loss', 'other'].map((k) =>
        isInjury(k as never),
      ),
    ).toEqual([true, true, false, false, false]);
  });
});

describe('evaluationDateProblem', () => {
  it('accepts a date within the placement, up to today', () => {
    expect(evaluationDateProblem(running, '2024-05-10', '2024-05-10')).toBeNull();
  });

  it('refuses a date after today', () => {
    expect(evaluationDateProblem(running, '2024-05-11', '2024-05-10')).toEqual({
      field: 'evaluatedOn',
      code: 'IN_FUTURE',
      zh: '评价日期 2024-05-11 晚于今天',
      en: 'The evaluation date 2024-05-11 is after today',
    });
  });

  it('refuses a date before the start', () => {
    expect(evaluationDateProblem(running, '2024-02-28', '2024-05-10')).toMatchObject({
      code: 'BEFORE_START',
      zh: '评价日期 2024-02-28 早于实习开始日 2024-03-01',
    });
  });
});

describe('checkCompletion', () => {
  const both = { school: 'good', enterprise: 'excellent' } as const;

  it('passes a 岗位实习 with both evaluations and no injury pending', () => {
    expect(checkCompletion({ type: 'post', evaluations: both, unnotifiedInjuries: 0 })).toEqual({
      ok: true,
      refusals: [],
      warnings: [],
    });
  });

  it('refuses a 岗位实习 without the enterprise mentor’s evaluation', () => {
    expect(
      checkCompletion({ type: 'post', evaluations: { ...both, enterprise: null }, unnotifiedInjuries: 0 })
        .refusals,
    ).toEqual([
      {
        code: 'ENTERPRISE_EVALUATION_MISSING',
        field: 'evaluations.enterprise',
        zh: '岗位实习须有实习单位（企业指导教师）的考核评价',
        en: 'A 岗位实习 needs the enterprise mentor’s evaluation on file',
      },
    ]);
  });

  it('refuses any placement without the school supervisor’s evaluation', () => {
    expect(
      checkCompletion({ type: 'cognitive', evaluations: { ...both, school: null }, unnotifiedInjuries: 0 })
        .refusals,
    ).toEqual([
      {
        code: 'SCHOOL_EVALUATION_MISSING',
        field: 'evaluations.school',
        zh: '缺少学校指导教师的考核评价',
        en: 'The school supervisor’s evaluation is not on file',
      },
    ]);
  });

  it('passes a 认识实习 with the school’s evaluation only', () => {
    expect(
      checkCompletion({
        type: 'cognitive',
        evaluations: { school: 'pass', enterprise: null },
        unnotifiedInjuries: 0,
      }).ok,
    ).toBe(true);
  });

  it('refuses while an injury is not reported to the insurer', () => {
    expect(checkCompletion({ type: 'post', evaluations: both, unnotifiedInjuries: 2 }).refusals).toEqual([
      {
        code: 'INCIDENT_INSURER_NOT_NOTIFIED',
        field: 'incidents',
        zh: '有 2 起实习伤害事故尚未报保险公司',
        en: '2 injury incident(s) not yet reported to the insurer',
      },
    ]);
  });

  it('names every missing item at once, in order', () => {
    expect(
      checkCompletion({
        type: 'post',
        evaluations: { school: null, enterprise: null },
        unnotifiedInjuries: 1,
      }).refusals.map((r) => r.code),
    ).toEqual([
      'ENTERPRISE_EVALUATION_MISSING',
      'SCHOOL_EVALUATION_MISSING',
      'INCIDENT_INSURER_NOT_NOTIFIED',
    ]);
  });
});

describe('overallResult', () => {
  it('rounds the mean towards the lower grade', () => {
    expect(overallResult({ school: 'excellent', enterprise: 'good' })).toBe('good');
    expect(overallResult({ school: 'excellent', enterprise: 'excellent' })).toBe('excellent');
    expect(overallResult({ school: 'good', enterprise: 'pass' })).toBe('pass');
    expect(overallResult({ school: 'excellent', enterprise: 'pass' })).toBe('good');
  });

  it('is 不合格 when either evaluation is', () => {
    expect(overallResult({ school: 'excellent', enterprise: 'fail' })).toBe('fail');
  });

  it('takes the one evaluation on file, or nothing', () => {
    expect(overallResult({ school: 'good', enterprise: null })).toBe('good');
    expect(overallResult({ school: null, enterprise: null })).toBeNull();
  });
});

describe('incidentFileProblems', () => {
  it('refuses each file already in use by a placement or an incident, naming its index', () => {
    expect(incidentFileProblems(['a', 'b', 'c'], new Set(['b', 'x']))).toEqual([
      {
        field: 'fileIds.1',
        code: 'FILE_UNKNOWN',
        zh: '该附件已是实习协议、知情同意书、保险单或其他事故报告的附件，请重新上传',
        en: 'This file is already a placement’s agreement, consent form or policy, or another incident’s file: upload it anew',
      },
    ]);
    expect(incidentFileProblems(['a'], new Set())).toEqual([]);
  });
});

describe('mayNotifyInsurer', () => {
  it('lets the school, or the party that reported the incident, record the notification', () => {
    expect(mayNotifyInsurer('school', 'enterprise')).toBe(true);
    expect(mayNotifyInsurer('school', 'school')).toBe(true);
    expect(mayNotifyInsurer('enterprise', 'enterprise')).toBe(true);
    expect(mayNotifyInsurer('enterprise', 'school')).toBe(false);
    expect(mayNotifyInsurer(null, 'enterprise')).toBe(false);
  });
});
