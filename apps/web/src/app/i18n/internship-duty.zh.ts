/**
 * 实习岗位 2% 落实 (the 2 % table, task （十三）) messages, merged into `zh.ts`.
 * `internship-duty.en.ts` must have exactly the same keys.
 */
export const internshipDutyZh = {
  'duty.tab.register': '企业名录',
  'duty.tab.duty': '实习岗位 2% 落实',
  'duty.title': '规上企业实习岗位 2% 落实情况',
  'duty.subtitle':
    '规模以上企业按职工总数的 2% 安排实习岗位：应提供岗位 = 职工总数 × 2%（向上取整），对照当年已发布的实习岗位名额和实际接收人数',
  'duty.year': '年度',
  'duty.yearOption': '{year} 年',
  'duty.status': '落实情况',
  'duty.q': '企业名称或统一社会信用代码',
  'duty.totals':
    '规上企业 {aboveScale} 家，其中已达到 {met} 家、未达标 {short} 家；{notJudged} 家规上情况或职工总数未登记，未判定；实习岗位占职工总数 {share}（应提供 {required} 个，已提供 {offered} 个）；在岗实习 {placements} 人，保险覆盖率 {coverage}',
  'duty.province': '{unit} 各区县汇总',
  'duty.back': '返回各区县汇总',
  'duty.total': '共 {total} 家企业',
  'duty.empty': '没有符合条件的企业',
  'duty.col.district': '区县',
  'duty.col.aboveScale': '规上企业',
  'duty.col.met': '已达到',
  'duty.col.short': '未达标',
  'duty.col.notJudged': '未判定',
  'duty.col.share': '岗位占职工比例',
  'duty.col.coverage': '保险覆盖率',
  'duty.col.enterprise': '企业',
  'duty.col.staff': '职工总数',
  'duty.col.required': '应提供',
  'duty.col.offered': '已提供名额',
  'duty.col.filled': '实际接收',
  'duty.col.shortfall': '差额',
  'duty.col.placements': '在岗实习',
  'duty.col.insured': '已投保',
  'duty.col.status': '落实情况',
  'duty.open': '查看企业',
  'duty.notRegistered': '未登记到企业名录',
} as const;
