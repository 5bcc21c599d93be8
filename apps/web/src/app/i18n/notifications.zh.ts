/** The message centre (消息中心): Chinese strings. */
export const notificationsZh = {
  'notifications.title': '消息中心',
  'notifications.subtitle': '本单位及本人的通知：未读 {unread} 条，共 {total} 条',
  'notifications.readAll': '全部标为已读',
  'notifications.unread': '未读',
  'notifications.empty': '暂无通知',
  'notifications.bell': '消息中心（未读 {count} 条）',
};
