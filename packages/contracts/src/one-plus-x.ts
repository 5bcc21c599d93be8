/**
 * 1+X participation and pass rates (task （十六）): the figures per school, per school and major,
 * and for the district, shared by server and web — their names, labels and how a rate is taken.
 */

type Label = { zh: string; en: string };

/** A year's 1+X figures of a set of learners (a school, a school's major, the district). */
export interface OnePlusXFigures {
  /** Learners on the register (在籍) at the year's end. */
  onRegister: number;
  /** Distinct learners who sat at least one 1+X assessment in the year. */
  participants: number;
  /** participants ÷ onRegister × 100, one decimal; null with no learner on the register. */
  participationRate: number | null;
  /** Sittings (考核记录) in the year. */
  sittings: number;
  /** Sittings passed (合格). */
  passes: number;
  /** passes ÷ sittings × 100, one decimal; null with no sitting. */
  passRate: number | null;
  /** The year's passes whose certificate the credit bank recognised (已认定). */
  recognised: number;
}

export const ONE_PLUS_X_FIGURE_KEYS = [
  'onRegister',
  'participants',
  'participationRate',
  'sittings',
  'passes',
  'passRate',
  'recognised',
] as const satisfies ReadonlyArray<keyof OnePlusXFigures>;

export const ONE_PLUS_X_FIGURE_LABELS: Record<keyof OnePlusXFigures, Label> = {
  onRegister: { zh: '在籍学生', en: 'On the register' },
  participants: { zh: '参考人数', en: 'Participants' },
  participationRate: { zh: '参与率', en: 'Participation rate' },
  sittings: { zh: '考核人次', en: 'Sittings' },
  passes: { zh: '合格人次', en: 'Passes' },
  passRate: { zh: '通过率', en: 'Pass rate' },
  recognised: { zh: '学分银行认定证书', en: 'Certificates recognised' },
};

/**
 * A share as a percentage with one decimal, or null when there is nothing to divide by.
 *
 * @example percentOf(2, 3) // 66.7
 */
export function percentOf(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 1000) / 10;
}

/** The figures from the counts: the rates derived. */
export function onePlusXFigures(c: {
  onRegister: number;
  participants: number;
  sittings: number;
  passes: number;
  recognised: number;
}): OnePlusXFigures {
  return {
    onRegister: c.onRegister,
    participants: c.participants,
    participationRate: percentOf(c.participants, c.onRegister),
    sittings: c.sittings,
    passes: c.passes,
    passRate: percentOf(c.passes, c.sittings),
    recognised: c.recognised,
  };
}
