import { ID_KINDS, keyPath, KINDS, messages } from './matching-issues.ts';
import { TRACKS } from './matching.types.ts';
import type { IssueCollector, JsonObject } from './validation-context.ts';

const PROGRAM_FIELDS = ['id', 'name', 'track', 'capacity', 'minScore', 'reserved', 'requires', 'rankBy'];
const RESERVED_FIELDS = ['id', 'capacity', 'schools'];

/** What the candidate checks need to know about the programs. */
export interface ProgramIndex {
  /** Program id → index of its first occurrence. */
  byId: Record<string, number>;
  count: number;
}

/**
 * Checks `$.programs`: fields and their types, duplicate program and reserved-group ids, capacities
 * (whole, non-negative, reserved ≤ capacity), a school in two reserved groups, `requires` values,
 * and `rankBy` entries (numeric, naming known candidates).
 */
export function validatePrograms(
  raw: unknown,
  candidateIds: ReadonlyMap<string, number>,
  out: IssueCollector,
): ProgramIndex {
  const byId: Record<string, number> = Object.create(null);
  const index: ProgramIndex = { byId, count: 0 };
  if (!out.expectArray(raw, '$.programs', 'programs')) return index;
  index.count = raw.length;
  const reservedIds = new Map<string, string>();
  raw.forEach((program, i) => {
    const path = `$.programs[${i}]`;
    if (!out.expectObject(program, path, 'programs[]')) return;
    out.expectOnlyFields(program, path, PROGRAM_FIELDS);
    if (out.expectString(program.id, `${path}.id`, 'id')) {
      const first = byId[program.id];
      if (first === undefined) byId[program.id] = i;
      else
        out.add(
          'MATCHING_DUPLICATE_ID',
          `${path}.id`,
          messages.duplicateId(ID_KINDS.program, program.id, `$.programs[${first}].id`),
        );
    }
    if (program.name !== undefined) out.expectString(program.name, `${path}.name`, 'name');
    if (out.expectString(program.track, `${path}.track`, 'track') && !isTrack(program.track))
      out.add('MATCHING_INVALID_VALUE', `${path}.track`, messages.notOneOf(program.track, TRACKS));
    const capacityOk = out.expectSeats(program.capacity, `${path}.capacity`, 'capacity');
    out.expectScore(program.minScore, `${path}.minScore`, 'minScore', false);
    const reserved = validateReserved(program.reserved, path, reservedIds, out);
    if (capacityOk && reserved > (program.capacity as number))
      out.add(
        'MATCHING_RESERVED_OVER_CAPACITY',
        `${path}.reserved`,
        messages.reservedOverCapacity(reserved, program.capacity as number),
      );
    validateRequires(program.requires, `${path}.requires`, out);
    validateRankBy(program.rankBy, `${path}.rankBy`, candidateIds, out);
  });
  return index;
}

function isTrack(value: string): boolean {
  return (TRACKS as readonly string[]).includes(value);
}

/** Checks one program's reserved groups; returns the sum of their valid capacities. */
function validateReserved(
  raw: unknown,
  programPath: string,
  reservedIds: Map<string, string>,
  out: IssueCollector,
): number {
  const path = `${programPath}.reserved`;
  if (raw === undefined || !out.expectArray(raw, path, 'reserved')) return 0;
  const schoolsSeen = new Map<string, string>();
  let total = 0;
  raw.forEach((group, j) => {
    const groupPath = `${path}[${j}]`;
    if (!out.expectObject(group, groupPath, 'reserved[]')) return;
    out.expectOnlyFields(group, groupPath, RESERVED_FIELDS);
    if (out.expectString(group.id, `${groupPath}.id`, 'id')) {
      const first = reservedIds.get(group.id);
      if (first === undefined) reservedIds.set(group.id, `${groupPath}.id`);
      else
        out.add(
          'MATCHING_DUPLICATE_ID',
          `${groupPath}.id`,
          messages.duplicateId(ID_KINDS.reserved, group.id, first),
        );
    }
    if (out.expectSeats(group.capacity, `${groupPath}.capacity`, 'capacity')) total += group.capacity;
    validateSchools(group, groupPath, schoolsSeen, out);
  });
  return total;
}

/** A school may appear once across all reserved groups of one program. */
function validateSchools(
  group: JsonObject,
  groupPath: string,
  schoolsSeen: Map<string, string>,
  out: IssueCollector,
): void {
  if (!out.expectArray(group.schools, `${groupPath}.schools`, 'schools')) return;
  group.schools.forEach((school, k) => {
    const schoolPath = `${groupPath}.schools[${k}]`;
    if (!out.expectString(school, schoolPath, 'schools[]')) return;
    const first = schoolsSeen.get(school);
    if (first === undefined) schoolsSeen.set(school, schoolPath);
    else out.add('MATCHING_SCHOOL_IN_TWO_GROUPS', schoolPath, messages.schoolInTwoGroups(school, first));
  });
}

function validateRequires(raw: unknown, path: string, out: IssueCollector): void {
  if (!out.expectObject(raw, path, 'requires', false)) return;
  for (const [field, value] of Object.entries(raw)) {
    const t = typeof value;
    if (t === 'string' || t === 'boolean' || (t === 'number' && Number.isFinite(value))) continue;
    out.add('MATCHING_INVALID_TYPE', keyPath(path, field), messages.invalidType(KINDS.scalar, value));
  }
}

function validateRankBy(
  raw: unknown,
  path: string,
  candidateIds: ReadonlyMap<string, number>,
  out: IssueCollector,
): void {
  if (!out.expectObject(raw, path, 'rankBy', false)) return;
  for (const [id, value] of Object.entries(raw)) {
    // A province's rankBy lists run to 100,000 entries: build a path only for a faulty one.
    if (typeof value === 'number' && Number.isFinite(value) && candidateIds.has(id)) continue;
    const entryPath = keyPath(path, id);
    if (!candidateIds.has(id))
      out.add('MATCHING_UNKNOWN_CANDIDATE', entryPath, messages.unknownCandidate(id));
    out.expectScore(value, entryPath, id, true);
  }
}
