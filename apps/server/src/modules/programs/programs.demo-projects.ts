import type { ProjectKind, ProjectLevel } from '@zhijiao/contracts';
import { whenAll, type When } from './programs.demo-calendar.ts';
import type { DemoSchool } from './programs.demo-data.ts';

/** A recognised project of the demo and the days of the steps it took. */
export interface DemoProject {
  school: DemoSchool;
  kind: ProjectKind;
  level: ProjectLevel;
  /** The reviewer's score (unused for one still only applied). */
  score: number;
  title: string;
  major?: string;
  course?: string;
  teacher?: string;
  /**
   * The days of its steps, in order: 申报, 评审 (scored), 立项 (不予立项 when `rejected`), 中期检查,
   * 验收. A step that falls on or after today has not happened: the project stops before it.
   */
  steps: When[];
  rejected?: boolean;
  /** Projects of one batch share their school's application file (the batch's 申报汇总表). */
  batch?: string;
}

type Subject = Pick<DemoProject, 'major' | 'course' | 'teacher' | 'rejected' | 'batch'>;
/** School, score, title, steps' days (`whenAll`), subject. */
type Row = [school: DemoSchool, score: number, title: string, steps: string, subject?: Subject];

const group = (kind: ProjectKind, level: ProjectLevel, rows: Row[]): DemoProject[] =>
  rows.map(([school, score, title, steps, subject]) => ({
    school,
    kind,
    level,
    score,
    title,
    steps: whenAll(steps),
    ...subject,
  }));

/**
 * The district's yearly selection of master teachers (each school sends one list): applied in
 * April, 考核 a year and two years on.
 */
const SELECTION: Record<number, string> = {
  2020: '2020-04-10 2020-05-10 2020-06-08 2021-06-15 2022-06-20',
  2021: '2021-04-10 2021-05-10 2021-06-08 2022-06-15 +171',
  2022: '2022-04-10 2022-05-10 2022-06-08 +166 +537',
};
const masterTeachers = (year: number, rows: Array<[DemoSchool, string, number]>) =>
  group(
    'master_teacher',
    'district',
    rows.map(([school, teacher, score]) => [
      school,
      score,
      `区级“双师型”教学名师：${teacher}`,
      SELECTION[year]!,
      { teacher, batch: `teachers-${year}` },
    ]),
  );

/** A yearly batch of 思政微课, the schools taking turns: applied in March, accepted in December. */
const microCourses = (year: number, titles: string[]) =>
  group(
    'ideology_micro_course',
    'district',
    titles.map((t, i) => [
      i % 2 === 0 ? 'SD-VHS' : 'SD-VEC',
      84 + ((i * 3) % 10),
      `思政微课：${t}`,
      `${year}-03-25 ${year}-04-20 ${year}-05-15 ${year}-09-20 ${year}-12-10`,
      { batch: `micro-${year}` },
    ]),
  );

/**
 * The plan's work, in its years (2020–2022), some of it finished after the plan ended; then the
 * open work of today. At the plan's deadline: of the five brand majors, 焊接 and 机电一体化
 * accepted, 美容美发 past its mid-term, 电子商务 approved, 康复技术 not applied for (2 of 5); three
 * provincial quality courses, two master-teacher studios, two innovation teams and one ideological
 * studio accepted; four of five culture brands; 20 micro-courses; 10 district master teachers.
 */
export const DEMO_PROJECTS: DemoProject[] = [
  ...group('brand_major', 'city', [
    [
      'SD-VHS',
      91,
      '焊接技术应用品牌专业建设',
      '2020-03-10 2020-03-30 2020-04-20 2020-12-15 2021-11-25',
      { major: 'weld' },
    ],
    [
      'SD-VHS',
      89.5,
      '机电一体化品牌专业建设',
      '2020-03-12 2020-03-30 2020-04-20 2021-04-22 2022-06-18',
      { major: 'mech' },
    ],
  ]),
  ...group('brand_major', 'district', [
    [
      'SD-VEC',
      86,
      '美容美发品牌专业建设',
      '2021-03-15 2021-04-06 2021-04-28 2022-05-12 +175',
      { major: 'hair' },
    ],
    ['SD-VHS', 87, '电子商务品牌专业建设', '2022-03-14 2022-04-08 2022-04-29 +135 +530', { major: 'ecom' }],
  ]),
  ...group('quality_course', 'provincial', [
    [
      'SD-VHS',
      90,
      '《汽车发动机构造与维修》省级精品课程',
      '2020-03-20 2020-04-15 2020-05-25 2021-01-12 2021-12-20',
      { course: '汽车发动机构造与维修' },
    ],
    [
      'SD-VHS',
      92,
      '《焊接工艺》省级精品课程',
      '2020-09-10 2020-10-12 2020-11-20 2021-10-15 2022-06-25',
      { course: '焊接工艺' },
    ],
    [
      'SD-VEC',
      88,
      '《化妆造型》省级精品课程',
      '2021-03-18 2021-04-12 2021-05-20 2022-01-15 2022-11-28',
      { course: '化妆造型' },
    ],
  ]),
  ...group('master_studio', 'provincial', [
    [
      'SD-VHS',
      90,
      '王建军焊接“双师型”名师工作室',
      '2020-05-08 2020-06-02 2020-06-28 2021-06-25 2022-06-28',
      { teacher: '王建军' },
    ],
    [
      'SD-VEC',
      87,
      '张丽康复“双师型”名师工作室',
      '2020-10-09 2020-11-02 2020-12-10 2021-12-08 2022-11-22',
      { teacher: '张丽' },
    ],
  ]),
  ...group('innovation_team', 'provincial', [
    [
      'SD-VHS',
      88,
      '机电技术应用教师教学创新团队',
      '2020-04-15 2020-05-10 2020-06-05 2021-06-10 2022-06-15',
      { teacher: '李红梅' },
    ],
    [
      'SD-VEC',
      86,
      '美发与形象设计教师教学创新团队',
      '2020-06-20 2020-07-15 2020-09-08 2021-09-10 2022-10-20',
      { teacher: '刘芳' },
    ],
  ]),
  ...masterTeachers(2020, [
    ['SD-VHS', '王建军', 93],
    ['SD-VHS', '李红梅', 90],
    ['SD-VEC', '张丽', 88],
    ['SD-VEC', '刘芳', 87],
  ]),
  ...masterTeachers(2021, [
    ['SD-VHS', '陈志刚', 89],
    ['SD-VEC', '杨静', 88],
    ['SD-VHS', '周海燕', 86],
  ]),
  ...group('master_teacher', 'district', [
    [
      'SD-VEC',
      72,
      '区级“双师型”教学名师：赵志强',
      '2021-04-10 2021-05-10 2021-06-08',
      { teacher: '赵志强', rejected: true, batch: 'teachers-2021' },
    ],
  ]),
  ...masterTeachers(2022, [
    ['SD-VHS', '吴磊', 91],
    ['SD-VEC', '郑晓梅', 89],
    ['SD-VHS', '孙立新', 87],
  ]),
  ...group('ideology_studio', 'provincial', [
    ['SD-VHS', 85, '“匠心铸魂”思政教育工作室', '2020-06-12 2020-07-06 2020-09-15 2021-09-16 2022-09-20'],
  ]),
  ...group('culture_brand', 'provincial', [
    ['SD-VEC', 87, '“上党梆子进校园”文化育人品牌', '2020-04-08 2020-05-06 2020-06-18 2021-01-20 2021-12-15'],
    ['SD-VHS', 90, '“上党工匠”特色文化育人品牌', '2020-04-08 2020-05-06 2020-06-18 2021-06-22 2022-05-26'],
    ['SD-VHS', 86, '“太行精神”红色文化育人品牌', '2020-10-12 2020-11-10 2021-01-15 2021-11-18 2022-10-26'],
    ['SD-VEC', 85, '“非遗技艺传承”文化育人品牌', '2020-10-12 2020-11-10 2021-01-15 2021-12-02 2022-11-30'],
    ['SD-VHS', 84, '“劳动创造幸福”劳动教育文化育人品牌', '2021-09-15 2021-10-20 2021-12-06 2022-12-12 +320'],
  ]),
  ...microCourses(2020, [
    '焊花里的工匠精神',
    '劳模进校园',
    '从学徒到大国工匠',
    '职业道德与诚信',
    '安全生产人人有责',
    '绿色发展与职业责任',
    '太行精神代代传',
  ]),
  ...microCourses(2021, [
    '上党梆子里的家国情怀',
    '红色长治',
    '工匠精神与质量意识',
    '团队协作的力量',
    '诚信经营与电商规范',
    '敬老爱老与康养职业',
    '美育与职业形象',
  ]),
  ...microCourses(2022, [
    '劳动合同与法治观念',
    '网络安全与文明上网',
    '乡村振兴中的青年担当',
    '志愿服务精神',
    '节约能源从我做起',
    '技能报国',
  ]),

  // Today's open work: applications under review, a mid-term overdue and one due, a team past its mid-term.
  ...group('brand_major', 'district', [
    ['SD-VEC', 84, '康复技术品牌专业建设', '-75 -52', { major: 'rehab' }],
  ]),
  ...group('quality_course', 'provincial', [
    ['SD-VHS', 88, '《网店运营》省级精品课程', '-440 -410 -385', { course: '网店运营' }],
    ['SD-VEC', 0, '《康复评定》精品课程', '-20', { course: '康复评定' }],
  ]),
  ...group('innovation_team', 'provincial', [
    ['SD-VHS', 85, '汽车运用与维修教师教学创新团队', '-600 -580 -560 -190', { teacher: '孙立新' }],
  ]),
  ...group('master_teacher', 'district', [
    ['SD-VEC', 90, '区级“双师型”教学名师：陈晓燕', '-400 -380 -362', { teacher: '陈晓燕' }],
  ]),
  ...group('ideology_studio', 'provincial', [['SD-VEC', 83, '“立德树人”思政教育工作室', '-50 -28']]),
];
