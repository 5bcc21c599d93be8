/** The public portal on any screen (公开任务、公开指标、手机布局): Chinese strings. */
export const portalZh = {
  'portal.backHome': '返回首页',
  'portal.notFound': '未找到该公开内容，可能已调整或尚未公开',
  'portal.task.section': '所属部分',
  'portal.task.indicators': '本任务的公开指标',
  'portal.task.noIndicators': '本任务暂无公开指标',
  'portal.indicator.periods': '分期完成情况',
  'portal.indicator.latestPeriod': '最新统计期',
  'portal.indicator.noPeriods': '该指标按完成时限一次性判定，暂无分期数据',
  'portal.menu': '菜单',
  'portal.account': '账号',
} as const;
