/** Names of the org-unit groupings used by the plan files; an unknown group shows its code. */
const GROUP_LABELS: Record<string, { zh: string; en: string }> = {
  public: { zh: '公办', en: 'Public' },
  private: { zh: '民办', en: 'Private' },
  'above-scale': { zh: '规上企业', en: 'Above designated size' },
  'secondary-vocational': { zh: '中职', en: 'Secondary vocational' },
  'higher-vocational': { zh: '高职', en: 'Higher vocational' },
  'general-high': { zh: '普高', en: 'General high school' },
  'junior-high': { zh: '初中', en: 'Junior high' },
  undergraduate: { zh: '本科院校', en: 'Undergraduate' },
  'training-institution': { zh: '培训机构', en: 'Training institution' },
  'mass-organisation': { zh: '群团组织', en: 'Mass organisation' },
  'party-organ': { zh: '党委部门', en: 'Party organ' },
  'vertical-management': { zh: '垂直管理', en: 'Vertically managed' },
  'enterprise-registrar': { zh: '企业名录管理', en: 'Keeps the enterprise register' },
  'certification-authority': { zh: '产教融合型企业认定机关', en: 'Certifies industry–education enterprises' },
  'certification-panel': { zh: '产教融合型企业会签单位', en: 'Signs the certification joint review' },
  'training-base-keeper': { zh: '高水平实训基地管理', en: 'Keeps the high-level training bases' },
  'internship-duty-oversight': {
    zh: '督促企业按 2% 安排实习岗位',
    en: 'Oversees enterprises’ 2 % internship posts',
  },
};

export function groupLabel(group: string, lang: 'zh' | 'en'): string {
  return GROUP_LABELS[group]?.[lang] ?? group;
}
