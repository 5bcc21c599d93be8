import type { FindingSeverity, InspectionKind, SanctionGround, SanctionKind } from '@zhijiao/contracts';

/** The units past findings are addressed to, with the demo account that answers for each. */
export const UNITS = {
  fin: { code: 'SD-FIN', clerk: 'finance', scope: 'unit' },
  hrss: { code: 'SD-HRSS', clerk: 'hrss', scope: 'unit' },
  vhs: { code: 'SD-VHS', clerk: 'vhs', scope: 'school' },
  vec: { code: 'SD-VEC', clerk: 'vec', scope: 'school' },
} as const;
export type Unit = keyof typeof UNITS;

/** A finding of a past inspection and its order as they went; days are `MM-DD` of the year. */
export interface PastOrder {
  unit: Unit;
  title: string;
  description: string;
  severity: FindingSeverity;
  requirements: string;
  due: string;
  /** The unit asked for a later deadline, which the inspector granted two days later. */
  extension?: { asked: string; to: string; reason: string };
  answered: string;
  measures: string;
  verified: string;
  closed: string;
  /** The unit was interviewed (约谈) while the order was overdue; its commitment was followed up. */
  interview?: { held: string; commitment: string; due: string; followedUp: string; followUp: string };
}

export interface PastInspection {
  kind: InspectionKind;
  /** The title after `<year>年`. */
  name: string;
  /** N of its 发文字号 上党督〔<year>〕N号. */
  number: number;
  purpose: string;
  starts: string;
  /** The day it ends: completed with its conclusion and its report published. */
  ends: string;
  schedule: ReadonlyArray<readonly [day: string, activity: string]>;
  scope: readonly Unit[];
  /** The day the findings were recorded and their orders issued (the feedback meeting). */
  found: string;
  orders: readonly PastOrder[];
  conclusion: string;
}

export interface PastSanction {
  unit: Unit;
  kind: SanctionKind;
  points: number;
  title: string;
  ground: SanctionGround;
  /** What it rests on, after `<year>年`. */
  grounds: string;
  decided: string;
}

export interface PastYear {
  /** The year's 定期督导 first: a sanction follows from it. */
  inspections: readonly PastInspection[];
  sanctions: readonly PastSanction[];
}

export const REVIEWED = '经复核，整改措施落实到位，佐证材料齐全。';

/**
 * Supervision in the plan's years as the district lived them, first year first: a 定期督导 every year, a 专项督导
 * from the second year; every order closed (销号), all on time but one of the second year (the
 * unit was interviewed, then penalised), one on time after an approved extension.
 */
export const PAST_YEARS: readonly PastYear[] = [
  {
    inspections: [
      {
        kind: 'regular',
        name: '职业教育改革发展定期督导',
        number: 3,
        purpose:
          '对照《上党区推进职业教育改革发展行动计划》，督导各责任单位年度任务分解、经费保障和校企合作推进情况。',
        starts: '05-11',
        ends: '10-16',
        schedule: [
          ['05-12', '听取区财政局、区人社局工作汇报，查阅经费拨付和校企合作台账'],
          ['05-19', '实地察看区职业高中、区职教中心实训场所'],
          ['05-22', '召开督导反馈会，通报发现问题'],
        ],
        scope: ['fin', 'hrss', 'vhs', 'vec'],
        found: '05-22',
        orders: [
          {
            unit: 'fin',
            title: '地方教育附加用于职业教育的比例未达到30%',
            description: '上年度地方教育附加用于职业教育的比例为21%，未达到行动计划（二十）不低于30%的要求。',
            severity: 'general',
            requirements:
              '调整地方教育附加支出结构，确保用于职业教育的比例不低于30%，报送调整文件及拨付凭证。',
            due: '07-31',
            answered: '07-17',
            measures: '已调整本年度地方教育附加支出计划，用于职业教育的比例提高至31.5%，相关资金已拨付到位。',
            verified: '07-22',
            closed: '07-24',
          },
          {
            unit: 'hrss',
            title: '校企合作协议签订后缺少跟踪管理',
            description: '部分校企合作协议签订后未建立履约台账，企业接收学生实习情况底数不清。',
            severity: 'general',
            requirements: '建立校企合作履约台账，逐项核实企业接收实习学生情况，按期报送整改情况。',
            due: '08-31',
            answered: '08-18',
            measures: '已建立校企合作履约台账，对32家合作企业逐一核实，实行按季度更新。',
            verified: '08-25',
            closed: '08-27',
          },
          {
            unit: 'vhs',
            title: '部分专业实训工位不足',
            description:
              '机电技术应用、汽车运用与维修专业实训工位数不足在校生数的一半，部分实训项目未能开出。',
            severity: 'general',
            requirements: '制定实训条件改善计划，优先保障核心课程实训开出，按期报送整改情况。',
            due: '09-30',
            answered: '09-14',
            measures: '已制定实训条件改善计划，新增机电实训工位40个，核心课程实训开出率达到100%。',
            verified: '09-21',
            closed: '09-24',
          },
        ],
        conclusion:
          '各责任单位能够按照行动计划要求推进工作；经费保障、校企合作和实训条件方面发现的问题已下达整改通知，均已按期整改销号。',
      },
    ],
    sanctions: [
      {
        unit: 'fin',
        kind: 'reward',
        points: 2,
        title: '整改按期销号，予以通报表扬',
        ground: 'findings_closed_on_time',
        grounds: '定期督导发现问题按期整改销号。',
        decided: '12-15',
      },
    ],
  },
  {
    inspections: [
      {
        kind: 'regular',
        name: '职业教育改革发展定期督导',
        number: 3,
        purpose:
          '督导行动计划第二年度任务推进情况，重点检查技能人才评价、奖助学金发放和“双师型”教师队伍建设。',
        starts: '04-12',
        ends: '09-10',
        schedule: [
          ['04-13', '听取区人社局、区财政局工作汇报，查阅相关台账'],
          ['04-20', '实地察看区职教中心“双师型”教师培养培训情况'],
          ['04-23', '召开督导反馈会，通报发现问题'],
        ],
        scope: ['fin', 'hrss', 'vec'],
        found: '04-23',
        orders: [
          {
            unit: 'hrss',
            title: '职业技能等级认定实施办法未按期出台',
            description: '行动计划要求年内出台职业技能等级认定实施办法，督导时尚未形成送审稿。',
            severity: 'serious',
            requirements: '加快起草职业技能等级认定实施办法，按期印发并报送文件。',
            due: '06-30',
            interview: {
              held: '07-08',
              commitment: '7月底前印发职业技能等级认定实施办法',
              due: '07-31',
              followedUp: '08-02',
              followUp: '实施办法已于7月印发，承诺事项已落实。',
            },
            answered: '07-26',
            measures: '《上党区职业技能等级认定实施办法》已经区政府常务会议审议通过并印发。',
            verified: '07-28',
            closed: '07-30',
          },
          {
            unit: 'fin',
            title: '职业教育国家奖助学金发放台账不规范',
            description: '部分学期奖助学金发放记录缺少学生签领，资金拨付与受助名单核对不及时。',
            severity: 'general',
            requirements: '规范奖助学金发放台账，逐笔核对发放名单，按期报送整改情况。',
            due: '06-30',
            answered: '06-15',
            measures: '已逐笔核对上一学年奖助学金发放名单，补齐签领记录，建立按学期对账制度。',
            verified: '06-21',
            closed: '06-24',
          },
          {
            unit: 'vec',
            title: '“双师型”教师认定工作进展滞后',
            description: '“双师型”教师认定办法已印发，首批认定尚未启动，专业课教师中“双师型”教师比例偏低。',
            severity: 'general',
            requirements: '按期启动首批“双师型”教师认定，报送认定结果。',
            due: '07-31',
            answered: '07-12',
            measures: '已完成首批“双师型”教师认定，认定23人，专业课教师中“双师型”教师比例提高至46%。',
            verified: '07-19',
            closed: '07-21',
          },
        ],
        conclusion:
          '行动计划第二年度任务总体有序推进。区人社局职业技能等级认定实施办法整改逾期，已约谈并督促完成整改；其余问题均已按期整改销号。',
      },
      {
        kind: 'special',
        name: '职业学校办学条件专项督导',
        number: 8,
        purpose:
          '对照《中等职业学校办学标准》，专项检查区职业高中、区职教中心校舍、实训基地和安全管理等办学条件。',
        starts: '10-11',
        ends: '12-10',
        schedule: [
          ['10-12', '查阅两校办学条件统计台账'],
          ['10-19', '实地察看校舍、实训基地和学生宿舍'],
          ['10-20', '召开督导反馈会，通报发现问题'],
        ],
        scope: ['vhs', 'vec'],
        found: '10-20',
        orders: [
          {
            unit: 'vhs',
            title: '学生宿舍生均面积未达到办学标准',
            description: '区职业高中学生宿舍生均面积低于标准要求，部分宿舍超员住宿。',
            severity: 'general',
            requirements: '制定宿舍调配和扩容方案，消除超员住宿，按期报送整改情况。',
            due: '12-10',
            answered: '11-25',
            measures: '已将闲置办公用房改建为学生宿舍，新增床位120张，超员住宿问题已消除。',
            verified: '12-01',
            closed: '12-03',
          },
          {
            unit: 'vec',
            title: '实训基地安全管理制度不健全',
            description: '区职教中心部分实训室未张贴安全操作规程，设备维护保养记录不全。',
            severity: 'general',
            requirements: '健全实训基地安全管理制度，完善设备维护保养记录，按期报送整改情况。',
            due: '11-30',
            answered: '11-19',
            measures: '已修订实训基地安全管理制度12项，各实训室均已张贴安全操作规程，建立设备维护保养台账。',
            verified: '11-24',
            closed: '11-26',
          },
        ],
        conclusion: '两校办学条件总体达到标准；学生宿舍和实训安全管理方面的问题已按期整改销号。',
      },
    ],
    sanctions: [
      {
        unit: 'hrss',
        kind: 'penalty',
        points: 2,
        title: '整改逾期，予以通报批评',
        ground: 'order_overdue',
        grounds: '定期督导整改通知逾期未完成整改，经约谈后方整改到位。',
        decided: '09-15',
      },
      {
        unit: 'vec',
        kind: 'reward',
        points: 2,
        title: '整改按期销号，予以通报表扬',
        ground: 'findings_closed_on_time',
        grounds: '定期督导和专项督导发现问题均按期整改销号。',
        decided: '12-20',
      },
    ],
  },
  {
    inspections: [
      {
        kind: 'regular',
        name: '职业教育改革发展定期督导',
        number: 3,
        purpose: '督导行动计划收官年度任务完成情况，重点检查经费投入机制、企业新型学徒制和专业设置调整。',
        starts: '04-11',
        ends: '09-16',
        schedule: [
          ['04-12', '听取各责任单位行动计划实施情况汇报'],
          ['04-19', '实地察看区职业高中专业建设情况'],
          ['04-22', '召开督导反馈会，通报发现问题'],
        ],
        scope: ['fin', 'hrss', 'vhs'],
        found: '04-22',
        orders: [
          {
            unit: 'fin',
            title: '生均拨款稳定增长机制尚未建立',
            description:
              '生均拨款标准已落实，但行动计划要求的“根据发展需要和财力情况逐步提高拨款水平”机制尚未建立。',
            severity: 'general',
            requirements: '研究建立生均拨款动态调整机制，按期报送相关文件。',
            due: '06-30',
            extension: {
              asked: '06-20',
              to: '07-31',
              reason: '动态调整办法须提请区政府常务会议审议，会议安排在7月中旬。',
            },
            answered: '07-20',
            measures: '《上党区中等职业教育生均拨款动态调整办法》已经区政府常务会议审议通过并印发。',
            verified: '07-26',
            closed: '07-28',
          },
          {
            unit: 'hrss',
            title: '企业新型学徒制培训覆盖面不足',
            description: '开展企业新型学徒制培训的企业仅5家，覆盖面偏窄。',
            severity: 'general',
            requirements: '扩大企业新型学徒制培训覆盖面，按期报送落实情况。',
            due: '07-31',
            answered: '07-11',
            measures: '新增开展企业新型学徒制培训的企业9家，累计培训学徒326人。',
            verified: '07-18',
            closed: '07-20',
          },
          {
            unit: 'vhs',
            title: '专业设置与区域产业匹配度不高',
            description: '部分专业招生规模萎缩，新能源、现代物流等区域急需专业尚未开设。',
            severity: 'general',
            requirements: '开展专业设置论证，优化专业结构，按期报送调整方案。',
            due: '08-31',
            answered: '08-12',
            measures:
              '已完成专业设置论证，停招1个专业，新设新能源汽车运用与维修专业，调整方案已报市教育局备案。',
            verified: '08-19',
            closed: '08-23',
          },
        ],
        conclusion: '行动计划收官年度各项任务总体完成；发现问题均已在期限内（含经批准延期）整改销号。',
      },
      {
        kind: 'special',
        name: '职业教育经费投入专项督导',
        number: 7,
        purpose: '专项检查生均拨款、地方教育附加用于职业教育和国家奖助学金政策落实情况。',
        starts: '10-10',
        ends: '12-16',
        schedule: [
          ['10-11', '查阅财政拨款文件和资金拨付凭证'],
          ['10-18', '召开督导反馈会，通报发现问题'],
        ],
        scope: ['fin', 'vhs', 'vec'],
        found: '10-18',
        orders: [
          {
            unit: 'fin',
            title: '地方教育附加资金拨付不及时',
            description: '第三季度地方教育附加用于职业教育的资金拨付滞后两个月。',
            severity: 'general',
            requirements: '按季度及时拨付地方教育附加资金，按期报送拨付凭证。',
            due: '12-15',
            answered: '11-28',
            measures: '第三、四季度资金已全部拨付到位，建立按季度拨付提醒机制。',
            verified: '12-05',
            closed: '12-07',
          },
          {
            unit: 'vec',
            title: '实训耗材经费使用管理不规范',
            description: '区职教中心实训耗材采购缺少领用登记，经费使用绩效评价未开展。',
            severity: 'general',
            requirements: '建立实训耗材领用登记制度，开展经费使用绩效自评，按期报送整改情况。',
            due: '12-15',
            answered: '11-30',
            measures: '已建立实训耗材领用登记制度，完成本年度经费使用绩效自评。',
            verified: '12-06',
            closed: '12-08',
          },
        ],
        conclusion: '经费投入政策总体落实到位；资金拨付和经费管理方面的问题已按期整改销号。',
      },
    ],
    sanctions: [
      {
        unit: 'hrss',
        kind: 'reward',
        points: 2,
        title: '整改成效明显，予以通报表扬',
        ground: 'findings_closed_on_time',
        grounds: '定期督导发现问题按期整改销号，企业新型学徒制培训覆盖面明显扩大。',
        decided: '12-20',
      },
    ],
  },
];
