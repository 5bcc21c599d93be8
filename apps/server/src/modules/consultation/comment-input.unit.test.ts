import { describe, expect, it } from 'vitest';
import { cleanComment, maskContact } from './comment-input.ts';

describe('cleanComment', () => {
  it('trims the text and normalises a mobile number or an e-mail address', () => {
    expect(cleanComment({ body: '  建议增加  ', authorName: ' 李 ', contact: '+86 138-0013-8000' })).toEqual({
      ok: true,
      value: { body: '建议增加', authorName: '李', contact: { kind: 'mobile', value: '13800138000' } },
    });
    expect(cleanComment({ body: '好', contact: 'Li@Example.CN' })).toMatchObject({
      value: { contact: { kind: 'email', value: 'li@example.cn' } },
    });
    expect(cleanComment({ body: '好', authorName: '', contact: ' ' })).toMatchObject({
      value: { authorName: null, contact: null },
    });
  });

  it('reports every problem: empty or over-long body, long name, control characters, bad contact', () => {
    const result = cleanComment({ body: '\u0007', authorName: '名'.repeat(41), contact: '010-1234' });
    expect(result.ok).toBe(false);
    const fields = !result.ok ? result.problems.map((p) => `${p.field}:${p.code}`) : [];
    expect(fields).toEqual(['authorName:TOO_LONG', 'body:CONTROL_CHARACTER', 'contact:CONTACT_INVALID']);
    const long = cleanComment({ body: '字'.repeat(2001) });
    expect(!long.ok && long.problems[0]?.code).toBe('TOO_LONG');
    expect(cleanComment({ body: '   ' })).toMatchObject({
      ok: false,
      problems: [{ field: 'body', code: 'REQUIRED' }],
    });
  });

  it('accepts 2,000 Chinese characters and line breaks', () => {
    expect(cleanComment({ body: `${'字'.repeat(1000)}\n${'字'.repeat(999)}` }).ok).toBe(true);
  });
});

describe('maskContact', () => {
  it('masks mobiles and e-mail local parts', () => {
    expect(maskContact('mobile', '13800138000')).toBe('138****8000');
    expect(maskContact('email', 'zhang@example.com')).toBe('z***@example.com');
  });
});
