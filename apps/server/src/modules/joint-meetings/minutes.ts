import type { DocumentBlock, OfficialDocument } from '../../platform/documents/document-model.ts';

/** What the minutes (会议纪要) are built from: a meeting as the district sees it. */
export interface MinutesInput {
  number: number;
  title: string;
  meetingDate: string;
  location: string;
  chair: string;
  district: { name: string };
  conveningUnit: { name: string };
  agenda: string[];
  minutesSummary: string;
  /** The day the minutes were made final (成文日期), `YYYY-MM-DD`; the meeting date when null. */
  minutesDate: string | null;
  members: Array<{ unit: { name: string }; attendance: string; attendees: string; absenceReason: string }>;
  decisions: Array<{ number: number; decision: string; responsibleUnit: { name: string }; deadline: string }>;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * A number in Chinese as official documents number their items, 1–99.
 * @example chineseNumber(12) // '十二'
 */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** `2021-05-28` → `2021年5月28日`. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const WORDS = {
  zh: {
    title: (district: string) => `${district}职业教育改革联席会议纪要`,
    subtitle: (title: string) => `（${title}）`,
    time: '时间',
    venue: '地点',
    chair: '主持',
    present: '出席单位',
    absent: '缺席单位',
    agenda: '会议议题',
    none: '无',
    sep: '：',
    list: '、',
    intro: (m: MinutesInput) =>
      `${chineseDate(m.meetingDate)}，${m.conveningUnit.name}召集召开${m.title}${m.location ? `，会议在${m.location}举行` : ''}。会议听取了各成员单位工作情况汇报，研究了全区职业教育改革重点工作。现将会议议定事项纪要如下：`,
    decisions: '会议议定事项',
    item: (n: number, text: string) => `${chineseNumber(n)}、${text}`,
    duty: (unit: string, deadline: string) => `责任单位：${unit}；完成时限：${chineseDate(deadline)}。`,
    columns: ['序号', '议定事项', '责任单位', '完成时限'],
    date: chineseDate,
    attendee: (unit: string, who: string) => (who ? `${unit}（${who}）` : unit),
    absentee: (unit: string, why: string) => (why ? `${unit}（${why}）` : unit),
  },
  en: {
    title: (district: string) => `${district} Joint Meeting on Vocational Education Reform: Minutes`,
    subtitle: (title: string) => `(${title})`,
    time: 'Time',
    venue: 'Venue',
    chair: 'Chair',
    present: 'Units present',
    absent: 'Units absent',
    agenda: 'Agenda',
    none: 'none',
    sep: ': ',
    list: '; ',
    intro: (m: MinutesInput) =>
      `On ${m.meetingDate}, ${m.conveningUnit.name} convened ${m.title}${m.location ? ` at ${m.location}` : ''}. The meeting heard the member units' status reports and discussed the district's vocational education reform. It decided as follows:`,
    decisions: 'Decisions',
    item: (n: number, text: string) => `${n}. ${text}`,
    duty: (unit: string, deadline: string) => `Responsible unit: ${unit}; deadline: ${deadline}.`,
    columns: ['No.', 'Decision', 'Responsible unit', 'Deadline'],
    date: (d: string) => d,
    attendee: (unit: string, who: string) => (who ? `${unit} (${who})` : unit),
    absentee: (unit: string, why: string) => (why ? `${unit} (${why})` : unit),
  },
} as const;

/**
 * The minutes of a joint meeting as an official document (会议纪要): title, 时间 / 地点 / 主持 /
 * 出席单位 / 缺席单位, the agenda, an opening paragraph, then the decisions numbered 一、二、…
 * each with its responsible unit and deadline, and a summary table for follow-up (督办). Pure:
 * the renderers turn it into DOCX or PDF.
 *
 * @example buildMinutes(meeting, 'zh').title // '上党区职业教育改革联席会议纪要'
 */
export function buildMinutes(meeting: MinutesInput, lang: 'zh' | 'en'): OfficialDocument {
  const w = WORDS[lang];
  const line = (label: string, text: string): DocumentBlock => ({
    kind: 'paragraph',
    text: `${label}${w.sep}${text || w.none}`,
    indent: false,
  });
  const present = meeting.members.filter((m) => m.attendance === 'present');
  const absent = meeting.members.filter((m) => m.attendance === 'absent');
  const decisions = [...meeting.decisions].sort((a, b) => a.number - b.number);
  const blocks: DocumentBlock[] = [
    line(w.time, w.date(meeting.meetingDate)),
    line(w.venue, meeting.location),
    line(w.chair, meeting.chair),
    line(w.present, present.map((m) => w.attendee(m.unit.name, m.attendees)).join(w.list)),
    line(w.absent, absent.map((m) => w.absentee(m.unit.name, m.absenceReason)).join(w.list)),
  ];
  if (meeting.agenda.length > 0) {
    blocks.push(
      { kind: 'paragraph', text: `${w.agenda}${w.sep}`, indent: false },
      { kind: 'list', items: meeting.agenda.map((a, i) => `${i + 1}. ${a}`) },
    );
  }
  blocks.push({ kind: 'paragraph', text: meeting.minutesSummary.trim() || w.intro(meeting) });
  blocks.push({ kind: 'heading', level: 1, text: w.decisions });
  decisions.forEach((d, i) => {
    blocks.push(
      { kind: 'paragraph', text: w.item(i + 1, d.decision) },
      { kind: 'paragraph', text: w.duty(d.responsibleUnit.name, d.deadline) },
    );
  });
  blocks.push({
    kind: 'table',
    columns: [...w.columns],
    rows: decisions.map((d, i) => [String(i + 1), d.decision, d.responsibleUnit.name, w.date(d.deadline)]),
    widths: [1, 6, 2, 2],
  });
  return {
    title: w.title(meeting.district.name),
    // The meeting's own title (e.g. 2026年第二次…联席会议), not the system's running number, which
    // starts wherever the district started using Zhijiao.
    subtitle: w.subtitle(meeting.title),
    date: meeting.minutesDate ?? meeting.meetingDate,
    signature: meeting.conveningUnit.name,
    blocks,
    lang,
    meta: { subject: meeting.title, author: meeting.conveningUnit.name },
  };
}
