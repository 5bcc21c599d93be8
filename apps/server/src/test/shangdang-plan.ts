import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The Shangdang action plan file (plans/shangdang/action-plan.yaml) for tests, and versions of it
 * they craft. Free of app imports, so unit tests use it too. Tests derive the versions they import
 * from `SHANGDANG_VERSION` (+ 1, + 2 …) so that a new version of the file needs no test changes.
 */
export const SHANGDANG_PLAN_FILE = fileURLToPath(
  new URL('../../../../plans/shangdang/action-plan.yaml', import.meta.url),
);

const VERSION_LINE = /^version: (\d+)$/m;
const STATUS_LINE = /^status: (\w+)$/m;

const fileText = fs.readFileSync(SHANGDANG_PLAN_FILE, 'utf8');

function lineValue(pattern: RegExp, what: string): string {
  const value = pattern.exec(fileText)?.[1];
  if (value === undefined) throw new Error(`${SHANGDANG_PLAN_FILE} has no top-level "${what}:" line`);
  return value;
}

/** The version the file declares (`version: N`): the version `seedShangdang` imports. */
export const SHANGDANG_VERSION = Number(lineValue(VERSION_LINE, 'version'));

/** The status the file declares (`status: …`). */
export const SHANGDANG_STATUS = lineValue(STATUS_LINE, 'status');

/** The file's text, with its `version:` and/or `status:` line replaced when given. */
export function shangdangPlanText(opts: { version?: number; status?: string } = {}): string {
  let text = fileText;
  if (opts.version !== undefined) text = text.replace(VERSION_LINE, `version: ${opts.version}`);
  if (opts.status !== undefined) text = text.replace(STATUS_LINE, `status: ${opts.status}`);
  return text;
}
