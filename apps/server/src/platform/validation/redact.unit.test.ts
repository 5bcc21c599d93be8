import { describe, expect, it } from 'vitest';
import { namesIn, personalDataProblems, redactPersonalData } from './redact.ts';

describe('redactPersonalData', () => {
  it.each([
    '13800138000',
    '138 0013 8000',
    '138-0013-8000',
    '+86 138 0013 8000',
    '+8613800138000',
    '86-13800138000',
    '0086 138 0013 8000',
    '138\u30000013\u30008000',
  ])('masks the mobile number %j', (phone) => {
    const out = redactPersonalData(`联系电话：${phone}。`);
    expect(out).toBe(`联系电话：${'*'.repeat(phone.length)}。`);
  });

  it.each([
    '0355-5551234',
    '03555551234',
    '010-12345678',
    '010 1234 5678',
    '（0355）5551234',
    '+86 0355-5551234',
  ])('masks the landline %j', (phone) => {
    expect(redactPersonalData(`电话 ${phone}`)).toBe(`电话 ${'*'.repeat(phone.length)}`);
  });

  it.each(['140421199001011234', '14042119900101123X', '140421 19900101 1234', '140421-1990-0101-123x'])(
    'masks the ID number %j',
    (id) => {
      expect(redactPersonalData(`身份证${id}号`)).toBe(`身份证${'*'.repeat(id.length)}号`);
    },
  );

  it('leaves dates, amounts, counts and document numbers alone', () => {
    const text = '2021-05-20 拨付 1500 万元，共 12 所学校 3000 名学生，上党督〔2021〕3号';
    expect(redactPersonalData(text)).toBe(text);
  });

  it('blanks the given names (2 characters or more), longest first', () => {
    expect(redactPersonalData('王建国与王建约谈', ['王建国', '王建', '王'])).toBe('***与**约谈');
  });
});

describe('namesIn', () => {
  it('splits a list of people on 、,，；; and whitespace, dropping bracketed titles', () => {
    expect(namesIn('王建国、李红（校长）; 张三，李四;赵五 钱六,孙七(副局长)')).toEqual([
      '王建国',
      '李红',
      '张三',
      '李四',
      '赵五',
      '钱六',
      '孙七',
    ]);
  });
});

describe('personalDataProblems', () => {
  it('refuses each free-text field holding an ID or phone number, naming it', () => {
    expect(
      personalDataProblems({
        description: '学生身份证号 11010520060910001X 受伤',
        measures: '联系家长 138 0013 8000',
        comments: '工作认真，按时完成 3 项任务',
      }),
    ).toEqual(
      ['description', 'measures'].map((field) => ({
        field,
        code: 'PERSONAL_DATA',
        zh: '请勿填写身份证号、手机号等个人信息',
        en: 'Do not write ID numbers, phone numbers or other personal data here',
      })),
    );
    expect(personalDataProblems({ description: '0571-8888 6666 值班室' }).map((p) => p.code)).toEqual([
      'PERSONAL_DATA',
    ]);
    // An empty or absent field holds nothing.
    expect(personalDataProblems({ note: null, other: '' })).toEqual([]);
  });
});
