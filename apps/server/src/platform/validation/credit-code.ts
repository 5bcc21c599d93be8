/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015; DOMAIN.md, "Identifiers"): 18
 * characters from `0-9 A-H J-N P-R T-Y` in five parts, each checked here in order, and a refusal names
 * the character to look at (1-based) with the reason in Chinese and English:
 *
 * | position | part | check |
 * | --- | --- | --- |
 * | 1 | 登记管理部门代码 registration authority | one of REGISTRATION_AUTHORITIES |
 * | 2 | 机构类别代码 organisation type | one of that authority's types |
 * | 3–8 | 登记管理机关行政区划码 (GB/T 2260) | six digits, a known province-level prefix |
 * | 9–17 | 主体标识码 = 组织机构代码 (GB 11714-1997) | position 17 is its own check character |
 * | 18 | 校验码 | `31 − (Σ value·W mod 31)` over the first 17 |
 *
 * A check character cannot say which character is wrong: when the organisation code's check fails
 * the refusal names position 17 (one of 9–17 is wrong), when the final one fails position 18.
 * Where a pair of characters is inconsistent (authority and type, the province's two digits), the
 * position is the first character no valid code could continue: the type (2), or the province's
 * second digit (4) unless no province code starts with its first (3).
 * Pure functions, no I/O.
 */
import type { IdentifierError } from './identifiers.ts';

export type CreditCodeErrorCode =
  | 'USCC_FORMAT'
  | 'USCC_CHARACTER'
  | 'USCC_AUTHORITY'
  | 'USCC_ORG_TYPE'
  | 'USCC_DIVISION'
  | 'USCC_ORG_CODE_CHECKSUM'
  | 'USCC_CHECKSUM';

type Text = { zh: string; en: string };

/** A valid code with what its parts say, or why it is not valid and where (1-based; null: length). */
export type CreditCodeResult =
  | {
      ok: true;
      normalized: string;
      authority: Text & { code: string };
      orgType: Text & { code: string };
      /** Positions 3–8: the registering authority's administrative division (GB/T 2260). */
      division: string;
      /** Positions 9–17: the 组织机构代码 with its check character. */
      orgCode: string;
    }
  | (IdentifierError<CreditCodeErrorCode> & { position: number | null });

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** GB 11714-1997: weights of the 8 body characters of an organisation code. */
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * GB 32100-2015 table 1 (登记管理部门代码 and 机构类别代码), with the types announced since
 * (商事调解组织 36, 村民/居民委员会 54/55, 非法人工会组织 82, 市场监管 其他 99, 公安 G, 住建 J,
 * 侨联 Q). A new authority or type is one more row here; until then codes using it are refused.
 */
export const REGISTRATION_AUTHORITIES: Record<string, Text & { types: Record<string, Text> }> = {
  '1': {
    zh: '机构编制',
    en: 'establishment administration',
    types: {
      '1': { zh: '机关', en: 'government organ' },
      '2': { zh: '事业单位', en: 'public institution' },
      '3': {
        zh: '中央编办直接管理机构编制的群众团体',
        en: 'mass organisation staffed by the central office',
      },
      '9': { zh: '其他', en: 'other' },
    },
  },
  '2': {
    zh: '外交',
    en: 'foreign affairs',
    types: {
      '1': { zh: '外国常驻新闻机构', en: 'resident foreign news agency' },
      '9': { zh: '其他', en: 'other' },
    },
  },
  '3': {
    zh: '司法行政',
    en: 'judicial administration',
    types: {
      '1': { zh: '律师执业机构', en: 'law firm' },
      '2': { zh: '公证处', en: 'notary office' },
      '3': { zh: '基层法律服务所', en: 'grassroots legal service office' },
      '4': { zh: '司法鉴定机构', en: 'forensic appraisal institution' },
      '5': { zh: '仲裁委员会', en: 'arbitration commission' },
      '6': { zh: '商事调解组织', en: 'commercial mediation organisation' },
      '9': { zh: '其他', en: 'other' },
    },
  },
  '4': {
    zh: '文化',
    en: 'culture',
    types: {
      '1': { zh: '外国在华文化中心', en: 'foreign cultural centre' },
      '9': { zh: '其他', en: 'other' },
    },
  },
  '5': {
    zh: '民政',
    en: 'civil affairs',
    types: {
      '1': { zh: '社会团体', en: 'social organisation' },
      '2': { zh: '民办非企业单位', en: 'private non-enterprise unit' },
      '3': { zh: '基金会', en: 'foundation' },
      '4': { zh: '村民委员会', en: 'villagers’ committee' },
      '5': { zh: '居民委员会', en: 'residents’ committee' },
      '9': { zh: '其他', en: 'other' },
    },
  },
  '6': {
    zh: '旅游',
    en: 'tourism',
    types: {
      '1': { zh: '外国政府旅游部门常驻代表机构', en: 'foreign tourism office' },
      '2': { zh: '港澳台地区旅游部门常驻代表机构', en: 'Hong Kong, Macao or Taiwan tourism office' },
      '9': { zh: '其他', en: 'other' },
    },
  },
  '7': {
    zh: '宗教',
    en: 'religious affairs',
    types: {
      '1': { zh: '宗教活动场所', en: 'place of religious activity' },
      '2': { zh: '宗教院校', en: 'religious school' },
      '9': { zh: '其他', en: 'other' },
    },
  },
  '8': {
    zh: '工会',
    en: 'trade unions',
    types: {
      '1': { zh: '基层工会', en: 'grassroots trade union' },
      '2': { zh: '非法人工会组织', en: 'unincorporated trade union' },
      '9': { zh: '其他', en: 'other' },
    },
  },
  '9': {
    zh: '市场监管（工商）',
    en: 'market regulation',
    types: {
      '1': { zh: '企业', en: 'enterprise' },
      '2': { zh: '个体工商户', en: 'individual business' },
      '3': { zh: '农民专业合作社', en: 'farmers’ cooperative' },
      '9': { zh: '其他', en: 'other' },
    },
  },
  A: {
    zh: '中央军委改革和编制办公室',
    en: 'CMC reform and establishment office',
    types: {
      '1': { zh: '军队事业单位', en: 'military public institution' },
      '9': { zh: '其他', en: 'other' },
    },
  },
  G: {
    zh: '公安',
    en: 'public security',
    types: {
      '1': { zh: '境外非政府组织代表机构', en: 'foreign NGO representative office' },
      '9': { zh: '其他', en: 'other' },
    },
  },
  J: {
    zh: '住房和城乡建设',
    en: 'housing and construction',
    types: {
      '1': { zh: '业主大会', en: 'owners’ assembly' },
      '9': { zh: '其他', en: 'other' },
    },
  },
  N: {
    zh: '农业农村',
    en: 'agriculture',
    types: {
      '1': { zh: '组级集体经济组织', en: 'group-level collective economic organisation' },
      '2': { zh: '村级集体经济组织', en: 'village-level collective economic organisation' },
      '3': { zh: '乡镇级集体经济组织', en: 'township-level collective economic organisation' },
      '9': { zh: '其他', en: 'other' },
    },
  },
  Q: {
    zh: '侨联',
    en: 'overseas Chinese federation',
    types: {
      '1': { zh: '区县级侨联组织', en: 'county-level federation' },
      '2': { zh: '乡镇级侨联组织', en: 'township-level federation' },
      '3': { zh: '村级侨联组织', en: 'village-level federation' },
      '9': { zh: '其他', en: 'other' },
    },
  },
  Y: { zh: '其他', en: 'other', types: { '1': { zh: '其他', en: 'other' } } },
};

/** GB/T 2260 province-level prefixes, and 10 for organisations registered by central authorities. */
const PROVINCE_PREFIXES = new Set(
  '10 11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(
    ' ',
  ),
);

function refuse(
  code: CreditCodeErrorCode,
  position: number | null,
  zh: string,
  en: string,
): IdentifierError<CreditCodeErrorCode> & { position: number | null } {
  return { ok: false, code, position, zh, en };
}

/**
 * The GB 32100-2015 check character for the first 17 characters of a 统一社会信用代码:
 * `C = 31 − (Σ value[i]·W[i] mod 31)`, with 31 written as `0`. Throws on characters outside the
 * code's alphabet (which leaves out I, O, S, V, Z).
 *
 * @example creditCodeCheckChar('91350100M000100Y4') // '3'
 */
export function creditCodeCheckChar(body17: string): string {
  if (!/^[0-9A-HJ-NP-RTUWXY]{17}$/.test(body17))
    throw new Error('creditCodeCheckChar: need 17 code characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(body17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/**
 * The GB 11714-1997 check character of an organisation code's 8-character body (digits, and
 * capital letters valued A = 10 … Z = 35): `C = 11 − (Σ value·W mod 11)`, 10 written `X`, 11 `0`.
 * Throws unless given 8 digits or capital letters.
 *
 * @example orgCodeCheckChar('60003734') // '1'
 */
export function orgCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new Error('orgCodeCheckChar: need 8 digits or capitals');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i]!, 36) * ORG_CODE_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * Validates a 统一社会信用代码 part by part (see the table above). Spaces are trimmed and letters
 * upper-cased first; the first problem found, left to right, is the one reported.
 *
 * @example
 * validateCreditCode('91110000600037341L')
 * // { ok: true, normalized: '91110000600037341L', authority: { code: '9', zh: '市场监管（工商）', … },
 * //   orgType: { code: '1', zh: '企业', … }, division: '110000', orgCode: '600037341' }
 * validateCreditCode('91110000600037342L')
 * // { ok: false, code: 'USCC_ORG_CODE_CHECKSUM', position: 17, zh: '第 17 位…', en: 'Character 17 …' }
 */
export function validateCreditCode(code: string): CreditCodeResult {
  const value = code.trim().toUpperCase();
  if (value.length !== 18) {
    return refuse(
      'USCC_FORMAT',
      null,
      `统一社会信用代码应为 18 位，现为 ${value.length} 位`,
      `A unified social credit code has 18 characters; this one has ${value.length}`,
    );
  }
  for (let i = 0; i < 18; i++) {
    if (!USCC_ALPHABET.includes(value[i]!)) {
      return refuse(
        'USCC_CHARACTER',
        i + 1,
        `第 ${i + 1} 位“${value[i]}”不是统一社会信用代码使用的字符（数字或除 I、O、S、V、Z 外的大写字母）`,
        `Character ${i + 1} ('${value[i]}') is not used in credit codes (digits and capital letters except I, O, S, V, Z)`,
      );
    }
  }
  const authority = REGISTRATION_AUTHORITIES[value[0]!];
  if (!authority) {
    return refuse(
      'USCC_AUTHORITY',
      1,
      `第 1 位“${value[0]}”不是登记管理部门代码`,
      `Character 1 ('${value[0]}') is not a registration authority code`,
    );
  }
  const orgType = authority.types[value[1]!];
  if (!orgType) {
    return refuse(
      'USCC_ORG_TYPE',
      2,
      `第 2 位“${value[1]}”不是登记管理部门“${authority.zh}”（${value[0]}）的机构类别代码`,
      `Character 2 ('${value[1]}') is not an organisation type of the registration authority '${value[0]}' (${authority.en})`,
    );
  }
  for (let i = 2; i < 8; i++) {
    if (!/\d/.test(value[i]!)) {
      return refuse(
        'USCC_DIVISION',
        i + 1,
        `第 ${i + 1} 位“${value[i]}”应为数字（第 3–8 位是登记管理机关行政区划码）`,
        `Character ${i + 1} ('${value[i]}') must be a digit (characters 3–8 are the administrative division)`,
      );
    }
  }
  if (!PROVINCE_PREFIXES.has(value.slice(2, 4))) {
    // The first character that no province code can continue: 3 (no code starts so) or else 4.
    const startsSomeProvince = [...PROVINCE_PREFIXES].some((p) => p[0] === value[2]);
    return refuse(
      'USCC_DIVISION',
      startsSomeProvince ? 4 : 3,
      `第 3–4 位“${value.slice(2, 4)}”不是省级行政区划代码`,
      `Characters 3–4 ('${value.slice(2, 4)}') are not a province-level division code`,
    );
  }
  if (orgCodeCheckChar(value.slice(8, 16)) !== value[16]) {
    return refuse(
      'USCC_ORG_CODE_CHECKSUM',
      17,
      '第 17 位（组织机构代码校验码）与第 9–16 位不符，请核对第 9–17 位',
      'Character 17 (the organisation code check character) does not match characters 9–16; check characters 9–17',
    );
  }
  if (creditCodeCheckChar(value.slice(0, 17)) !== value[17]) {
    return refuse(
      'USCC_CHECKSUM',
      18,
      '第 18 位（校验码）与前 17 位不符，请核对',
      'Character 18 (the check character) does not match the first 17; check the code',
    );
  }
  return {
    ok: true,
    normalized: value,
    authority: { code: value[0]!, zh: authority.zh, en: authority.en },
    orgType: { code: value[1]!, ...orgType },
    division: value.slice(2, 8),
    orgCode: value.slice(8, 17),
  };
}
