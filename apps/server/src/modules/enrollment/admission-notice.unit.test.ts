import { describe, expect, it } from 'vitest';
import { buildAdmissionNotice } from './admission-notice.ts';

describe('admission notice (录取通知书)', () => {
  const data = {
    candidateName: '赵四',
    examNumber: '210004',
    admissionYear: 2021,
    schoolName: '区职业高中',
    programName: '焊接技术应用',
    track: 'vocational' as const,
    batchName: '中职批',
    date: '2021-06-21',
    issuer: '上党区教育局',
  };

  it('names the candidate, exam number, school, program and batch, signed by the school', () => {
    const doc = buildAdmissionNotice(data);
    expect(doc.title).toBe('区职业高中录取通知书');
    expect(doc.signature).toBe('区职业高中');
    const text = JSON.stringify(doc.blocks);
    for (const part of ['赵四', '210004', '焊接技术应用', '中职批', '中等职业学校'])
      expect(text).toContain(part);
  });

  it('is the same document for the same data', () => {
    expect(JSON.stringify(buildAdmissionNotice(data))).toBe(
      JSON.stringify(buildAdmissionNotice({ ...data })),
    );
  });
});
