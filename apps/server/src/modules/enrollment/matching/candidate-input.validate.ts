import { ID_KINDS, keyPath, KINDS, messages } from './matching-issues.ts';
import type { ProgramIndex } from './program-input.validate.ts';
import { isObject, type IssueCollector, type JsonObject } from './validation-context.ts';

/**
 * Candidate id → index of its first occurrence, for `rankBy` checks that run before the
 * candidates are validated in full (so issues still come out in document order).
 */
export function indexCandidateIds(raw: unknown): Map<string, number> {
  const ids = new Map<string, number>();
  if (!Array.isArray(raw)) return ids;
  for (let i = 0; i < raw.length; i++) {
    const c: unknown = raw[i];
    if (isObject(c) && typeof c.id === 'string' && c.id !== '' && !ids.has(c.id)) ids.set(c.id, i);
  }
  return ids;
}

/**
 * Checks `$.candidates`: ids (present, unique), numeric `score`/`bonus`/subjects, every tie-break
 * subject present, `school` a string, and preferences naming known programs, each at most once.
 * It runs over a province's 400,000 candidates and 4.8 million preferences, so each candidate
 * first goes through {@link isCleanCandidate} — plain loads and compares, no JSON paths — and
 * only one that fails it is checked again by {@link validateCandidate}, which builds the paths
 * and records the issues.
 */
export function validateCandidates(
  raw: unknown,
  tieBreak: readonly string[],
  candidateIds: ReadonlyMap<string, number>,
  programs: ProgramIndex,
  out: IssueCollector,
): void {
  if (!out.expectArray(raw, '$.candidates', 'candidates')) return;
  // seen[p] = 1 + index of the candidate whose preferences last named program p: the fast check's
  // own marks, so a candidate it gives up on half-way is checked afresh.
  const seen = new Int32Array(programs.count);
  const lastSeen = new Int32Array(programs.count);
  const firstAt = new Int32Array(programs.count);
  for (let i = 0; i < raw.length; i++) {
    const c: unknown = raw[i];
    if (!isCleanCandidate(c, i, tieBreak, candidateIds, programs.byId, seen))
      validateCandidate(c, i, tieBreak, candidateIds, programs, out, lastSeen, firstAt);
  }
}

/** True when {@link validateCandidate} would find nothing wrong with candidate `i`. */
function isCleanCandidate(
  c: unknown,
  i: number,
  tieBreak: readonly string[],
  candidateIds: ReadonlyMap<string, number>,
  programOf: Record<string, number>,
  seen: Int32Array,
): boolean {
  if (!isObject(c)) return false;
  const { id, score, bonus, school, subjects, preferences } = c;
  if (typeof id !== 'string' || id === '' || candidateIds.get(id) !== i) return false;
  if (typeof score !== 'number' || !Number.isFinite(score)) return false;
  if (bonus !== undefined && (typeof bonus !== 'number' || !Number.isFinite(bonus))) return false;
  if (school !== undefined && (typeof school !== 'string' || school === '')) return false;
  if (subjects !== undefined) {
    if (!isObject(subjects)) return false;
    for (const name in subjects) {
      const value = subjects[name];
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
    }
  }
  for (let t = 0; t < tieBreak.length; t++) if (subjects?.[tieBreak[t]!] === undefined) return false;
  if (!Array.isArray(preferences)) return false;
  for (let j = 0; j < preferences.length; j++) {
    const pref: unknown = preferences[j];
    if (typeof pref !== 'string' || pref === '') return false;
    const p = programOf[pref];
    if (p === undefined || seen[p] === i + 1) return false;
    seen[p] = i + 1;
  }
  return true;
}

/** Checks candidate `i` in full, recording each problem with its JSON path. */
function validateCandidate(
  c: unknown,
  i: number,
  tieBreak: readonly string[],
  candidateIds: ReadonlyMap<string, number>,
  programs: ProgramIndex,
  out: IssueCollector,
  lastSeen: Int32Array,
  firstAt: Int32Array,
): void {
  const path = `$.candidates[${i}]`;
  if (!out.expectObject(c, path, 'candidates[]')) return;
  if (out.expectString(c.id, `${path}.id`, 'id')) {
    const first = candidateIds.get(c.id);
    if (first !== i)
      out.add(
        'MATCHING_DUPLICATE_ID',
        `${path}.id`,
        messages.duplicateId(ID_KINDS.candidate, c.id, `$.candidates[${first}].id`),
      );
  }
  out.expectScore(c.score, `${path}.score`, 'score', true);
  out.expectScore(c.bonus, `${path}.bonus`, 'bonus', false);
  if (c.school !== undefined) out.expectString(c.school, `${path}.school`, 'school');
  validateSubjects(c, path, tieBreak, out);
  if (!out.expectArray(c.preferences, `${path}.preferences`, 'preferences')) return;
  const prefs = c.preferences;
  for (let j = 0; j < prefs.length; j++) {
    const pref: unknown = prefs[j];
    const prefPath = `${path}.preferences[${j}]`;
    if (!out.expectString(pref, prefPath, 'preferences[]')) continue;
    const p = programs.byId[pref];
    if (p === undefined) {
      out.add('MATCHING_UNKNOWN_PROGRAM', prefPath, messages.unknownProgram(pref));
    } else if (lastSeen[p] === i + 1) {
      const firstPath = `${path}.preferences[${firstAt[p]}]`;
      out.add('MATCHING_DUPLICATE_PREFERENCE', prefPath, messages.duplicatePreference(pref, firstPath));
    } else {
      lastSeen[p] = i + 1;
      firstAt[p] = j;
    }
  }
}

function validateSubjects(
  c: JsonObject,
  path: string,
  tieBreak: readonly string[],
  out: IssueCollector,
): void {
  const subjectsPath = `${path}.subjects`;
  const subjects = c.subjects;
  if (subjects !== undefined && !isObject(subjects)) {
    out.add('MATCHING_INVALID_TYPE', subjectsPath, messages.invalidType(KINDS.object, subjects));
    return;
  }
  if (subjects !== undefined) {
    for (const name in subjects) out.expectScore(subjects[name], keyPath(subjectsPath, name), name, true);
  }
  for (const name of tieBreak) {
    if (subjects?.[name] === undefined)
      out.add(
        'MATCHING_TIE_BREAK_SUBJECT_MISSING',
        keyPath(subjectsPath, name),
        messages.tieBreakSubjectMissing(name),
      );
  }
}
