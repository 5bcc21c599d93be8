/**
 * A realistic 督导报告 of about three pages (masthead, headings of each level, a table that
 * crosses a page, a list, 落款 and date). The renderer tests print it, and
 * `scripts/render-sample-document.ts` writes it to var/samples/ so people can look at the layout.
 */
import type { DocumentBlock, OfficialDocument } from './document-model.ts';

const SCHOOLS = [
  ['上党区职业高级中学', '现代农艺技术、汽车运用与维修', '92.4%', '38.5%', '按期整改'],
  ['上党区职业技术教育中心', '计算机应用、电子商务', '88.1%', '41.2%', '按期整改'],
  ['上党区第一中学（普高）', '—', '—', '—', '不涉及'],
  ['振东集团产教融合实训基地', '中药制药、现代物流', '95.0%', '—', '已销号'],
  ['易通集团新能源汽车实训中心', '新能源汽车检测与维修', '90.3%', '35.0%', '延期至2026年12月31日'],
  ['上党区农广校', '高素质农民培育', '86.7%', '—', '按期整改'],
  ['上党区老年开放大学', '社区教育、老年教育', '—', '—', '不涉及'],
  ['长治市上党区总工会职工学校', '职工技能提升', '89.9%', '—', '按期整改'],
];

const paragraph = (text: string): DocumentBlock => ({ kind: 'paragraph', text });

/** The sample document (fixed date so outputs are reproducible). */
export function sampleSupervisionReport(): OfficialDocument {
  const rows = [...SCHOOLS, ...SCHOOLS.map(([name, ...rest]) => [`${name}（复查）`, ...rest])].map((row) =>
    row.map((cell) => cell ?? ''),
  );
  return {
    title: '关于上党区推进职业教育改革发展行动计划\n2026年第三季度专项督导情况的报告',
    issuer: '长治市上党区人民政府教育督导室',
    documentNumber: '上党督〔2026〕3号',
    subtitle: '区人民政府：',
    date: '2026-11-29',
    signature: '长治市上党区人民政府教育督导室',
    lang: 'zh',
    meta: { subject: '专项督导报告', author: '上党区教育督导室' },
    blocks: [
      paragraph(
        '根据《上党区推进职业教育改革发展行动计划》和区政府2026年度督导工作安排，区教育督导室于2026年10月至11月，会同区人社局、区财政局、区发改科技局，对全区职业教育改革任务推进情况开展了专项督导。现将有关情况报告如下。',
      ),
      { kind: 'heading', level: 1, text: '一、总体情况' },
      paragraph(
        '本次督导覆盖8个责任单位、2所中等职业学校、6家合作企业，查阅台账资料326份，实地察看实训基地9个，召开座谈会5场，访谈教师、学生、企业导师共计148人次。总体看，行动计划确定的32项任务中，已完成19项，序时推进11项，滞后2项，整体进度符合预期。',
      ),
      { kind: 'heading', level: 2, text: '（一）职普比例保持大体相当' },
      paragraph(
        '2026年全区初中毕业生升入中等职业学校比例为47.8%，较上年提高2.1个百分点；中职学校招生计划完成率为96.4%。招生录取实行平行志愿，录取过程全程留痕、结果公开公示。',
      ),
      { kind: 'heading', level: 2, text: '（二）“双师型”教师队伍持续壮大' },
      paragraph(
        '全区中职学校专任教师312人，其中“双师型”教师198人，占比63.5%，较方案基线提高8.2个百分点。新认定市级名师工作室2个、区级教学创新团队3个。',
      ),
      { kind: 'heading', level: 3, text: '1. 企业实践制度落实情况' },
      paragraph(
        '专业课教师每五年累计到企业实践不少于6个月的制度基本落实，但部分教师实践记录不完整，实践单位证明材料缺失，需在下一阶段补齐。',
      ),
      { kind: 'heading', level: 1, text: '二、各单位任务推进及整改情况' },
      paragraph('各责任单位任务完成情况及整改要求见下表（含复查结果）。'),
      {
        kind: 'table',
        columns: ['单位名称', '涉及专业（领域）', '就业（对口）率', '双师型占比', '整改状态'],
        widths: [3, 3, 1.6, 1.4, 2],
        rows,
      },
      { kind: 'heading', level: 1, text: '三、存在的主要问题' },
      {
        kind: 'list',
        items: [
          '1. 实习岗位供给不足。部分规上企业提供实习岗位未达到职工总数2%的要求，岗位与专业匹配度不高。',
          '2. 经费投入结构有待优化。生均公用经费虽达到8000元标准，但绩效奖励资金占比偏低。',
          '3. 数据填报不够及时。个别单位进展报告延迟提交，佐证材料不完整。',
        ],
      },
      { kind: 'heading', level: 1, text: '四、下一步工作建议' },
      paragraph(
        '一是压实责任。对滞后任务实行清单化管理，明确整改时限，逾期未完成的由区教育督导室约谈责任单位负责同志。二是强化协同。发挥职业教育工作联席会议作用，统筹解决实习岗位、经费保障等跨部门问题。三是用好数据。依托职教平台实时监测各项指标，做到问题早发现、早预警、早处置。',
      ),
      paragraph('特此报告。'),
    ],
  };
}
