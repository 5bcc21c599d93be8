import { INDUSTRY_SECTIONS, keepsEnterpriseRegister, industryDivision } from '@zhijiao/contracts';
import type { Lang } from '@/lib/lang';
import { can } from '@/lib/permissions';
import type { Me } from '@/lib/session';

/**
 * Whether the user keeps the district's enterprise register (registers, imports): `enterprise.manage`
 * at the registrar unit (区工信局), or the plan coordinator — as the server decides.
 */
export function keepsRegister(me: Me | null | undefined): boolean {
  return (
    !!me && can(me, 'enterprise.manage') && (me.role === 'coordinator' || keepsEnterpriseRegister(me.orgUnit))
  );
}

/** A 门类 as `C 制造业` (`C Manufacturing`). */
export function sectionText(code: string, lang: Lang): string {
  const s = INDUSTRY_SECTIONS.find((x) => x.code === code);
  return s ? `${code} ${lang === 'en' ? s.en : s.zh}` : code;
}

/** A 大类 as `27 医药制造业` (names are Chinese in both languages: the standard's own). */
export function divisionText(code: string): string {
  const d = industryDivision(code);
  return d ? `${code} ${d.zh}` : code;
}

/** Options of a 大类 select, grouped by 门类. */
export function divisionOptions(lang: Lang) {
  return INDUSTRY_SECTIONS.map((s) => ({
    label: `${s.code} ${lang === 'en' ? s.en : s.zh}`,
    title: s.code,
    options: s.divisions.map((d) => ({ value: d.code, label: `${d.code} ${d.zh}` })),
  }));
}
