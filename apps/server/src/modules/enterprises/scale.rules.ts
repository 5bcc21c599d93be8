/**
 * 规模以上 (above designated size) per enterprise and year (DOMAIN.md, "2 % rule": "规上 is best
 * taken from the statistics bureau's list; thresholds … are versioned configuration"). The flag in
 * force is the list's when the register holds it; otherwise it is computed from the year's revenue
 * and the enterprise's industry with the threshold version in force that year; otherwise it is not
 * known (null), and the 2 % duty is not judged. Pure.
 */
import type { AboveScaleSource } from '@zhijiao/contracts';

type Text = { zh: string; en: string };

/** One threshold: the industries it covers and the revenue (万元) from which an enterprise is 规上. */
export interface ScaleThreshold {
  /** 门类 letters covered. */
  sections: readonly string[];
  /** When given, only these 大类 of the sections (a rule naming 大类 wins over one naming only 门类). */
  divisions?: readonly string[];
  /** 年营业收入 (主营业务收入) from which the enterprise is 规上, 万元; null: not by revenue (the list decides). */
  minRevenueWan: number | null;
  label: Text;
  /** Where the figure comes from. */
  basis: string;
  /** False: the figure is written from memory of the rule and must be checked before use. */
  verified: boolean;
}

/** A set of thresholds in force from a year on (until a later version's `fromYear`). */
export interface ScaleThresholdVersion {
  version: string;
  fromYear: number;
  basis: string;
  thresholds: readonly ScaleThreshold[];
}

/** The version in force in `year`: the one with the latest `fromYear` not after it, or null. */
export function thresholdVersionFor(
  versions: readonly ScaleThresholdVersion[],
  year: number,
): ScaleThresholdVersion | null {
  return (
    versions
      .filter((v) => v.fromYear <= year)
      .sort((a, b) => b.fromYear - a.fromYear || b.version.localeCompare(a.version))[0] ?? null
  );
}

/** The threshold that covers an industry: one naming its 大类 first, then one naming its 门类. */
export function thresholdFor(
  version: ScaleThresholdVersion,
  industry: { section: string; division: string },
): ScaleThreshold | null {
  const inSection = version.thresholds.filter((t) => t.sections.includes(industry.section));
  return (
    inSection.find((t) => t.divisions?.includes(industry.division)) ??
    inSection.find((t) => !t.divisions) ??
    null
  );
}

/** What the thresholds say of one enterprise's year: above scale or not, or why they cannot say. */
export interface ThresholdJudgement {
  aboveScale: boolean | null;
  version: string | null;
  threshold: ScaleThreshold | null;
  reason: Text;
}

/**
 * Judges one enterprise's year by the thresholds in force: 规上 when the revenue reaches the
 * threshold of its industry. Null (with the reason) when no version is in force, no threshold
 * covers the industry, the industry's threshold is not by revenue, or the revenue is not known.
 *
 * @example
 * judgeByThresholds({ section: 'C', division: '27', revenueWan: 2500 }, SCALE_THRESHOLDS, 2021)
 * // { aboveScale: true, version: '2011', … }
 */
export function judgeByThresholds(
  e: { section: string; division: string; revenueWan: number | null },
  versions: readonly ScaleThresholdVersion[],
  year: number,
): ThresholdJudgement {
  const version = thresholdVersionFor(versions, year);
  if (!version)
    return {
      aboveScale: null,
      version: null,
      threshold: null,
      reason: { zh: `${year} 年无适用的规上标准`, en: `No above-scale thresholds in force in ${year}` },
    };
  const threshold = thresholdFor(version, e);
  if (!threshold || threshold.minRevenueWan === null)
    return {
      aboveScale: null,
      version: version.version,
      threshold,
      reason: {
        zh: '该行业不按营业收入认定规上，以统计局名录为准',
        en: 'This industry is not judged by revenue: the statistics bureau’s list decides',
      },
    };
  if (e.revenueWan === null)
    return {
      aboveScale: null,
      version: version.version,
      threshold,
      reason: { zh: `${year} 年营业收入未登记`, en: `The revenue for ${year} is not on file` },
    };
  const above = e.revenueWan >= threshold.minRevenueWan;
  return {
    aboveScale: above,
    version: version.version,
    threshold,
    reason: {
      zh: `营业收入 ${e.revenueWan} 万元，${threshold.label.zh}标准 ${threshold.minRevenueWan} 万元，${above ? '达到' : '未达到'}`,
      en: `Revenue ${e.revenueWan} (10k yuan) against ${threshold.minRevenueWan} for ${threshold.label.en}: ${above ? 'reached' : 'not reached'}`,
    },
  };
}

/** The 规上 flag in force for a year, with its source and the threshold version when computed. */
export interface AboveScaleStatus {
  aboveScale: boolean | null;
  source: AboveScaleSource | null;
  thresholdVersion: string | null;
}

/**
 * The 规上 flag in force: the statistics bureau's list when the register holds its answer for the
 * year (`listed` true or false), else the thresholds' judgement when they can give one, else
 * unknown.
 *
 * @example resolveAboveScale({ listed: null, section: 'C', division: '27', revenueWan: 800 }, SCALE_THRESHOLDS, 2021)
 * // { aboveScale: false, source: 'thresholds', thresholdVersion: '2011' }
 */
export function resolveAboveScale(
  e: { listed: boolean | null; section: string; division: string; revenueWan: number | null },
  versions: readonly ScaleThresholdVersion[],
  year: number,
): AboveScaleStatus {
  if (e.listed !== null) return { aboveScale: e.listed, source: 'statistics_list', thresholdVersion: null };
  const judged = judgeByThresholds(e, versions, year);
  if (judged.aboveScale === null) return { aboveScale: null, source: null, thresholdVersion: null };
  return { aboveScale: judged.aboveScale, source: 'thresholds', thresholdVersion: judged.version };
}
