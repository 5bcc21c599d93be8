/**
 * The years a register page offers: this one and the eight before it, newest first, and the year
 * shown (from the address) when it is older — not the years of one district's plan.
 *
 * @example registerYears(2026, 2015) // [2026, 2025, …, 2018, 2015]
 */
export function registerYears(thisYear: number, shown?: number): number[] {
  const years = Array.from({ length: 9 }, (_, i) => thisYear - i);
  return shown !== undefined && !years.includes(shown) ? [...years, shown].sort((a, b) => b - a) : years;
}
