/**
 * 1+X统计 (1+X participation and pass rates) messages, merged into `zh.ts`. `onex.en.ts` must have
 * exactly the same keys (its type and i18n.test.ts both check).
 */
export const onexZh = {
  'onex.tab': '1+X统计',
  'onex.title': '“1+X”证书统计',
  'onex.subtitle':
    '各校、各专业学生参加“1+X”职业技能等级证书考核的情况：参与率 = 当年参加考核的学生人数 ÷ 年末在籍学生人数；通过率 = 合格人次 ÷ 考核人次（以培训评价组织导入的考核结果为准）',
  'onex.year': '考核年度',
  'onex.yearOption': '{year} 年',
  'onex.asOf': '在籍人数截至 {date}',
  'onex.total': '全区合计',
  'onex.col.unit': '学校 / 专业',
  'onex.empty': '该年度暂无学籍或考核记录',
  'onex.import.result': '考核结果',
  'onex.import.examOn': '考核日期',
  'onex.import.passed': '合格',
  'onex.import.failed': '不合格',
} as const;
