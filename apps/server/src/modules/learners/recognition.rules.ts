/**
 * Recognition (认定) of a learning outcome against the district's learning-outcome catalogue
 * (学习成果名录; DOMAIN.md, "Credit bank and 1+X"): there is no national "certificate = N credits",
 * so the catalogue of the district for the outcome's year says which outcome types count, at which
 * level, with how many suggested credits. An outcome counts only once recognised; a refusal carries
 * every reason, each with the field it is about, a stable code and a zh/en message. Pure.
 *
 * Credits are integers in tenths of a credit (0.5 credit = 5, 8 credits = 80): no floating point
 * ever touches an account.
 */
import {
  OUTCOME_LEVEL_LABELS,
  OUTCOME_TYPE_LABELS,
  type OutcomeLevel,
  type OutcomeType,
} from '@zhijiao/contracts';

/** Why a credit-bank step is refused: the field it is about, a stable code, zh and en. */
export interface CreditBankReason {
  code: string;
  field: string;
  zh: string;
  en: string;
}

/** A learning outcome as recorded (from a school, an issuer's results import or by hand). */
export interface LearningOutcome {
  id: string;
  learnerId: string;
  type: OutcomeType;
  /** 初级 / 中级 / 高级 for a 1+X certificate; null for a type without levels. */
  level: OutcomeLevel | null;
  /** Which certificate (the 1+X certificate's code, a qualification's code), or null. */
  certificateCode: string | null;
  /** Who issued it: the 培训评价组织, the school, the competition's organiser (their code). */
  issuer: string;
  /** The certificate's number, or null when it has none. */
  number: string | null;
  /** The day it was achieved (China calendar, `YYYY-MM-DD`). */
  achievedOn: string;
}

/** One line of a catalogue: an outcome type (optionally one certificate) at a level, and its credits. */
export interface CatalogueEntry {
  type: OutcomeType;
  /** Null: any certificate of the type; else only this one (a specific entry wins over a general one). */
  certificateCode: string | null;
  level: OutcomeLevel | null;
  /** Suggested credits, in tenths. */
  suggestedCredits: number;
}

/** A district's learning-outcome catalogue for a year, in one of its versions. */
export interface OutcomeCatalogue {
  districtId: string;
  year: number;
  version: number;
  entries: readonly CatalogueEntry[];
}

/** An outcome already recognised, as the duplicate check reads it. */
export interface RecognisedCertificate {
  issuer: string;
  number: string;
}

export type RecognitionCheck =
  | { ok: true; catalogue: OutcomeCatalogue; entry: CatalogueEntry; suggestedCredits: number }
  | { ok: false; reasons: CreditBankReason[] };

/** Certificate numbers compare without case or spaces (imports and hand entry write them both ways). */
export function normaliseCertificateNumber(number: string): string {
  return number.replace(/\s+/g, '').toUpperCase();
}

/**
 * The catalogue of a district for a year in force: its highest version, or null when the district
 * has none for that year.
 *
 * @example catalogueFor([{ districtId: 'd', year: 2026, version: 1, entries: [] }, { districtId: 'd', year: 2026, version: 2, entries: [] }], 'd', 2026)?.version // 2
 */
export function catalogueFor(
  catalogues: readonly OutcomeCatalogue[],
  districtId: string,
  year: number,
): OutcomeCatalogue | null {
  let found: OutcomeCatalogue | null = null;
  for (const c of catalogues) {
    if (c.districtId === districtId && c.year === year && (found === null || c.version > found.version)) {
      found = c;
    }
  }
  return found;
}

const typeZh = (t: OutcomeType) => OUTCOME_TYPE_LABELS[t].zh;
const typeEn = (t: OutcomeType) => OUTCOME_TYPE_LABELS[t].en.toLowerCase();
const levelZh = (l: OutcomeLevel | null) => (l === null ? '无等级' : OUTCOME_LEVEL_LABELS[l].zh);
const levelEn = (l: OutcomeLevel | null) =>
  l === null ? 'no level' : OUTCOME_LEVEL_LABELS[l].en.toLowerCase();

function catalogueReasons(outcome: LearningOutcome, catalogue: OutcomeCatalogue | null, year: number) {
  const ofType = (catalogue?.entries ?? []).filter(
    (e) =>
      e.type === outcome.type &&
      (e.certificateCode === null || e.certificateCode === outcome.certificateCode),
  );
  if (ofType.length === 0) {
    return [
      {
        code: 'OUTCOME_TYPE_NOT_CATALOGUED',
        field: 'type',
        zh: `${year} 年学习成果名录未收录该类成果（${typeZh(outcome.type)}${outcome.certificateCode ? `，证书 ${outcome.certificateCode}` : ''}）`,
        en: `The ${year} learning-outcome catalogue does not list this outcome (${typeEn(outcome.type)}${outcome.certificateCode ? `, certificate ${outcome.certificateCode}` : ''})`,
      },
    ];
  }
  if (!ofType.some((e) => e.level === outcome.level)) {
    const listed = [...new Set(ofType.map((e) => e.level))];
    return [
      {
        code: 'OUTCOME_LEVEL_NOT_LISTED',
        field: 'level',
        zh: `${year} 年学习成果名录未收录该类成果的${levelZh(outcome.level)}（收录：${listed.map(levelZh).join('、')}）`,
        en: `The ${year} catalogue does not list this outcome at ${levelEn(outcome.level)} (listed: ${listed.map(levelEn).join(', ')})`,
      },
    ];
  }
  return [];
}

/** The catalogue line an outcome matches: one naming its certificate before a general one. */
function matchingEntry(outcome: LearningOutcome, catalogue: OutcomeCatalogue): CatalogueEntry | null {
  const atLevel = catalogue.entries.filter((e) => e.type === outcome.type && e.level === outcome.level);
  return (
    atLevel.find((e) => e.certificateCode !== null && e.certificateCode === outcome.certificateCode) ??
    atLevel.find((e) => e.certificateCode === null) ??
    null
  );
}

/**
 * Whether an outcome may be recognised on `today`, against the catalogue of the learner's district
 * for the outcome's year (its highest version): the matched catalogue line and its suggested
 * credits, or every reason it may not — its type (or certificate) not in that year's catalogue,
 * its level not listed, its date after today, a 1+X certificate without its number, or the same
 * issuer's certificate number already recognised.
 *
 * @example recogniseOutcome(webFrontEndIntermediate, [catalogue2026], { districtId: 'shangdang', today: '2026-07-01', recognised: [] })
 *   // { ok: true, entry: { type: 'one_plus_x_certificate', level: 'intermediate', suggestedCredits: 80, … }, suggestedCredits: 80, … }
 */
export function recogniseOutcome(
  outcome: LearningOutcome,
  catalogues: readonly OutcomeCatalogue[],
  context: { districtId: string; today: string; recognised: readonly RecognisedCertificate[] },
): RecognitionCheck {
  const year = Number(outcome.achievedOn.slice(0, 4));
  const catalogue = catalogueFor(catalogues, context.districtId, year);
  const reasons: CreditBankReason[] = catalogueReasons(outcome, catalogue, year);
  if (outcome.achievedOn > context.today) {
    reasons.push({
      code: 'OUTCOME_DATE_IN_FUTURE',
      field: 'achievedOn',
      zh: `获得日期 ${outcome.achievedOn} 晚于今天（${context.today}）`,
      en: `The date achieved, ${outcome.achievedOn}, is after today (${context.today})`,
    });
  }
  const number = outcome.number === null ? '' : normaliseCertificateNumber(outcome.number);
  if (outcome.type === 'one_plus_x_certificate' && number === '') {
    reasons.push({
      code: 'CERTIFICATE_NUMBER_MISSING',
      field: 'number',
      zh: '1+X 职业技能等级证书须填写证书编号',
      en: 'A 1+X certificate needs its certificate number',
    });
  }
  const issuer = outcome.issuer.trim();
  if (
    number !== '' &&
    context.recognised.some(
      (r) => r.issuer.trim() === issuer && normaliseCertificateNumber(r.number) === number,
    )
  ) {
    reasons.push({
      code: 'OUTCOME_ALREADY_RECOGNISED',
      field: 'number',
      zh: `${issuer} 颁发的证书 ${number} 已认定，不能重复认定`,
      en: `Certificate ${number} of ${issuer} is already recognised: it cannot be recognised twice`,
    });
  }
  const entry = catalogue === null ? null : matchingEntry(outcome, catalogue);
  if (reasons.length > 0 || catalogue === null || entry === null) return { ok: false, reasons };
  return { ok: true, catalogue, entry, suggestedCredits: entry.suggestedCredits };
}
