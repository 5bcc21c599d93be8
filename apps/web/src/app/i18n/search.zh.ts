/** The global search (全局搜索): Chinese strings. */
export const searchZh = {
  'search.title': '搜索',
  'search.label': '搜索任务、指标、单位、教师、项目、文件和企业',
  'search.placeholder': '搜索任务、指标、单位、教师…',
  'search.open': '打开搜索',
  'search.hint': '请输入至少 1 个汉字或 2 个字母、数字（最多 50 个字）',
  'search.empty': '未找到与“{q}”相关的结果',
  'search.emptyHint': '仅搜索您有权查看的记录；可换一个关键词再试。',
  'search.summary': '与“{q}”相关的结果共 {n} 条',
  'search.more': '显示前 {shown} 条，共 {n} 条',
  'search.kind.task': '任务',
  'search.kind.indicator': '指标',
  'search.kind.unit': '单位',
  'search.kind.teacher': '教师',
  'search.kind.project': '项目',
  'search.kind.document': '文件/材料',
  'search.kind.enterprise': '企业',
} as const;
