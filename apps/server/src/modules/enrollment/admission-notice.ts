import type { OfficialDocument } from '../../platform/documents/index.ts';

/** What an admission notice says: the candidate (no ID number), the program and the school. */
export interface AdmissionNoticeData {
  candidateName: string;
  examNumber: string;
  admissionYear: number;
  schoolName: string;
  programName: string;
  track: 'general' | 'vocational';
  batchName: string;
  /** 成文日期 `YYYY-MM-DD`: the day the result was published. */
  date: string;
}

/**
 * What the candidate is admitted to, as the notice words it: the school, then the program unless
 * it only repeats the kind of school (a 普高 program named 普通高中), a 中职 major as 「…专业」.
 *
 * @example admittedTo({ schoolName: '区职业高中', programName: '焊接技术应用', track: 'vocational' })
 * // '区职业高中焊接技术应用专业'
 */
export function admittedTo(d: Pick<AdmissionNoticeData, 'schoolName' | 'programName' | 'track'>): string {
  const program = d.programName.trim();
  if (d.track === 'general') return program === '普通高中' ? d.schoolName : `${d.schoolName}${program}`;
  return `${d.schoolName}${program}${program.endsWith('专业') ? '' : '专业'}`;
}

/**
 * Builds the 录取通知书 as an `OfficialDocument` (pure: same data, same document), issued and
 * signed by the admitting school. It carries the exam number but never the ID number, birth date
 * or address (SECURITY.md: personal data).
 *
 * @example renderer.pdf(buildAdmissionNotice({ candidateName: '张三', … }))
 */
export function buildAdmissionNotice(d: AdmissionNoticeData): OfficialDocument {
  const kind = d.track === 'general' ? '普通高中' : '中等职业学校';
  return {
    title: `${d.schoolName}录取通知书`,
    issuer: d.schoolName,
    subtitle: `${d.admissionYear}年高中阶段学校招生`,
    date: d.date,
    signature: d.schoolName,
    lang: 'zh',
    meta: { subject: `录取通知书 ${d.examNumber}`, author: d.schoolName },
    blocks: [
      { kind: 'paragraph', text: `${d.candidateName}同学（考号 ${d.examNumber}）：`, indent: false },
      {
        kind: 'paragraph',
        text: `经${d.admissionYear}年高中阶段学校统一招生${d.batchName}录取，你已被${admittedTo(d)}录取（${kind}）。请按学校通知的时间，持本通知书到校报到。`,
      },
      {
        kind: 'table',
        columns: ['项目', '内容'],
        rows: [
          ['姓名', d.candidateName],
          ['考号', d.examNumber],
          ['录取学校', d.schoolName],
          ['录取专业（计划）', d.programName],
          ['录取批次', d.batchName],
        ],
        widths: [1, 3],
      },
      { kind: 'paragraph', text: '特此通知。' },
    ],
  };
}
