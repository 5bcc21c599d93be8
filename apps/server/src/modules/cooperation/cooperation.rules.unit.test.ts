import { describe, expect, it } from 'vitest';
import {
  agreementRunsOn,
  agreementStatus,
  approvalRefusals,
  centreOperatesOn,
  completionRefusals,
  periodRefusals,
  projectRefusals,
  stageRefusals,
  type AgreementFacts,
  type ApprenticeshipFacts,
} from './cooperation.rules.ts';

const agreement: AgreementFacts = {
  startsOn: '2021-01-01',
  endsOn: '2023-12-31',
  state: 'in_force',
  terminatedOn: null,
  scopes: ['internship_training', 'modern_apprenticeship'],
};

const programme: ApprenticeshipFacts = {
  scheme: 'modern',
  startsOn: '2021-09-01',
  endsOn: '2023-07-15',
  apprenticeCount: 30,
  schoolMentors: ['王老师'],
  enterpriseMentors: ['李师傅'],
  planSummary: '校企共同制定：第一学年校内学习，第二学年起工学交替',
  planFileId: 'f1',
  stages: [
    { title: '校内基础学习', plannedEndOn: '2022-07-15', completedOn: null },
    { title: '企业岗位培养', plannedEndOn: '2023-07-15', completedOn: null },
  ],
};

const codes = (r: ReturnType<typeof approvalRefusals>) => r.map((x) => `${x.field}:${x.code}`);

describe('agreement status', () => {
  it('is not yet in force before its start, in force through its end, expired after', () => {
    expect(agreementStatus(agreement, '2020-12-31')).toBe('not_started');
    expect(agreementStatus(agreement, '2021-01-01')).toBe('in_force');
    expect(agreementStatus(agreement, '2023-12-31')).toBe('in_force');
    expect(agreementStatus(agreement, '2024-01-01')).toBe('expired');
  });
  it('is terminated once terminated, whatever the day', () => {
    const ended = { ...agreement, state: 'terminated' as const, terminatedOn: '2022-03-01' };
    expect(agreementStatus(ended, '2021-06-01')).toBe('terminated');
    expect(agreementRunsOn(ended, '2022-02-28')).toBe(true);
    expect(agreementRunsOn(ended, '2022-03-01')).toBe(false);
  });
  it('refuses an end before the start, naming both dates', () => {
    expect(periodRefusals('2021-01-01', '2020-12-31')).toEqual([
      {
        field: 'endsOn',
        code: 'PERIOD_REVERSED',
        zh: '结束日期（2020-12-31）早于开始日期（2021-01-01）',
        en: 'The end date (2020-12-31) is before the start date (2021-01-01)',
      },
    ]);
    expect(periodRefusals('2021-01-01', '2021-01-01')).toEqual([]);
  });
});

describe('approving an apprenticeship', () => {
  it('passes a complete programme inside an agreement in force', () => {
    expect(approvalRefusals(programme, agreement, '2021-08-01')).toEqual([]);
  });
  it('refuses without the training plan file', () => {
    expect(approvalRefusals({ ...programme, planFileId: null }, agreement, '2021-08-01')).toEqual([
      {
        field: 'planFileId',
        code: 'TRAINING_PLAN_MISSING',
        zh: '未上传校企共同制定的人才培养方案，不能审批',
        en: 'The training plan made jointly by the school and the enterprise is not on file',
      },
    ]);
  });
  it('refuses without the training plan summary', () => {
    expect(codes(approvalRefusals({ ...programme, planSummary: '  ' }, agreement, '2021-08-01'))).toEqual([
      'planSummary:TRAINING_PLAN_SUMMARY_MISSING',
    ]);
  });
  it('refuses without a school mentor', () => {
    expect(codes(approvalRefusals({ ...programme, schoolMentors: [] }, agreement, '2021-08-01'))).toEqual([
      'schoolMentors:SCHOOL_MENTOR_MISSING',
    ]);
  });
  it('refuses without an enterprise mentor', () => {
    const r = approvalRefusals({ ...programme, enterpriseMentors: [] }, agreement, '2021-08-01');
    expect(r).toEqual([
      {
        field: 'enterpriseMentors',
        code: 'ENTERPRISE_MENTOR_MISSING',
        zh: '未指定企业导师（师傅）',
        en: 'No enterprise mentor is named',
      },
    ]);
  });
  it('refuses with no apprentice', () => {
    expect(codes(approvalRefusals({ ...programme, apprenticeCount: 0 }, agreement, '2021-08-01'))).toEqual([
      'apprenticeCount:NO_APPRENTICES',
    ]);
  });
  it('refuses with no stage planned', () => {
    expect(codes(approvalRefusals({ ...programme, stages: [] }, agreement, '2021-08-01'))).toEqual([
      'stages:STAGES_MISSING',
    ]);
  });
  it('refuses a stage planned to end outside the training period, naming it', () => {
    const stages = [programme.stages[0]!, { ...programme.stages[1]!, plannedEndOn: '2023-08-01' }];
    expect(approvalRefusals({ ...programme, stages }, agreement, '2021-08-01')).toEqual([
      {
        field: 'stages.1.plannedEndOn',
        code: 'STAGE_OUTSIDE_PERIOD',
        zh: '第 2 阶段的计划完成日期不在培养期（2021-09-01 至 2023-07-15）内',
        en: 'Stage 2 is planned to end outside the training period (2021-09-01 to 2023-07-15)',
      },
    ]);
  });
  it('refuses a period ending after the agreement’s, with both periods', () => {
    const late = { ...programme, endsOn: '2024-07-15', stages: [] };
    const r = approvalRefusals({ ...late, stages: programme.stages }, agreement, '2021-08-01');
    expect(r).toEqual([
      {
        field: 'endsOn',
        code: 'PERIOD_OUTSIDE_AGREEMENT',
        zh: '培养期（2021-09-01 至 2024-07-15）超出合作协议期限（2021-01-01 至 2023-12-31）',
        en: 'The training period (2021-09-01 to 2024-07-15) falls outside the agreement’s (2021-01-01 to 2023-12-31)',
      },
    ]);
  });
  it('refuses a period starting before the agreement’s on the start date', () => {
    const early = { ...programme, startsOn: '2020-09-01' };
    expect(codes(approvalRefusals(early, agreement, '2020-08-01'))).toEqual([
      'startsOn:PERIOD_OUTSIDE_AGREEMENT',
    ]);
  });
  it('refuses under a terminated agreement', () => {
    const ended = { ...agreement, state: 'terminated' as const, terminatedOn: '2021-06-01' };
    expect(approvalRefusals(programme, ended, '2021-08-01')).toEqual([
      {
        field: 'agreementId',
        code: 'AGREEMENT_NOT_IN_FORCE',
        zh: '合作协议已终止',
        en: 'The agreement has been terminated',
      },
    ]);
  });
  it('refuses under an expired agreement', () => {
    expect(approvalRefusals(programme, agreement, '2024-01-02').map((r) => r.zh)).toEqual(['合作协议已到期']);
  });
  it('refuses a modern apprenticeship under an agreement without that scope', () => {
    expect(
      approvalRefusals(programme, { ...agreement, scopes: ['internship_training'] }, '2021-08-01'),
    ).toEqual([
      {
        field: 'agreementId',
        code: 'SCOPE_NOT_COVERED',
        zh: '合作协议的合作范围不含“现代学徒制”',
        en: 'The agreement’s scope does not include modern apprenticeship',
      },
    ]);
  });
  it('refuses a new enterprise apprenticeship under an agreement without staff training', () => {
    const r = approvalRefusals({ ...programme, scheme: 'enterprise' }, agreement, '2021-08-01');
    expect(r.map((x) => x.zh)).toEqual(['合作协议的合作范围不含“职工培训”（企业新型学徒制）']);
  });
  it('gives every reason at once', () => {
    const bare = {
      ...programme,
      planFileId: null,
      planSummary: '',
      schoolMentors: [],
      enterpriseMentors: [],
    };
    expect(approvalRefusals(bare, agreement, '2021-08-01')).toHaveLength(4);
  });
});

describe('completing an apprenticeship', () => {
  const done = programme.stages.map((s) => ({ ...s, completedOn: s.plannedEndOn }));
  it('passes when every stage is done', () => {
    expect(completionRefusals({ ...programme, stages: done }, '2023-07-15', 28)).toEqual([]);
  });
  it('refuses while a stage is open, naming it', () => {
    const r = completionRefusals(
      { ...programme, stages: [done[0]!, programme.stages[1]!] },
      '2023-07-15',
      28,
    );
    expect(r).toEqual([
      {
        field: 'stages',
        code: 'STAGES_INCOMPLETE',
        zh: '第 2 阶段尚未完成',
        en: 'Stage 2 not yet completed',
      },
    ]);
  });
  it('refuses a completion date before the start', () => {
    expect(completionRefusals({ ...programme, stages: done }, '2021-08-31', 28).map((r) => r.code)).toEqual([
      'BEFORE_START',
    ]);
  });
  it('refuses more finishing than there were apprentices', () => {
    expect(completionRefusals({ ...programme, stages: done }, '2023-07-15', 31)).toEqual([
      {
        field: 'completedCount',
        code: 'MORE_THAN_APPRENTICES',
        zh: '结业人数（31）超过学徒人数（30）',
        en: 'More finishing (31) than apprentices (30)',
      },
    ]);
  });
  it('refuses a stage done before the apprenticeship starts', () => {
    expect(stageRefusals(programme, '2021-08-31').map((r) => r.code)).toEqual(['BEFORE_START']);
    expect(stageRefusals(programme, '2021-09-01')).toEqual([]);
  });
});

describe('centres and their projects', () => {
  const centre = { openedOn: '2021-03-01', partnerIds: ['zd'] };
  it('passes a project of a partner after the opening', () => {
    expect(projectRefusals(centre, { startsOn: '2021-03-01', endsOn: null, enterpriseId: 'zd' })).toEqual([]);
  });
  it('refuses a project starting before the centre opened', () => {
    expect(projectRefusals(centre, { startsOn: '2021-02-28', endsOn: null, enterpriseId: null })).toEqual([
      {
        field: 'startsOn',
        code: 'BEFORE_OPENING',
        zh: '项目开始日期早于中心成立日期（2021-03-01）',
        en: 'The project starts before the centre opened (2021-03-01)',
      },
    ]);
  });
  it('refuses a project ending before it starts', () => {
    const r = projectRefusals(centre, { startsOn: '2021-05-01', endsOn: '2021-04-01', enterpriseId: null });
    expect(r.map((x) => `${x.field}:${x.code}`)).toEqual(['endsOn:PERIOD_REVERSED']);
  });
  it('refuses a project with an enterprise that is not a partner', () => {
    const r = projectRefusals(centre, { startsOn: '2021-05-01', endsOn: null, enterpriseId: 'yt' });
    expect(r).toEqual([
      {
        field: 'enterpriseId',
        code: 'NOT_A_PARTNER',
        zh: '项目合作企业不是该中心的合作企业',
        en: 'The project’s enterprise is not a partner of the centre',
      },
    ]);
  });
  it('operates from its opening until the day it closes', () => {
    expect(centreOperatesOn({ openedOn: '2021-03-01', closedOn: null }, '2021-02-28')).toBe(false);
    expect(centreOperatesOn({ openedOn: '2021-03-01', closedOn: null }, '2021-03-01')).toBe(true);
    expect(centreOperatesOn({ openedOn: '2021-03-01', closedOn: '2022-01-01' }, '2022-01-01')).toBe(false);
  });
});
