import type { ResourceLicence, ResourceType } from '@zhijiao/contracts';

/** The two vocational schools of 上党区 that run majors. */
export type DemoSchool = 'SD-VHS' | 'SD-VEC';

type Book = 'traditional' | 'loose_leaf' | 'workbook';

/** Majors of the demo: key, school, catalogue code, year opened, three years' intake, direction. */
export const DEMO_MAJORS: Array<{
  key: string;
  school: DemoSchool;
  code: string;
  since: number;
  intake: [number, number, number];
  direction: string;
}> = (
  [
    ['weld', 'SD-VHS', '660107', 2008, [88, 95, 102], ''],
    ['mech', 'SD-VHS', '660301', 2006, [110, 118, 121], '机电一体化'],
    ['ecom', 'SD-VHS', '730701', 2015, [76, 90, 98], ''],
    ['auto', 'SD-VHS', '700206', 2010, [64, 70, 66], ''],
    ['comp', 'SD-VHS', '710201', 2004, [58, 52, 55], ''],
    ['hair', 'SD-VEC', '790302', 2012, [40, 46, 52], ''],
    ['rehab', 'SD-VEC', '720601', 2018, [45, 50, 60], ''],
    ['agri', 'SD-VEC', '610103', 2009, [30, 28, 35], ''],
    ['care', 'SD-VEC', '770101', 2020, [60, 66, 72], ''],
  ] as const
).map(([key, school, code, since, intake, direction]) => ({
  key,
  school,
  code,
  since,
  intake: [...intake],
  direction,
}));

/** A textbook a course uses: title, national planned textbook?, type, and the year it was chosen (for that autumn). */
type Textbook = [title: string, planned: boolean, type: Book, year: number];

/**
 * Courses: major key, name, hours, and the textbooks chosen for them over the plan's years (a
 * course keeps its earlier ones): by 2022, 12 of the 14 courses use a national planned textbook and
 * 5 a loose-leaf or workbook one.
 */
export const DEMO_COURSES: Array<[major: string, name: string, hours: number, books: Textbook[]]> = [
  ['weld', '焊接工艺', 144, [['焊接工艺与技能训练', true, 'traditional', 2020]]],
  [
    'weld',
    '焊接质量检验',
    72,
    [
      ['焊接质量检验讲义', false, 'traditional', 2020],
      ['焊缝质量检验工作手册', false, 'workbook', 2021],
      ['焊接检验', true, 'traditional', 2022],
    ],
  ],
  [
    'mech',
    '可编程控制器PLC应用',
    108,
    [
      ['可编程控制器应用技术', true, 'traditional', 2020],
      ['PLC应用技术（活页式）', true, 'loose_leaf', 2022],
    ],
  ],
  ['mech', '电气控制线路安装', 96, [['电气控制线路安装与维修', true, 'traditional', 2020]]],
  ['ecom', '网店运营', 108, [['网店运营实务', true, 'traditional', 2020]]],
  [
    'ecom',
    '直播电商',
    72,
    [
      ['直播电商基础讲义', false, 'traditional', 2020],
      ['直播电商实战工作手册', false, 'workbook', 2021],
    ],
  ],
  ['auto', '汽车发动机构造与维修', 144, [['汽车发动机构造与维修', true, 'traditional', 2020]]],
  ['comp', '办公软件应用', 72, [['办公软件应用', true, 'traditional', 2020]]],
  ['hair', '美发修剪', 108, [['美发修剪技术（活页式）', false, 'loose_leaf', 2020]]],
  ['hair', '化妆造型', 72, [['化妆造型', true, 'traditional', 2020]]],
  ['rehab', '康复评定', 96, [['康复评定技术', true, 'traditional', 2020]]],
  [
    'rehab',
    '运动治疗技术',
    108,
    [
      ['运动治疗技术讲义', false, 'traditional', 2020],
      ['运动治疗技术', true, 'traditional', 2021],
      ['运动治疗技术工作手册', false, 'workbook', 2022],
    ],
  ],
  ['agri', '果树栽培', 72, [['果树栽培技术', true, 'traditional', 2020]]],
  ['care', '幼儿游戏', 72, [['幼儿游戏与指导', true, 'traditional', 2020]]],
];

/** Resource topics per major: title stems used round-robin with the types below. */
export const DEMO_TOPICS: Record<string, string[]> = {
  weld: [
    '二氧化碳气体保护焊平焊',
    '手工电弧焊立焊',
    '钨极氩弧焊',
    '焊缝外观检验',
    '焊接安全操作规程',
    '焊接变形与控制',
  ],
  mech: ['PLC编程基础', '三相异步电动机控制', '传感器接线与调试', '液压与气动回路', '机电设备安装与调试'],
  ecom: ['网店首页装修', '直播脚本策划', '商品主图拍摄', '客服沟通话术'],
  auto: ['发动机拆装', '汽车保养流程'],
  comp: ['Excel数据处理'],
  hair: ['男士短发修剪', '新娘化妆造型', '烫发与染发'],
  rehab: ['关节活动度评定', '偏瘫患者运动治疗', '老年康复护理'],
  agri: ['苹果树整形修剪'],
  care: ['幼儿户外游戏设计'],
};

/**
 * How many resources each major gets, how many of them end up shared district-wide, and the month
 * of the plan's 36 its first was made (then one every two months): 焊接 reaches 10 shared in 2021,
 * 机电 in 2022, no other major by the plan's end.
 */
export const DEMO_RESOURCE_PLAN: Record<string, { count: number; shared: number; since: number }> = {
  weld: { count: 12, shared: 11, since: 2 },
  mech: { count: 11, shared: 10, since: 8 },
  ecom: { count: 7, shared: 5, since: 10 },
  auto: { count: 2, shared: 1, since: 14 },
  comp: { count: 1, shared: 0, since: 16 },
  hair: { count: 6, shared: 4, since: 12 },
  rehab: { count: 7, shared: 5, since: 16 },
  agri: { count: 2, shared: 1, since: 20 },
  care: { count: 2, shared: 1, since: 22 },
};

export const DEMO_RESOURCE_TYPES: ResourceType[] = [
  'micro_lecture',
  'courseware',
  'lesson_plan',
  'training_guide',
  'exercise',
  'video',
  'case',
];
export const DEMO_LICENCES: ResourceLicence[] = ['cc_by_nc_4', 'cc_by_nc_sa_4', 'cc_by_4', 'cc_by_nc_nd_4'];

/**
 * Courses co-developed with an enterprise (共同开发课程), by course name: the enterprise's code and
 * the year co-development began. The certification of 产教融合型企业 counts them.
 */
export const DEMO_COURSE_PARTNERS: Record<string, [enterprise: string, sinceYear: number]> = {
  焊接工艺: ['SD-YITONG', 2019],
  可编程控制器PLC应用: ['SD-YITONG', 2020],
  康复评定: ['SD-ZHENDONG', 2018],
};
