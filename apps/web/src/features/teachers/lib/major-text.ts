/**
 * A major taught as a reader knows it: its name with the catalogue code after it; the bare code
 * only when no name was recorded.
 *
 * @example majorText({ code: '740601', name: '美容美体艺术' }) // '美容美体艺术（740601）'
 * @example majorTexts([{ code: '660104', name: '焊接技术应用' }, { code: '730701', name: '' }]) // '焊接技术应用（660104）、730701'
 */
export function majorText(major: { code: string; name: string }): string {
  const name = major.name.trim();
  return name ? `${name}（${major.code}）` : major.code;
}

/** Several majors joined the Chinese way, `—` when there are none. */
export function majorTexts(majors: ReadonlyArray<{ code: string; name: string }>): string {
  return majors.map(majorText).join('、') || '—';
}
