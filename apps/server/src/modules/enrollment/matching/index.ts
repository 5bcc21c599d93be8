/**
 * The enrolment matching engine (平行志愿 generalised to deferred acceptance), pure and
 * deterministic: no I/O, same input → same output. Issue 4 gives the format; `zhijiao enrollment
 * match` is its command-line face.
 */
import { deferredAcceptance } from './deferred-acceptance.ts';
import { buildMatchingOutput } from './matching-output.ts';
import type { MatchingInput, MatchingOutput } from './matching.types.ts';
import { buildProposalLists, rankOwnApplicants, readCandidateKeys } from './proposal-lists.ts';
import { buildSeatModel } from './seat-model.ts';
import { rankCandidates } from './ranking.ts';

export { formatMatchingOutput } from './matching-output.ts';
export { validateMatchingInput } from './matching-input.validate.ts';
export { MATCHING_ISSUE_CODES, type MatchingIssueCode } from './matching-issues.ts';
export {
  TRACKS,
  type Assignment,
  type CandidateInput,
  type Cutoff,
  type MatchingInput,
  type MatchingIssue,
  type MatchingOutput,
  type MatchingSummary,
  type MatchingValidation,
  type ProgramInput,
  type ProgramResult,
  type RequiredValue,
  type ReservedGroupInput,
  type ReservedGroupResult,
  type Track,
} from './matching.types.ts';

/**
 * Matches one batch: ranks candidates once (score + bonus, tie-break subjects, id; a program's own
 * `rankBy` where given), expands preferences to eligible seats (reserved seats first for their
 * schools' candidates), runs candidate-proposing deferred acceptance and reports assignments,
 * fill and cut-offs. The input must have passed `validateMatchingInput`.
 * @example
 * const v = validateMatchingInput(JSON.parse(text));
 * if (v.ok) formatMatchingOutput(matchSeason(v.input));
 */
export function matchSeason(input: MatchingInput): MatchingOutput {
  const model = buildSeatModel(input.programs);
  const keys = readCandidateKeys(input);
  const ranking = rankCandidates(keys);
  const { lists, own } = buildProposalLists(input, model, keys);
  rankOwnApplicants(own, lists.ownRank, ranking);
  const holders = deferredAcceptance(lists, model.seatCapacity, ranking);
  return buildMatchingOutput(input, keys, ranking, model, lists, holders);
}
