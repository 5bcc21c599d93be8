/** The member units that carry out past decisions, with the demo account that reports for each. */
export const CLERKS = { 'SD-FIN': 'finance', 'SD-HRSS': 'hrss', 'SD-VHS': 'vhs' } as const;
export type Responsible = keyof typeof CLERKS;

/** A decision of a past meeting and how it was carried out; days are `MM-DD` of the meeting's year. */
export interface PastDecision {
  unit: Responsible;
  text: string;
  deadline: string;
  /** The unit reports it done; the coordinator accepts it (销号) on `accepted`. */
  reported: string;
  narrative: string;
  accepted: string;
  /** The first report was returned with a comment, and reported again on `again` with `narrative`. */
  returned?: { on: string; comment: string; again: string; narrative: string };
}

export interface PastMeeting {
  /** 一 or 二: the meeting's place in its year (`<year>年第一次…`). */
  ordinal: string;
  date: string;
  agenda: readonly string[];
  /** What the minutes say the meeting discussed. */
  topics: string;
  absent?: { unit: string; reason: string };
  remarks: { unit: Responsible; text: string };
  decisions: readonly PastDecision[];
}

/**
 * The joint meetings of the plan's years as the district lived them, first year first: a meeting in spring and one in
 * autumn, every decision carried out (销号) by the year's end. In the first year two were done
 * late (the mechanism was new); later years, all on time.
 */
export const PAST_YEARS: ReadonlyArray<readonly PastMeeting[]> = [
  [
    {
      ordinal: '一',
      date: '04-16',
      agenda: [
        '研究部署《上党区推进职业教育改革发展行动计划》任务分解',
        '审议联席会议工作规则和成员单位联络员名单',
        '研究职业教育经费保障措施',
      ],
      topics: '行动计划任务分解、联席会议工作规则和职业教育经费保障',
      remarks: { unit: 'SD-FIN', text: '中职生均拨款已纳入本年度预算，拨款标准正在测算。' },
      decisions: [
        {
          unit: 'SD-FIN',
          text: '区财政局研究制定中职生均拨款标准，确保每生每年不低于8000元。',
          deadline: '06-30',
          reported: '06-19',
          narrative: '已印发中职生均拨款标准文件，按每生每年8000元拨付。',
          accepted: '06-22',
        },
        {
          unit: 'SD-HRSS',
          text: '区人社局牵头梳理校企合作企业名录，建立企业实习岗位台账。',
          deadline: '07-31',
          reported: '08-17',
          narrative: '已梳理校企合作企业32家，企业实习岗位台账已建立。',
          accepted: '08-20',
        },
        {
          unit: 'SD-VHS',
          text: '区职业高中编制实训基地建设方案，报区教育局审核。',
          deadline: '09-30',
          reported: '09-10',
          narrative: '实训基地建设方案已编制完成，经区教育局审核同意。',
          accepted: '09-15',
        },
        {
          unit: 'SD-FIN',
          text: '区财政局会同区教育局落实地方教育附加用于职业教育的比例不低于30%的政策。',
          deadline: '10-31',
          reported: '10-16',
          narrative: '已调整地方教育附加支出结构，用于职业教育的比例达到31.5%。',
          accepted: '10-20',
        },
        {
          unit: 'SD-HRSS',
          text: '区人社局会同区教育局制定职业技能等级认定试点工作方案。',
          deadline: '09-30',
          reported: '09-18',
          narrative: '职业技能等级认定试点工作方案已印发。',
          accepted: '09-24',
        },
      ],
    },
    {
      ordinal: '二',
      date: '10-22',
      agenda: [
        '通报第一次联席会议议定事项落实情况',
        '研究“1+X”证书制度试点工作',
        '研究下年度职业教育经费预算安排',
      ],
      topics: '“1+X”证书制度试点和下年度职业教育经费预算',
      absent: { unit: 'SD-DRC', reason: '另有公务，书面请假' },
      remarks: { unit: 'SD-HRSS', text: '校企合作企业名录已梳理完毕，企业实习岗位台账已建立。' },
      decisions: [
        {
          unit: 'SD-VHS',
          text: '区职业高中确定“1+X”证书制度试点专业，报区教育局备案。',
          deadline: '12-15',
          reported: '12-04',
          narrative: '已确定机电技术应用、电子商务2个试点专业，报区教育局备案。',
          accepted: '12-08',
        },
        {
          unit: 'SD-FIN',
          text: '区财政局将职业教育经费需求纳入下年度预算编制。',
          deadline: '12-31',
          reported: '12-11',
          narrative: '职业教育经费需求已全部纳入下年度预算草案。',
          accepted: '12-16',
        },
        {
          unit: 'SD-HRSS',
          text: '区人社局开展职业技能等级认定试点机构遴选。',
          deadline: '11-30',
          reported: '12-14',
          narrative: '已遴选职业技能等级认定试点机构3家并向社会公布。',
          accepted: '12-18',
        },
        {
          unit: 'SD-VHS',
          text: '区职业高中完成下年度招生计划和专业调整方案编制。',
          deadline: '12-31',
          reported: '12-18',
          narrative: '下年度招生计划和专业调整方案已编制完成，报区教育局审定。',
          accepted: '12-22',
        },
      ],
    },
  ],
  [
    {
      ordinal: '一',
      date: '04-15',
      agenda: ['通报上年度行动计划任务完成情况', '研究“双师型”教师队伍建设', '部署职业院校技能大赛工作'],
      topics: '“双师型”教师队伍建设和职业院校技能大赛',
      remarks: { unit: 'SD-HRSS', text: '职业技能等级认定试点机构已遴选3家，实施办法正在起草。' },
      decisions: [
        {
          unit: 'SD-HRSS',
          text: '区人社局会同区教育局组织开展职业院校技能大赛区级选拔赛。',
          deadline: '06-30',
          reported: '06-10',
          narrative: '区级选拔赛已举办，设8个赛项，选拔46名选手参加市级比赛。',
          accepted: '06-15',
        },
        {
          unit: 'SD-VHS',
          text: '区职业高中制定“双师型”教师培养培训计划。',
          deadline: '06-30',
          reported: '06-18',
          narrative: '“双师型”教师培养培训计划已制定，首批32名教师安排企业实践。',
          accepted: '06-23',
        },
        {
          unit: 'SD-FIN',
          text: '区财政局落实本年度中职生均拨款，按季度拨付到位。',
          deadline: '09-30',
          reported: '09-13',
          narrative: '前三季度生均拨款已按每生每年8200元标准拨付到位。',
          accepted: '09-17',
        },
      ],
    },
    {
      ordinal: '二',
      date: '10-14',
      agenda: ['通报第一次联席会议议定事项落实情况', '研究定期督导发现问题整改', '研究产教融合实训基地建设'],
      topics: '督导发现问题整改和产教融合实训基地建设',
      absent: { unit: 'SD-IIT', reason: '参加市级会议，书面请假' },
      remarks: { unit: 'SD-VHS', text: '“双师型”教师培养培训计划已实施，首批32名教师完成企业实践。' },
      decisions: [
        {
          unit: 'SD-HRSS',
          text: '区人社局督促职业技能等级认定实施办法落地，年内完成首批认定。',
          deadline: '12-20',
          reported: '12-06',
          narrative: '首批职业技能等级认定已完成，1260人取得等级证书。',
          accepted: '12-10',
        },
        {
          unit: 'SD-VHS',
          text: '区职业高中完成产教融合实训基地建设方案论证。',
          deadline: '12-15',
          reported: '11-29',
          narrative: '产教融合实训基地建设方案已完成论证。',
          returned: {
            on: '12-02',
            comment: '方案未附专家论证意见，请补充后重新报送。',
            again: '12-07',
            narrative: '已补充5名行业企业专家的论证意见，方案经论证可行。',
          },
          accepted: '12-09',
        },
        {
          unit: 'SD-FIN',
          text: '区财政局将实训基地建设资金纳入下年度预算。',
          deadline: '12-31',
          reported: '12-13',
          narrative: '实训基地建设资金已纳入下年度预算草案。',
          accepted: '12-17',
        },
      ],
    },
  ],
  [
    {
      ordinal: '一',
      date: '04-14',
      agenda: [
        '通报上年度行动计划任务完成情况',
        '研究行动计划收官年度重点任务',
        '研究职业教育质量年度报告编制',
      ],
      topics: '行动计划收官年度重点任务和职业教育质量年度报告编制',
      remarks: { unit: 'SD-FIN', text: '本年度中职生均拨款已足额列入预算，第一季度已拨付。' },
      decisions: [
        {
          unit: 'SD-VHS',
          text: '区职业高中编制发布职业教育质量年度报告。',
          deadline: '06-30',
          reported: '06-13',
          narrative: '职业教育质量年度报告已编制完成并向社会发布。',
          accepted: '06-17',
        },
        {
          unit: 'SD-HRSS',
          text: '区人社局扩大企业新型学徒制培训覆盖面，新增培训企业不少于5家。',
          deadline: '08-31',
          reported: '08-15',
          narrative: '新增开展企业新型学徒制培训的企业9家，累计培训学徒326人。',
          accepted: '08-19',
        },
        {
          unit: 'SD-FIN',
          text: '区财政局研究建立中职生均拨款动态调整机制。',
          deadline: '07-31',
          reported: '07-21',
          narrative: '《上党区中等职业教育生均拨款动态调整办法》已印发。',
          accepted: '07-26',
        },
      ],
    },
    {
      ordinal: '二',
      date: '10-13',
      agenda: [
        '通报第一次联席会议议定事项落实情况',
        '研究行动计划实施情况总结评估',
        '研究下一阶段职业教育改革重点',
      ],
      topics: '行动计划实施情况总结评估和下一阶段职业教育改革重点',
      absent: { unit: 'SD-DRC', reason: '另有公务，书面请假' },
      remarks: { unit: 'SD-HRSS', text: '企业新型学徒制培训新增企业9家，累计培训学徒326人。' },
      decisions: [
        {
          unit: 'SD-HRSS',
          text: '区人社局牵头总结技能人才评价改革成效，形成专题报告。',
          deadline: '12-15',
          reported: '11-30',
          narrative: '技能人才评价改革专题报告已形成，报区政府。',
          accepted: '12-05',
        },
        {
          unit: 'SD-VHS',
          text: '区职业高中完成行动计划实施情况自评报告。',
          deadline: '11-30',
          reported: '11-18',
          narrative: '行动计划实施情况自评报告已完成，报区教育局。',
          accepted: '11-23',
        },
        {
          unit: 'SD-FIN',
          text: '区财政局完成行动计划经费投入情况专项总结。',
          deadline: '12-20',
          reported: '12-06',
          narrative: '行动计划经费投入情况专项总结已完成。',
          accepted: '12-09',
        },
      ],
    },
  ],
];
