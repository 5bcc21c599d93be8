/**
 * Pinyin order in the database, the same on PostgreSQL and PGlite.
 *
 * PostgreSQL 15 here has ICU with Chinese tailoring (`zh-x-icu` sorts 阿 白 陈 … 周), but PGlite
 * (0.5.x) ships ICU with the root collation only: `und-x-icu` exists, `zh-x-icu` does not, and a
 * collation created with `locale = 'zh'` sorts Han characters by code point (刘 吴 周 孙 张 …).
 * Tests and the embedded install run on PGlite, so an `ORDER BY name COLLATE "zh-x-icu"` would not
 * even parse there. Instead a list that sorts by a name stores a key computed here, from Node's
 * own ICU (`Intl.Collator('zh')`, the collation the web's column sorters use), that sorts in byte
 * order (`COLLATE "C"`) exactly as the collator's primary level does: each character becomes the
 * rank of its primary weight among the characters names are written in.
 */

/** The collator of Chinese (pinyin) order, as the web's `lib/sorters.ts` uses. */
export const zhCollator = new Intl.Collator('zh', { sensitivity: 'variant' });

/** Ranges ranked: ASCII, Latin-1 and Latin Extended (pinyin with tones), punctuation, Han. */
const RANKED_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x2000, 0x206f],
  [0x3000, 0x303f],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0xff01, 0xff5e],
];

let ranks: Map<string, number> | null = null;

/**
 * Each ranked character's dense rank under the collator's primary strength (a = A, 张 < 章); a
 * character the collator ignores maps to -1. Built once, on first use (about 0.1 s).
 */
function primaryRanks(): Map<string, number> {
  if (ranks) return ranks;
  const primary = new Intl.Collator('zh', { sensitivity: 'base' });
  const chars: string[] = [];
  for (const [from, to] of RANKED_RANGES)
    for (let cp = from; cp <= to; cp++) chars.push(String.fromCodePoint(cp));
  chars.sort(primary.compare);
  const out = new Map<string, number>();
  let rank = 0;
  let previous: string | null = null;
  for (const ch of chars) {
    if (primary.compare(ch, '') === 0) {
      out.set(ch, -1);
      continue;
    }
    if (previous !== null && primary.compare(previous, ch) !== 0) rank++;
    out.set(ch, rank);
    previous = ch;
  }
  ranks = out;
  return out;
}

/**
 * A key that sorts under `COLLATE "C"` as `text` does in Chinese (pinyin) order: four hex digits
 * per ranked character (its primary rank + 1; ranks stay far below 0xf000), `f` and six hex digits
 * of the code point for any other (rare characters outside the BMP's Han blocks, after all ranked
 * ones). The codes are prefix-free, so a name sorts before its extensions (张 < 张三). Characters
 * the collator ignores add nothing; case and width do not count (ties are for the caller's
 * tiebreak, e.g. the record's id). Digits sort one by one, not as numbers.
 *
 * @example sortKey('阿明') < sortKey('白雪') && sortKey('白雪') < sortKey('周杰') // true
 */
export function sortKey(text: string): string {
  const table = primaryRanks();
  let key = '';
  for (const ch of text.normalize('NFC')) {
    const rank = table.get(ch);
    if (rank === -1) continue;
    key +=
      rank === undefined
        ? `f${ch.codePointAt(0)!.toString(16).padStart(6, '0')}`
        : (rank + 1).toString(16).padStart(4, '0');
  }
  return key;
}
