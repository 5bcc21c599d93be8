import { creditCodeCheckChar, orgCodeCheckChar } from '../../platform/validation/credit-code.ts';
import { MORE_DEMO_ENTERPRISES } from './enterprises.demo-more.ts';

/**
 * A valid 统一社会信用代码 for a demo enterprise registered by market regulation (`91`) in 上党区
 * (`140404`): the organisation code's body with its GB 11714 check character, then the GB 32100 one.
 *
 * @example demoUscc('MA0D2101') // '91140404MA0D2101' + two check characters
 */
export function demoUscc(body8: string): string {
  const first17 = `91140404${body8}${orgCodeCheckChar(body8)}`;
  return first17 + creditCodeCheckChar(first17);
}

/** One demo enterprise: its figures per year are (staff, revenue 万元, the statistics list's answer). */
export interface DemoEnterprise {
  /** An existing org unit to link (the plan's real enterprises); else a new unit is created. */
  unitCode?: string;
  legalName: string;
  shortName?: string;
  body8: string;
  division: string;
  address: string;
  /** Staff at the end of 2020; later years grow by `growth` a year. */
  staff: number;
  growth: number;
  /** Revenue in 2020 (万元); null: never reported. */
  revenueWan: number | null;
  /** On the statistics bureau's 规上 list (true / false) or not looked up (null: thresholds decide). */
  listed: boolean | null;
  contacts: Array<{ name: string; title: string; phone: string }>;
}

/**
 * The district's enterprises in the demo. 易通集团 and 振东集团 are the plan's real enterprises (task
 * （十四）); their codes, addresses and figures are invented here (the real ones are not in hand), as
 * is 易通集团's industry. The others are synthetic enterprises of 上党区 with valid codes and plausible
 * sizes: large ones on the statistics list, small ones judged by revenue, one with no revenue on
 * file (its 2 % duty not judged); the first eleven here, more in `MORE_DEMO_ENTERPRISES`, about
 * thirty in all.
 */
export const DEMO_ENTERPRISES: readonly DemoEnterprise[] = [
  {
    unitCode: 'SD-YITONG',
    legalName: '易通集团',
    body8: 'MA0D2101',
    division: '34',
    address: '长治市上党区经济技术开发区',
    staff: 1280,
    growth: 40,
    revenueWan: 86000,
    listed: true,
    contacts: [
      { name: '王建军', title: '人力资源部经理', phone: '13835501201' },
      { name: '李晓燕', title: '校企合作专员', phone: '13935502202' },
    ],
  },
  {
    unitCode: 'SD-ZHENDONG',
    legalName: '山西振东健康产业集团有限公司',
    body8: 'MA0D2102',
    division: '27',
    address: '长治市上党区光明南路',
    staff: 3460,
    growth: 60,
    revenueWan: 420000,
    listed: true,
    contacts: [{ name: '赵志刚', title: '培训中心主任', phone: '13703551303' }],
  },
  {
    legalName: '长治市上党区晋能煤机装备有限公司',
    shortName: '晋能煤机',
    body8: 'MA0D2103',
    division: '35',
    address: '上党区韩店镇工业园区',
    staff: 620,
    growth: 15,
    revenueWan: 32000,
    listed: true,
    contacts: [{ name: '孙丽', title: '综合办主任', phone: '15935503404' }],
  },
  {
    legalName: '山西上党焊接科技有限公司',
    shortName: '上党焊接科技',
    body8: 'MA0D2104',
    division: '33',
    address: '上党区韩店镇',
    staff: 245,
    growth: 8,
    revenueWan: 5600,
    listed: null,
    contacts: [{ name: '周强', title: '生产部长', phone: '13453505505' }],
  },
  {
    legalName: '长治市上党区荫城铁器文化产业有限公司',
    shortName: '荫城铁器',
    body8: 'MA0D2105',
    division: '33',
    address: '上党区荫城镇',
    staff: 86,
    growth: 2,
    revenueWan: 1450,
    listed: null,
    contacts: [{ name: '郝文明', title: '总经理', phone: '13835506606' }],
  },
  {
    legalName: '长治市上党区康泰医药有限公司',
    shortName: '康泰医药',
    body8: 'MA0D2106',
    division: '51',
    address: '上党区府前西街',
    staff: 132,
    growth: 5,
    revenueWan: 26000,
    listed: true,
    contacts: [{ name: '韩冬梅', title: '办公室主任', phone: '18635507707' }],
  },
  {
    legalName: '长治市上党区云商电子商务有限公司',
    shortName: '云商电商',
    body8: 'MA0D2107',
    division: '64',
    address: '上党区电商产业园',
    staff: 58,
    growth: 12,
    revenueWan: 2600,
    listed: null,
    contacts: [{ name: '冯媛', title: '运营总监', phone: '15235508808' }],
  },
  {
    legalName: '长治市上党区美丽家园美容美发连锁有限公司',
    shortName: '美丽家园',
    body8: 'MA0D2108',
    division: '80',
    address: '上党区太行东街',
    staff: 74,
    growth: 3,
    revenueWan: 620,
    listed: null,
    contacts: [{ name: '陈静', title: '店长', phone: '13994509909' }],
  },
  {
    legalName: '长治市上党区恒泰建筑工程有限公司',
    shortName: '恒泰建筑',
    body8: 'MA0D2109',
    division: '47',
    address: '上党区西火镇',
    staff: 410,
    growth: -10,
    revenueWan: 18000,
    listed: true,
    contacts: [{ name: '杨国栋', title: '项目经理', phone: '13835510010' }],
  },
  {
    legalName: '长治市上党区康复之家养老服务有限公司',
    shortName: '康复之家',
    body8: 'MA0D2110',
    division: '85',
    address: '上党区南宋乡',
    staff: 46,
    growth: 4,
    revenueWan: null,
    listed: null,
    contacts: [{ name: '刘芳', title: '院长', phone: '15534511111' }],
  },
  {
    legalName: '山西上党机电设备制造有限公司',
    shortName: '上党机电',
    body8: 'MA0D2111',
    division: '38',
    address: '上党区经济技术开发区',
    staff: 318,
    growth: 10,
    revenueWan: 9800,
    listed: false,
    contacts: [{ name: '马超', title: '人事主管', phone: '18835512212' }],
  },
  {
    legalName: '长治市上党区顺达物流有限公司',
    shortName: '顺达物流',
    body8: 'MA0D2112',
    division: '54',
    address: '上党区长治南站物流园',
    staff: 165,
    growth: 6,
    revenueWan: 3100,
    listed: null,
    contacts: [{ name: '段伟', title: '调度主管', phone: '13603551313' }],
  },
  {
    legalName: '长治市上党区绿源农业科技有限公司',
    shortName: '绿源农业',
    body8: 'MA0D2113',
    division: '01',
    address: '上党区八义镇',
    staff: 38,
    growth: 1,
    revenueWan: 900,
    listed: null,
    contacts: [{ name: '牛建平', title: '技术员', phone: '15035513414' }],
  },
  ...MORE_DEMO_ENTERPRISES,
];
