import type { internshipDutyZh } from './internship-duty.zh';

/** The 2 % table's messages in English: the same keys as `internship-duty.zh.ts`. */
export const internshipDutyEn: Record<keyof typeof internshipDutyZh, string> = {
  'duty.tab.register': 'Register',
  'duty.tab.duty': 'Internship posts: the 2 % duty',
  'duty.title': 'Internship posts at above-scale enterprises: the 2 % duty',
  'duty.subtitle':
    'Each above-scale enterprise offers internship posts numbering 2 % of its staff (rounded up), against the places it published that year and the interns it took',
  'duty.year': 'Year',
  'duty.yearOption': '{year}',
  'duty.status': 'Duty',
  'duty.q': 'Enterprise name or USCC',
  'duty.totals':
    '{aboveScale} above-scale enterprises, {met} met and {short} short; {notJudged} not judged (scale or staff count not on file); posts {share} of staff ({offered} offered of {required} required); {placements} interns, {coverage} insured',
  'duty.province': '{unit}: districts',
  'duty.back': 'Back to the districts',
  'duty.total': '{total} enterprises',
  'duty.empty': 'No enterprise matches',
  'duty.col.district': 'District',
  'duty.col.aboveScale': 'Above scale',
  'duty.col.met': 'Met',
  'duty.col.short': 'Short',
  'duty.col.notJudged': 'Not judged',
  'duty.col.share': 'Posts ÷ staff',
  'duty.col.coverage': 'Insured',
  'duty.col.enterprise': 'Enterprise',
  'duty.col.staff': 'Staff',
  'duty.col.required': 'Required',
  'duty.col.offered': 'Places offered',
  'duty.col.filled': 'Filled',
  'duty.col.shortfall': 'Shortfall',
  'duty.col.placements': 'Interns',
  'duty.col.insured': 'Insured',
  'duty.col.status': 'Duty',
  'duty.open': 'Open the enterprise',
  'duty.notRegistered': 'Not on the enterprise register',
};
