import { indexCandidateIds, validateCandidates } from './candidate-input.validate.ts';
import { messages } from './matching-issues.ts';
import type { MatchingInput, MatchingValidation } from './matching.types.ts';
import { validatePrograms } from './program-input.validate.ts';
import { IssueCollector } from './validation-context.ts';

const ROOT_FIELDS = ['tieBreak', 'programs', 'candidates'];

/**
 * Checks parsed JSON against the matching input format and lists every problem with its JSON path,
 * so whoever prepared the file fixes them all in one go. Pure: no I/O.
 * On success the same object is returned, typed; `matchSeason` relies on this having passed.
 * @example
 * const v = validateMatchingInput(JSON.parse(text));
 * if (!v.ok) v.issues // [{ path: '$.candidates[3].preferences[1]', code: 'MATCHING_UNKNOWN_PROGRAM', … }]
 */
export function validateMatchingInput(raw: unknown): MatchingValidation {
  const out = new IssueCollector();
  if (!out.expectObject(raw, '$', 'input')) return { ok: false, issues: out.issues };
  out.expectOnlyFields(raw, '$', ROOT_FIELDS);
  const tieBreak = validateTieBreak(raw.tieBreak, out);
  const candidateIds = indexCandidateIds(raw.candidates);
  const programs = validatePrograms(raw.programs, candidateIds, out);
  validateCandidates(raw.candidates, tieBreak, candidateIds, programs, out);
  if (out.issues.length > 0) return { ok: false, issues: out.issues };
  return { ok: true, input: raw as unknown as MatchingInput };
}

/** The usable tie-break subjects; problems with the list itself are recorded. */
function validateTieBreak(raw: unknown, out: IssueCollector): string[] {
  if (!out.expectArray(raw, '$.tieBreak', 'tieBreak')) return [];
  const subjects: string[] = [];
  raw.forEach((subject, i) => {
    const path = `$.tieBreak[${i}]`;
    if (!out.expectString(subject, path, 'tieBreak[]')) return;
    if (subjects.includes(subject))
      out.add('MATCHING_DUPLICATE_SUBJECT', path, messages.duplicateSubject(subject));
    else subjects.push(subject);
  });
  return subjects;
}
