/** The credit bank's review workflows: 待审转换, 撤销转换, the export for the national credit bank. */
export const conversionReviewZh = {
  'creditbank.queue.tab': '待审转换',
  'creditbank.queue.title': '待审转换',
  'creditbank.queue.hint':
    '学校申请的学分转换，按申请时间先后排列；由区教育局审核批准或不予批准（学校可查看本校的申请）。',
  'creditbank.queue.empty': '暂无待审的学分转换',
  'creditbank.queue.total': '共 {total} 项待审转换',
  'creditbank.queue.learner': '学生',
  'creditbank.queue.school': '学校',
  'creditbank.queue.major': '专业',
  'creditbank.queue.rule': '转换规则',
  'creditbank.queue.outcome': '学习成果',
  'creditbank.queue.appliedAt': '申请日期',
  'creditbank.queue.approved': '已批准该学分转换',
  'creditbank.queue.refused': '已不予批准该学分转换',
  'creditbank.conversions.status.reversed': '已撤销',
  'creditbank.reverse.action': '撤销转换',
  'creditbank.reverse.reason': '撤销原因',
  'creditbank.reverse.hint':
    '撤销后将记一笔冲正记录，退回该转换使用的学分（原记录不修改），该成果和课程可重新申请转换。',
  'creditbank.reverse.done': '已撤销该学分转换',
  'creditbank.export.national': '导出（国家学分银行格式）',
} as const;
