/**
 * Enterprises (企业名录, task （十二）): the register's enums, the 国民经济行业分类 catalogue, the
 * register keeper's unit rule and error messages, shared by server and web.
 */

type Label = { zh: string; en: string };

/** An enterprise's standing in the register: 在营 / 停业 / 注销. */
export const ENTERPRISE_STATUSES = ['active', 'suspended', 'deregistered'] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];

export const ENTERPRISE_STATUS_LABELS: Record<EnterpriseStatus, Label> = {
  active: { zh: '在营', en: 'Operating' },
  suspended: { zh: '停业', en: 'Suspended' },
  deregistered: { zh: '注销', en: 'Deregistered' },
};

/**
 * Where a year's 规模以上 flag comes from: the statistics bureau's list (imported, or entered from
 * it by the register's keeper), or computed from the year's revenue and industry with the versioned
 * thresholds (`enterprises.config.ts`).
 */
export const ABOVE_SCALE_SOURCES = ['statistics_list', 'thresholds'] as const;
export type AboveScaleSource = (typeof ABOVE_SCALE_SOURCES)[number];

export const ABOVE_SCALE_SOURCE_LABELS: Record<AboveScaleSource, Label> = {
  statistics_list: { zh: '统计局名录', en: 'Statistics bureau list' },
  thresholds: { zh: '按标准测算', en: 'Computed from thresholds' },
};

/**
 * The org-unit group of the unit that keeps a district's enterprise register (区工信局 in
 * Shangdang: `plans/shangdang/org-units.yaml`). A district gives it to whichever bureau keeps the
 * list; the plan coordinator keeps it too.
 */
export const ENTERPRISE_REGISTRAR_GROUP = 'enterprise-registrar';

/**
 * Whether a unit keeps the district's enterprise register (企业名录): its clerks register
 * enterprises, import the 规上 list and staff counts and change any enterprise's records. Other
 * bureaus and schools read the register; an enterprise's own clerks keep only their contacts and
 * this year's staff count.
 *
 * @example keepsEnterpriseRegister({ type: 'bureau', groups: ['public', 'enterprise-registrar'] }) // true
 */
export function keepsEnterpriseRegister(unit: { type: string; groups: readonly string[] }): boolean {
  return unit.type !== 'enterprise' && unit.groups.includes(ENTERPRISE_REGISTRAR_GROUP);
}

/** Whether a unit is an enterprise: its accounts see only their own enterprise in the register. */
export function isEnterpriseUnit(unit: { type: string }): boolean {
  return unit.type === 'enterprise';
}

/** One 门类 (section) of 国民经济行业分类 GB/T 4754-2017 with its 大类 (divisions). */
export interface IndustrySection {
  code: string;
  zh: string;
  en: string;
  divisions: ReadonlyArray<IndustryDivision>;
}

/** One 大类 (two-digit division). `verified: false`: the name is not checked against the text. */
export interface IndustryDivision {
  code: string;
  zh: string;
  verified: boolean;
}

const d = (code: string, zh: string, verified = true): IndustryDivision => ({ code, zh, verified });

/**
 * 国民经济行业分类 (GB/T 4754-2017, with its 2019 amendment 1, which changed no 大类): the 20 门类
 * A–T and their 97 大类 01–97, as written from the standard's table of contents. The names marked
 * `verified: false` were renamed in 2017 and are written from memory of the new text; check them
 * against the published standard before relying on the exact wording. The codes are certain.
 */
export const INDUSTRY_SECTIONS: readonly IndustrySection[] = [
  {
    code: 'A',
    zh: '农、林、牧、渔业',
    en: 'Agriculture, forestry, animal husbandry and fishery',
    divisions: [
      d('01', '农业'),
      d('02', '林业'),
      d('03', '畜牧业'),
      d('04', '渔业'),
      d('05', '农、林、牧、渔专业及辅助性活动', false),
    ],
  },
  {
    code: 'B',
    zh: '采矿业',
    en: 'Mining',
    divisions: [
      d('06', '煤炭开采和洗选业'),
      d('07', '石油和天然气开采业'),
      d('08', '黑色金属矿采选业'),
      d('09', '有色金属矿采选业'),
      d('10', '非金属矿采选业'),
      d('11', '开采专业及辅助性活动', false),
      d('12', '其他采矿业'),
    ],
  },
  {
    code: 'C',
    zh: '制造业',
    en: 'Manufacturing',
    divisions: [
      d('13', '农副食品加工业'),
      d('14', '食品制造业'),
      d('15', '酒、饮料和精制茶制造业'),
      d('16', '烟草制品业'),
      d('17', '纺织业'),
      d('18', '纺织服装、服饰业'),
      d('19', '皮革、毛皮、羽毛及其制品和制鞋业'),
      d('20', '木材加工和木、竹、藤、棕、草制品业'),
      d('21', '家具制造业'),
      d('22', '造纸和纸制品业'),
      d('23', '印刷和记录媒介复制业'),
      d('24', '文教、工美、体育和娱乐用品制造业'),
      d('25', '石油、煤炭及其他燃料加工业', false),
      d('26', '化学原料和化学制品制造业'),
      d('27', '医药制造业'),
      d('28', '化学纤维制造业'),
      d('29', '橡胶和塑料制品业'),
      d('30', '非金属矿物制品业'),
      d('31', '黑色金属冶炼和压延加工业'),
      d('32', '有色金属冶炼和压延加工业'),
      d('33', '金属制品业'),
      d('34', '通用设备制造业'),
      d('35', '专用设备制造业'),
      d('36', '汽车制造业'),
      d('37', '铁路、船舶、航空航天和其他运输设备制造业'),
      d('38', '电气机械和器材制造业'),
      d('39', '计算机、通信和其他电子设备制造业'),
      d('40', '仪器仪表制造业'),
      d('41', '其他制造业'),
      d('42', '废弃资源综合利用业'),
      d('43', '金属制品、机械和设备修理业'),
    ],
  },
  {
    code: 'D',
    zh: '电力、热力、燃气及水生产和供应业',
    en: 'Electricity, heat, gas and water production and supply',
    divisions: [d('44', '电力、热力生产和供应业'), d('45', '燃气生产和供应业'), d('46', '水的生产和供应业')],
  },
  {
    code: 'E',
    zh: '建筑业',
    en: 'Construction',
    divisions: [
      d('47', '房屋建筑业'),
      d('48', '土木工程建筑业'),
      d('49', '建筑安装业'),
      d('50', '建筑装饰、装修和其他建筑业'),
    ],
  },
  {
    code: 'F',
    zh: '批发和零售业',
    en: 'Wholesale and retail trade',
    divisions: [d('51', '批发业'), d('52', '零售业')],
  },
  {
    code: 'G',
    zh: '交通运输、仓储和邮政业',
    en: 'Transport, storage and postal services',
    divisions: [
      d('53', '铁路运输业'),
      d('54', '道路运输业'),
      d('55', '水上运输业'),
      d('56', '航空运输业'),
      d('57', '管道运输业'),
      d('58', '多式联运和运输代理业', false),
      d('59', '装卸搬运和仓储业'),
      d('60', '邮政业'),
    ],
  },
  {
    code: 'H',
    zh: '住宿和餐饮业',
    en: 'Accommodation and catering',
    divisions: [d('61', '住宿业'), d('62', '餐饮业')],
  },
  {
    code: 'I',
    zh: '信息传输、软件和信息技术服务业',
    en: 'Information transmission, software and IT services',
    divisions: [
      d('63', '电信、广播电视和卫星传输服务'),
      d('64', '互联网和相关服务'),
      d('65', '软件和信息技术服务业'),
    ],
  },
  {
    code: 'J',
    zh: '金融业',
    en: 'Finance',
    divisions: [d('66', '货币金融服务'), d('67', '资本市场服务'), d('68', '保险业'), d('69', '其他金融业')],
  },
  { code: 'K', zh: '房地产业', en: 'Real estate', divisions: [d('70', '房地产业')] },
  {
    code: 'L',
    zh: '租赁和商务服务业',
    en: 'Leasing and business services',
    divisions: [d('71', '租赁业'), d('72', '商务服务业')],
  },
  {
    code: 'M',
    zh: '科学研究和技术服务业',
    en: 'Scientific research and technical services',
    divisions: [d('73', '研究和试验发展'), d('74', '专业技术服务业'), d('75', '科技推广和应用服务业')],
  },
  {
    code: 'N',
    zh: '水利、环境和公共设施管理业',
    en: 'Water conservancy, environment and public facilities management',
    divisions: [
      d('76', '水利管理业'),
      d('77', '生态保护和环境治理业'),
      d('78', '公共设施管理业'),
      d('79', '土地管理业', false),
    ],
  },
  {
    code: 'O',
    zh: '居民服务、修理和其他服务业',
    en: 'Residential services, repair and other services',
    divisions: [d('80', '居民服务业'), d('81', '机动车、电子产品和日用产品修理业'), d('82', '其他服务业')],
  },
  { code: 'P', zh: '教育', en: 'Education', divisions: [d('83', '教育')] },
  {
    code: 'Q',
    zh: '卫生和社会工作',
    en: 'Health and social work',
    divisions: [d('84', '卫生'), d('85', '社会工作')],
  },
  {
    code: 'R',
    zh: '文化、体育和娱乐业',
    en: 'Culture, sports and entertainment',
    divisions: [
      d('86', '新闻和出版业'),
      d('87', '广播、电视、电影和录音制作业', false),
      d('88', '文化艺术业'),
      d('89', '体育'),
      d('90', '娱乐业'),
    ],
  },
  {
    code: 'S',
    zh: '公共管理、社会保障和社会组织',
    en: 'Public administration, social security and social organisations',
    divisions: [
      d('91', '中国共产党机关'),
      d('92', '国家机构'),
      d('93', '人民政协、民主党派'),
      d('94', '社会保障'),
      d('95', '群众团体、社会团体和其他成员组织'),
      d('96', '基层群众自治组织及其他组织', false),
    ],
  },
  { code: 'T', zh: '国际组织', en: 'International organisations', divisions: [d('97', '国际组织')] },
];

/** The 门类 letters A–T. */
export const INDUSTRY_SECTION_CODES = INDUSTRY_SECTIONS.map((s) => s.code);

/** The 门类 a 大类 belongs to, or undefined for an unknown code. */
export function sectionOfDivision(division: string): IndustrySection | undefined {
  return INDUSTRY_SECTIONS.find((s) => s.divisions.some((x) => x.code === division));
}

/** A 大类 by its two-digit code, or undefined. */
export function industryDivision(code: string): IndustryDivision | undefined {
  return sectionOfDivision(code)?.divisions.find((x) => x.code === code);
}

/** Error codes of this module with their Chinese and English messages (merged into ERROR_MESSAGES). */
export const ENTERPRISE_ERRORS = {
  ENTERPRISE_EXISTS: {
    zh: '该统一社会信用代码的企业已在名录中',
    en: 'An enterprise with this unified social credit code is already registered',
  },
  ENTERPRISE_UNIT_TAKEN: {
    zh: '该单位已登记为名录中的企业',
    en: 'This org unit is already registered as an enterprise',
  },
  ENTERPRISE_NOT_AN_ENTERPRISE: {
    zh: '只能把“企业”类单位登记到企业名录',
    en: 'Only org units of type enterprise can be registered',
  },
  ENTERPRISE_NO_DISTRICT: {
    zh: '您的单位不属于任何区县，无法登记企业',
    en: 'Your unit belongs to no district; it cannot register enterprises',
  },
  ENTERPRISE_IMPORT_INVALID: {
    zh: '导入文件有误，未导入任何数据',
    en: 'The import file has errors; nothing was imported',
  },
  ENTERPRISE_OWN_FIELDS_ONLY: {
    zh: '企业账号只能维护本企业的联系人和本年度职工总数',
    en: 'An enterprise account may only keep its contacts and this year’s staff count',
  },
  ENTERPRISE_PII_VIEW_LIMIT: {
    zh: '一小时内查看联系人电话的次数已达上限，已通知审计管理员',
    en: 'You have viewed contact phones too often this hour; the audit administrator has been told',
  },
} as const satisfies Record<string, Label>;
