import type { ProjectKind, ProjectLevel, ResourceLicence, ResourceType } from '@zhijiao/contracts';

/** The two vocational schools of 上党区 that run majors. */
export type DemoSchool = 'SD-VHS' | 'SD-VEC';

type Book = 'traditional' | 'loose_leaf' | 'workbook';
type Reach = 'applied' | 'reviewing' | 'approved' | 'midterm_passed' | 'accepted' | 'rejected';

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

/** Courses: major key, name, hours, textbook, national planned textbook?, textbook type. */
export const DEMO_COURSES: Array<
  [major: string, name: string, hours: number, book: string, planned: boolean, type: Book]
> = [
  ['weld', '焊接工艺', 144, '焊接工艺与技能训练', true, 'traditional'],
  ['weld', '焊接质量检验', 72, '焊缝质量检验工作手册', false, 'workbook'],
  ['mech', '可编程控制器PLC应用', 108, 'PLC应用技术（活页式）', true, 'loose_leaf'],
  ['mech', '电气控制线路安装', 96, '电气控制线路安装与维修', true, 'traditional'],
  ['ecom', '网店运营', 108, '网店运营实务', true, 'traditional'],
  ['ecom', '直播电商', 72, '直播电商实战工作手册', false, 'workbook'],
  ['auto', '汽车发动机构造与维修', 144, '汽车发动机构造与维修', true, 'traditional'],
  ['comp', '办公软件应用', 72, '办公软件应用', true, 'traditional'],
  ['hair', '美发修剪', 108, '美发修剪技术（活页式）', false, 'loose_leaf'],
  ['hair', '化妆造型', 72, '化妆造型', true, 'traditional'],
  ['rehab', '康复评定', 96, '康复评定技术', true, 'traditional'],
  ['rehab', '运动治疗技术', 108, '运动治疗技术工作手册', false, 'workbook'],
  ['agri', '果树栽培', 72, '果树栽培技术', true, 'traditional'],
  ['care', '幼儿游戏', 72, '幼儿游戏与指导', true, 'traditional'],
];

const P = (
  school: DemoSchool,
  kind: ProjectKind,
  level: ProjectLevel,
  score: number,
  reach: Reach,
  title: string,
  subject: { major?: string; course?: string; teacher?: string } = {},
) => ({ school, kind, level, score, reach, title, ...subject });

/**
 * Projects and how far each got (`accepted` went through approval and the mid-term check first);
 * the score is the reviewer's (none for one still only applied).
 */
export const DEMO_PROJECTS = [
  P('SD-VHS', 'brand_major', 'city', 91, 'accepted', '焊接技术应用品牌专业建设', { major: 'weld' }),
  P('SD-VHS', 'brand_major', 'city', 89.5, 'accepted', '机电一体化品牌专业建设', { major: 'mech' }),
  P('SD-VEC', 'brand_major', 'district', 86, 'midterm_passed', '美容美发品牌专业建设', { major: 'hair' }),
  P('SD-VHS', 'brand_major', 'district', 87, 'approved', '电子商务品牌专业建设', { major: 'ecom' }),
  P('SD-VEC', 'brand_major', 'district', 84, 'reviewing', '康复技术品牌专业建设', { major: 'rehab' }),
  P('SD-VHS', 'quality_course', 'provincial', 92, 'accepted', '《焊接工艺》省级精品课程', {
    course: '焊接工艺',
  }),
  P('SD-VHS', 'quality_course', 'provincial', 88, 'approved', '《网店运营》省级精品课程', {
    course: '网店运营',
  }),
  P('SD-VEC', 'quality_course', 'provincial', 0, 'applied', '《康复评定》精品课程', { course: '康复评定' }),
  P('SD-VHS', 'master_studio', 'provincial', 90, 'midterm_passed', '王建军焊接“双师型”名师工作室', {
    teacher: '王建军',
  }),
  P('SD-VHS', 'innovation_team', 'provincial', 88, 'approved', '机电技术应用教师教学创新团队', {
    teacher: '李红梅',
  }),
  P('SD-VHS', 'master_teacher', 'district', 93, 'approved', '区级“双师型”教学名师：王建军', {
    teacher: '王建军',
  }),
  P('SD-VHS', 'master_teacher', 'district', 90, 'approved', '区级“双师型”教学名师：李红梅', {
    teacher: '李红梅',
  }),
  P('SD-VEC', 'master_teacher', 'district', 88, 'approved', '区级“双师型”教学名师：张丽', {
    teacher: '张丽',
  }),
  P('SD-VEC', 'master_teacher', 'district', 72, 'rejected', '区级“双师型”教学名师：赵志强', {
    teacher: '赵志强',
  }),
  P('SD-VHS', 'ideology_studio', 'provincial', 85, 'reviewing', '“匠心铸魂”思政教育工作室'),
  P('SD-VHS', 'culture_brand', 'provincial', 90, 'approved', '“上党工匠”特色文化育人品牌'),
  P('SD-VEC', 'culture_brand', 'provincial', 87, 'approved', '“上党梆子进校园”文化育人品牌'),
  ...[
    '焊花里的工匠精神',
    '劳模进校园',
    '从学徒到大国工匠',
    '职业道德与诚信',
    '安全生产人人有责',
    '绿色发展与职业责任',
  ].map((t, i) =>
    P(
      i % 2 === 0 ? 'SD-VHS' : 'SD-VEC',
      'ideology_micro_course',
      'district',
      85 + i,
      i < 4 ? 'accepted' : 'approved',
      `思政微课：${t}`,
    ),
  ),
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

/** How many resources each major gets and how many of them end up shared district-wide. */
export const DEMO_RESOURCE_PLAN: Record<string, { count: number; shared: number }> = {
  weld: { count: 12, shared: 11 },
  mech: { count: 11, shared: 10 },
  ecom: { count: 7, shared: 5 },
  auto: { count: 2, shared: 1 },
  comp: { count: 1, shared: 0 },
  hair: { count: 6, shared: 4 },
  rehab: { count: 7, shared: 5 },
  agri: { count: 2, shared: 1 },
  care: { count: 2, shared: 1 },
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
