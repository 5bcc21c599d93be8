import { describe, expect, it } from 'vitest';
import { buildInspectionReport, type InspectionReportRecords } from './report-builder.ts';
import { redactPersonalData } from '../../platform/validation/redact.ts';
import { assessmentScore, orderTier, shiftDate } from './supervision.rules.ts';

describe('order tiers (same scale as plan alerts)', () => {
  it('is none while more than 7 days remain, blue within 7 days, yellow up to 30 days late, red later', () => {
    expect(orderTier('2021-06-30', '2021-06-01')).toBeNull();
    expect(orderTier('2021-06-08', '2021-06-01')).toBe('blue');
    expect(orderTier('2021-06-01', '2021-06-01')).toBe('blue');
    expect(orderTier('2021-05-31', '2021-06-01')).toBe('yellow');
    expect(orderTier('2021-05-02', '2021-06-01')).toBe('yellow');
    expect(orderTier('2021-05-01', '2021-06-01')).toBe('red');
  });

  it('shifts dates across months and years', () => {
    expect(shiftDate('2021-12-28', 7)).toBe('2022-01-04');
    expect(shiftDate('2021-03-01', -1)).toBe('2021-02-28');
  });
});

describe('assessment score', () => {
  const none = {
    findings: 0,
    seriousFindings: 0,
    closedOnTime: 0,
    closedLate: 0,
    openOverdue: 0,
    rewardPoints: 0,
    penaltyPoints: 0,
  };
  it('starts at 100 and follows the documented weights', () => {
    expect(assessmentScore(none)).toEqual({ score: 100, grade: 'excellent' });
    expect(
      assessmentScore({
        ...none,
        findings: 3,
        seriousFindings: 1,
        closedOnTime: 2,
        closedLate: 1,
        openOverdue: 1,
      }).score,
    ).toBe(100 - 3 - 2 + 4 - 3 - 5);
    expect(assessmentScore({ ...none, rewardPoints: 5, penaltyPoints: 2.5 }).score).toBe(102.5);
  });

  it('is clamped to [0, 120] and graded', () => {
    expect(assessmentScore({ ...none, rewardPoints: 100 }).score).toBe(120);
    expect(assessmentScore({ ...none, openOverdue: 30 })).toEqual({ score: 0, grade: 'fail' });
    expect(assessmentScore({ ...none, openOverdue: 3 }).grade).toBe('good');
    expect(assessmentScore({ ...none, openOverdue: 6 }).grade).toBe('pass');
  });
});

describe('redacting personal data for the portal', () => {
  it('masks phones, ID numbers and the given names', () => {
    const out = redactPersonalData(
      '督学王建国（13800138000，0355-5551234）核查，身份证140421199001011234。',
      ['王建国'],
    );
    expect(out).not.toMatch(/王建国|13800138000|5551234|140421199001011234/);
    expect(out).toContain('核查');
  });
});

const records: InspectionReportRecords = {
  inspection: {
    title: '2021年职业教育专项督导',
    kind: 'special',
    documentNumber: '上党督〔2021〕3号',
    startsOn: '2021-05-10',
    endsOn: '2021-05-30',
    purpose: '检查职业教育改革行动计划落实情况。',
    conclusion: '总体推进有力，联系人李四 13912345678。',
    date: '2021-06-01',
    districtName: '长治市上党区',
  },
  inspectors: [
    { name: '王建国', isLead: true },
    { name: '赵敏', isLead: false },
  ],
  scope: [
    { type: 'unit', label: '区人社局' },
    { type: 'task', label: '（九）推进产教融合' },
  ],
  schedule: [{ date: '2021-05-12', activity: '赴区人社局查阅资料' }],
  findings: [
    {
      orgUnitId: 'u-hrss',
      unitName: '区人社局',
      subjectLabel: '（九）推进产教融合',
      title: '进展报告缺报',
      description: '缺报 2 期',
      severity: 'serious',
      order: { state: 'closed', dueDate: '2021-06-30', closedOn: '2021-06-20' },
    },
    {
      orgUnitId: 'u-finance',
      unitName: '区财政局',
      subjectLabel: '',
      title: '经费未拨付',
      description: '',
      severity: 'general',
      order: null,
    },
  ],
  interviews: [
    {
      orgUnitId: 'u-finance',
      unitName: '区财政局',
      heldOn: '2021-05-25',
      interviewers: '副区长 孙立',
      interviewees: '局长 钱多多',
      reason: '经费拨付滞后',
      commitments: [{ text: '钱多多承诺6月底前拨付', state: 'fulfilled', followUp: '已拨付' }],
    },
  ],
  sanctions: [
    {
      orgUnitId: 'u-hrss',
      unitName: '区人社局',
      kind: 'reward',
      title: '按期整改',
      points: 3,
      groundsText: '问题按期销号',
    },
  ],
};

describe('buildInspectionReport', () => {
  it('builds the six parts of the report with findings and rectification tables', () => {
    const doc = buildInspectionReport(records, 'zh');
    expect(doc.title).toBe('2021年职业教育专项督导报告');
    expect(doc.documentNumber).toBe('上党督〔2021〕3号');
    expect(doc.blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text)).toEqual([
      '一、督导基本情况',
      '二、发现的主要问题',
      '三、整改落实情况',
      '四、约谈情况',
      '五、奖惩情况',
      '六、督导结论与意见',
    ]);
    const json = JSON.stringify(doc);
    expect(json).toContain('共下达整改通知 1 份，已销号 1 份（按期 1 份');
    expect(json).toContain('王建国');
    expect(json).toContain('钱多多');
    expect(buildInspectionReport(records, 'zh')).toEqual(doc);
  });

  it('carries no personal data when public', () => {
    const json = JSON.stringify(buildInspectionReport(records, 'zh', { public: true }));
    for (const secret of ['王建国', '赵敏', '孙立', '钱多多', '13912345678'])
      expect(json).not.toContain(secret);
    expect(json).toContain('督导组共 2 人');
    expect(json).toContain('已兑现 1 项');
  });

  it('blanks interviewers and interviewees from every public text, and phones however they are written', () => {
    const withPhones: InspectionReportRecords = {
      ...records,
      findings: [{ ...records.findings[0]!, description: '王建国 138 0013 8000 未按期报送' }],
      interviews: [
        {
          ...records.interviews[0]!,
          interviewers: '督学 张伟',
          interviewees: '王建国（校长）、李红',
          reason: '约谈王建国（138 0013 8000）与李红，+86 139-1234-5678',
        },
      ],
    };
    const json = JSON.stringify(buildInspectionReport(withPhones, 'zh', { public: true }));
    for (const secret of ['王建国', '李红', '张伟', '138 0013 8000', '139-1234-5678'])
      expect(json).not.toContain(secret);
    expect(json).toContain('未按期报送');
  });

  it('speaks English', () => {
    const doc = buildInspectionReport(records, 'en', { public: true });
    expect(doc.lang).toBe('en');
    expect(doc.blocks[0]).toEqual({ kind: 'heading', level: 1, text: '1. The inspection' });
  });
});
