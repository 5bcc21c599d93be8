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
  };

  it('names the candidate, exam number, school, program and batch, signed by the school', () => {
    const doc = buildAdmissionNotice(data);
    expect(doc.title).toBe('区职业高中录取通知书');
    expect(doc.signature).toBe('区职业高中');
    const text = JSON.stringify(doc.blocks);
    for (const part of ['赵四', '210004', '焊接技术应用', '中职批', '中等职业学校'])
      expect(text).toContain(part);
  });

  it('is issued by the admitting school and names its school and program once, in order', () => {
    const doc = buildAdmissionNotice(data);
    expect([doc.issuer, doc.signature]).toEqual(['区职业高中', '区职业高中']);
    expect(JSON.stringify(doc.blocks)).toContain('你已被区职业高中焊接技术应用专业录取（中等职业学校）');
    const general = buildAdmissionNotice({
      ...data,
      schoolName: '区第一中学',
      programName: '普通高中',
      track: 'general',
      batchName: '普高批',
    });
    const text = JSON.stringify(general.blocks);
    expect(text).toContain('你已被区第一中学录取（普通高中）');
    expect(text).not.toContain('我校');
    expect(text).not.toContain('普通高中普通高中');
  });

  it('is the same document for the same data', () => {
    expect(JSON.stringify(buildAdmissionNotice(data))).toBe(
      JSON.stringify(buildAdmissionNotice({ ...data })),
    );
  });
});
