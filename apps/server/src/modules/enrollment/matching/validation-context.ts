import { issue, keyPath, KINDS, messages, type MatchingIssueCode } from './matching-issues.ts';
import type { MatchingIssue } from './matching.types.ts';

/** A JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>;

/** True for a plain JSON object. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Collects the problems of one validation run. The `expect…` helpers record a problem and return
 * whether the value passed, so a validator keeps going and reports everything in one go.
 */
export class IssueCollector {
  readonly issues: MatchingIssue[] = [];

  add(code: MatchingIssueCode, path: string, message: { zh: string; en: string }): void {
    this.issues.push(issue(code, path, message));
  }

  /** A present, non-empty string. */
  expectString(value: unknown, path: string, field: string): value is string {
    if (value === undefined) this.add('MATCHING_FIELD_REQUIRED', path, messages.required(field));
    else if (typeof value !== 'string' || value === '')
      this.add('MATCHING_INVALID_TYPE', path, messages.invalidType(KINDS.string, value));
    else return true;
    return false;
  }

  /** A finite number (a score); `required` decides whether absence is a problem. */
  expectScore(value: unknown, path: string, field: string, required: boolean): boolean {
    if (value === undefined) {
      if (required) this.add('MATCHING_FIELD_REQUIRED', path, messages.required(field));
      return !required;
    }
    if (typeof value === 'number' && Number.isFinite(value)) return true;
    this.add('MATCHING_NOT_A_NUMBER', path, messages.notANumber(value));
    return false;
  }

  /** A whole, non-negative number of seats. */
  expectSeats(value: unknown, path: string, field: string): value is number {
    if (value === undefined) this.add('MATCHING_FIELD_REQUIRED', path, messages.required(field));
    else if (typeof value !== 'number' || !Number.isFinite(value))
      this.add('MATCHING_INVALID_TYPE', path, messages.invalidType(KINDS.number, value));
    else if (!Number.isInteger(value)) this.add('MATCHING_NOT_INTEGER', path, messages.notInteger(value));
    else if (value < 0) this.add('MATCHING_NEGATIVE_CAPACITY', path, messages.negativeCapacity(value));
    else return true;
    return false;
  }

  /** A present array. */
  expectArray(value: unknown, path: string, field: string): value is unknown[] {
    if (value === undefined) this.add('MATCHING_FIELD_REQUIRED', path, messages.required(field));
    else if (!Array.isArray(value))
      this.add('MATCHING_INVALID_TYPE', path, messages.invalidType(KINDS.array, value));
    else return true;
    return false;
  }

  /** A JSON object (present when `required`). */
  expectObject(value: unknown, path: string, field: string, required = true): value is JsonObject {
    if (value === undefined) {
      if (required) this.add('MATCHING_FIELD_REQUIRED', path, messages.required(field));
    } else if (!isObject(value)) {
      this.add('MATCHING_INVALID_TYPE', path, messages.invalidType(KINDS.object, value));
    } else return true;
    return false;
  }

  /** Only the listed fields (a misspelt `minscore` must not be silently ignored). */
  expectOnlyFields(value: JsonObject, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key))
        this.add('MATCHING_UNKNOWN_FIELD', keyPath(path, key), messages.unknownField(key, allowed));
    }
  }
}
