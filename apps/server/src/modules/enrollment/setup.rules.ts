import { AppError } from '../../platform/errors/app-error.ts';
import { Problems } from './enrollment.problems.ts';
import type { BatchInput, SeasonInput } from './enrollment.schema.ts';

/** Subject keys are unique, and the tie-break names subjects of the season, each once. */
export function checkSeasonInput(input: SeasonInput): void {
  const p = new Problems();
  const keys = input.subjects.map((s) => s.key);
  input.subjects.forEach((s, i) => {
    if (keys.indexOf(s.key) !== i)
      p.add(`subjects.${i}.key`, 'DUPLICATE', `科目 ${s.key} 重复`, `Subject ${s.key} is listed twice`);
  });
  input.tieBreak.forEach((k, i) => {
    if (!keys.includes(k))
      p.add(
        `tieBreak.${i}`,
        'SUBJECT_UNKNOWN',
        `同分排序科目 ${k} 不是本年度考试科目`,
        `Tie-break subject ${k} is not a subject of this season`,
      );
    else if (input.tieBreak.indexOf(k) !== i)
      p.add(`tieBreak.${i}`, 'DUPLICATE', `同分排序科目 ${k} 重复`, `Tie-break subject ${k} is listed twice`);
  });
  p.throwIfAny();
}

/** The 409 for a second season of the same admission year, naming the field. */
export function seasonExists(admissionYear: number): AppError {
  return new AppError('ENROLLMENT_SEASON_EXISTS', 409, [
    {
      field: 'admissionYear',
      code: 'ENROLLMENT_SEASON_EXISTS',
      message: `${admissionYear} 年招生季已存在`,
      messageEn: `The ${admissionYear} season already exists`,
    },
  ]);
}

/** A new batch's window lies ahead and closes after it opens; its code and position are free. */
export function checkBatchInput(
  input: BatchInput,
  batches: ReadonlyArray<{ code: string; position: number }>,
  now: Date,
): { opensAt: Date; closesAt: Date } {
  const p = new Problems();
  const opensAt = new Date(input.opensAt);
  const closesAt = new Date(input.closesAt);
  if (closesAt <= opensAt)
    p.add('closesAt', 'WINDOW_ORDER', '截止时间须晚于开始时间', 'The window must close after it opens');
  if (opensAt <= now)
    p.add('opensAt', 'WINDOW_PAST', '填报开始时间须晚于当前时间', 'The window must open in the future');
  if (batches.some((b) => b.code === input.code))
    p.add('code', 'DUPLICATE', `批次代码 ${input.code} 已存在`, `Batch code ${input.code} already exists`);
  if (batches.some((b) => b.position === input.position))
    p.add(
      'position',
      'DUPLICATE',
      `批次顺序 ${input.position} 已被占用`,
      `Batch position ${input.position} is taken`,
    );
  p.throwIfAny();
  return { opensAt, closesAt };
}

/** A season opens with at least one batch and one program. */
export function checkReadyToOpen(batches: number, programs: number): void {
  const p = new Problems();
  if (batches === 0) p.add('batches', 'REQUIRED', '请先设置至少一个录取批次', 'Add at least one batch first');
  if (programs === 0)
    p.add('programs', 'REQUIRED', '请先设置至少一个招生计划', 'Add at least one program first');
  p.throwIfAny();
}
