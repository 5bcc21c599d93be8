import type {
  AlertTier,
  IndicatorStatus,
  OrgUnitType,
  ProgressStatus,
  ReportState,
  UnitRole,
} from './enums.ts';

type Label = { zh: string; en: string };

export const PROGRESS_STATUS_LABELS: Record<ProgressStatus, Label> = {
  on_track: { zh: '正常推进', en: 'On track' },
  at_risk: { zh: '存在风险', en: 'At risk' },
  behind: { zh: '滞后', en: 'Behind' },
  completed: { zh: '已完成', en: 'Completed' },
};

export const REPORT_STATE_LABELS: Record<ReportState, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审核', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  approved: { zh: '已通过', en: 'Approved' },
};

export const INDICATOR_STATUS_LABELS: Record<IndicatorStatus, Label> = {
  met: { zh: '已达标', en: 'Met' },
  on_track: { zh: '进度正常', en: 'On track' },
  at_risk: { zh: '进度偏慢', en: 'At risk' },
  off_track: { zh: '未达标', en: 'Off track' },
  no_data: { zh: '暂无数据', en: 'No data' },
};

export const ALERT_TIER_LABELS: Record<AlertTier, Label> = {
  blue: { zh: '蓝色提示', en: 'Blue' },
  yellow: { zh: '黄色预警', en: 'Yellow' },
  red: { zh: '红色预警', en: 'Red' },
};

export const UNIT_ROLE_LABELS: Record<UnitRole, Label> = {
  lead: { zh: '牵头单位', en: 'Lead unit' },
  cooperating: { zh: '配合单位', en: 'Co-operating unit' },
};

export const ORG_UNIT_TYPE_LABELS: Record<OrgUnitType, Label> = {
  district: { zh: '行政区', en: 'District' },
  bureau: { zh: '政府部门', en: 'Bureau' },
  school: { zh: '学校', en: 'School' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  college: { zh: '高等院校', en: 'College' },
  other: { zh: '其他', en: 'Other' },
};
