import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { parse } from 'yaml';

/** One major of the national catalogue. */
export interface CatalogueMajor {
  code: string;
  name: string;
  categoryCode: string;
  categoryName: string;
  /** The code was checked against a published source; false = the editor's recollection. */
  verified: boolean;
}

/** A version of the 中职 major catalogue as read from its data file. */
export interface MajorCatalogue {
  version: string;
  title: string;
  majors: CatalogueMajor[];
}

/** The 2021 catalogue shipped in the repository (plans/catalogue). */
export const CATALOGUE_2021_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../../plans/catalogue/secondary-vocational-2021.yaml',
);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses and checks a catalogue file: a four-digit version, categories with two-digit codes,
 * majors with six-digit codes that start with their category's code, no code twice. Throws with
 * every problem listed (the file is the repository's own data; a bad file is a build error).
 *
 * @example parseCatalogue(fs.readFileSync(CATALOGUE_2021_FILE, 'utf8')).majors.length // 24
 */
export function parseCatalogue(text: string): MajorCatalogue {
  const doc: unknown = parse(text);
  const problems: string[] = [];
  if (!isRecord(doc)) throw new Error('catalogue file: not a mapping');
  const version = String(doc.version ?? '');
  if (!/^\d{4}$/.test(version)) problems.push(`version "${version}" is not a four-digit year`);
  const categories = new Map<string, string>();
  for (const c of Array.isArray(doc.categories) ? doc.categories : []) {
    if (!isRecord(c) || !/^\d{2}$/.test(String(c.code)) || typeof c.name !== 'string' || !c.name) {
      problems.push(`category ${JSON.stringify(c)} needs a two-digit code and a name`);
    } else categories.set(String(c.code), c.name);
  }
  const majors: CatalogueMajor[] = [];
  const seen = new Set<string>();
  for (const m of Array.isArray(doc.majors) ? doc.majors : []) {
    const code = isRecord(m) ? String(m.code) : '';
    const category = isRecord(m) ? String(m.category) : '';
    if (!isRecord(m) || !/^\d{6}$/.test(code) || typeof m.name !== 'string' || !m.name.trim()) {
      problems.push(`major ${JSON.stringify(m)} needs a six-digit code and a name`);
    } else if (!categories.has(category) || !code.startsWith(category)) {
      problems.push(
        `major ${code} ${m.name}: category ${category} unknown or not the code's first two digits`,
      );
    } else if (seen.has(code)) {
      problems.push(`major ${code} is listed twice`);
    } else if (typeof m.verified !== 'boolean') {
      problems.push(`major ${code}: verified must be true or false`);
    } else {
      seen.add(code);
      majors.push({
        code,
        name: m.name.trim(),
        categoryCode: category,
        categoryName: categories.get(category)!,
        verified: m.verified,
      });
    }
  }
  if (majors.length === 0) problems.push('no majors');
  if (problems.length > 0) throw new Error(`catalogue file: ${problems.join('; ')}`);
  return { version, title: String(doc.title ?? ''), majors };
}

/** Reads a catalogue data file from disk. */
export function readCatalogueFile(file: string): MajorCatalogue {
  return parseCatalogue(fs.readFileSync(file, 'utf8'));
}

/**
 * Upserts one catalogue version into `major_catalogue` (idempotent: names and flags follow the
 * file; entries the file no longer lists stay, since majors may still name them).
 */
export async function syncMajorCatalogue(db: Kysely<unknown>, catalogue: MajorCatalogue): Promise<number> {
  for (const m of catalogue.majors) {
    await sql`
      INSERT INTO major_catalogue (version, code, name, category_code, category_name, verified)
      VALUES (${catalogue.version}, ${m.code}, ${m.name}, ${m.categoryCode}, ${m.categoryName}, ${m.verified})
      ON CONFLICT (version, code) DO UPDATE SET name = excluded.name, category_code = excluded.category_code,
        category_name = excluded.category_name, verified = excluded.verified`.execute(db);
  }
  return catalogue.majors.length;
}
