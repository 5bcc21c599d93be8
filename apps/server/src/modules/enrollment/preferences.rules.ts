import { AppError } from '../../platform/errors/app-error.ts';
import { Problems } from './enrollment.problems.ts';

/** Choices change only while the batch's window is open: 409 before it opens and once it has closed. */
export function checkWindowOpen(batch: { opensAt: Date; closesAt: Date }, now: Date): void {
  if (now < batch.opensAt) throw new AppError('ENROLLMENT_WINDOW_NOT_OPEN', 409);
  if (now >= batch.closesAt) throw new AppError('ENROLLMENT_WINDOW_CLOSED', 409);
}

/** Whether the batch's window is open at `now`. */
export function windowOpen(batch: { opensAt: Date; closesAt: Date }, now: Date): boolean {
  return now >= batch.opensAt && now < batch.closesAt;
}

/** At most the batch's number of choices, each a program of the batch, none twice. */
export function checkChoices(
  choices: readonly string[],
  batch: { maxChoices: number },
  programs: ReadonlyArray<{ id: string }>,
): void {
  const p = new Problems();
  if (choices.length > batch.maxChoices)
    p.add(
      'choices',
      'TOO_MANY_CHOICES',
      `本批次最多填报 ${batch.maxChoices} 个志愿`,
      `At most ${batch.maxChoices} choices in this batch`,
    );
  choices.forEach((id, i) => {
    if (!programs.some((pr) => pr.id === id))
      p.add(
        `choices.${i}`,
        'PROGRAM_NOT_IN_BATCH',
        '该招生计划不属于本批次',
        'The program is not offered in this batch',
      );
    else if (choices.indexOf(id) !== i)
      p.add(`choices.${i}`, 'DUPLICATE', '同一志愿不能重复填报', 'A program is listed twice');
  });
  p.throwIfAny();
}
