import type { PeriodKind } from '@zhijiao/contracts';

export interface PeriodSpec {
  label: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
}

/** Days after a period ends by which its report is due. */
export const REPORT_GRACE_DAYS = 10;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
function addDays(date: string, n: number): string {
  return new Date(Date.parse(date) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Calendar reporting periods covering `from`..`to` (inclusive), aligned to months, quarters or
 * years, each due `REPORT_GRACE_DAYS` after it ends.
 *
 * @example generatePeriods('2020-02-15', '2020-06-30', 'quarterly')
 *   // [{ label: '2020年第1季度', startsOn: '2020-01-01', endsOn: '2020-03-31', dueOn: '2020-04-10' }, …Q2]
 */
export function generatePeriods(from: string, to: string, kind: PeriodKind): PeriodSpec[] {
  const step = kind === 'monthly' ? 1 : kind === 'quarterly' ? 3 : 12;
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  m = Math.floor((m - 1) / step) * step + 1;
  const out: PeriodSpec[] = [];
  while (iso(y, m, 1) <= to) {
    const endM = m + step - 1;
    const endsOn = iso(y, endM, lastDay(y, endM));
    const label =
      kind === 'monthly' ? `${y}年${m}月` : kind === 'quarterly' ? `${y}年第${(m + 2) / 3}季度` : `${y}年度`;
    out.push({ label, startsOn: iso(y, m, 1), endsOn, dueOn: addDays(endsOn, REPORT_GRACE_DAYS) });
    m += step;
    if (m > 12) {
      m -= 12;
      y += 1;
    }
  }
  return out;
}

/** English label of a period generated above (`2021 Q3`, `2021-03`, `2021`). */
export function periodLabelEn(label: string): string {
  const q = /^(\d{4})年第(\d)季度$/.exec(label);
  if (q) return `${q[1]} Q${q[2]}`;
  const mo = /^(\d{4})年(\d{1,2})月$/.exec(label);
  if (mo) return `${mo[1]}-${pad(Number(mo[2]))}`;
  return label.replace('年度', '');
}

/**
 * Where a period stands on `today`: 未开始 before it starts, 填报中 from its start to its due date
 * (reports may be handed in during the period and until the due date), 已截止 after.
 *
 * @example periodStatus({ startsOn: '2026-10-01', dueOn: '2027-01-10' }, '2026-12-06') // 'open'
 */
export function periodStatus(p: { startsOn: string; dueOn: string }, today: string) {
  if (today < p.startsOn) return 'upcoming' as const;
  return today <= p.dueOn ? ('open' as const) : ('closed' as const);
}
