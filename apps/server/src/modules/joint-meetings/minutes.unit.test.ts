import { describe, expect, it } from 'vitest';
import { buildMinutes, chineseDate, chineseNumber, type MinutesInput } from './minutes.ts';

const meeting: MinutesInput = {
  number: 3,
  title: '2021年第二次全区职业教育部门联席会议',
  meetingDate: '2021-05-25',
  location: '区政府三楼会议室',
  chair: '副区长 王某',
  district: { name: '上党区' },
  conveningUnit: { name: '区教育局' },
  agenda: ['听取各成员单位工作情况汇报'],
  minutesSummary: '',
  minutesDate: '2021-05-27',
  members: [
    { unit: { name: '区教育局' }, attendance: 'present', attendees: '李某（局长）', absenceReason: '' },
    { unit: { name: '区人社局' }, attendance: 'present', attendees: '张某', absenceReason: '' },
    { unit: { name: '区财政局' }, attendance: 'absent', attendees: '', absenceReason: '另有公务' },
  ],
  decisions: [
    {
      number: 2,
      decision: '区财政局落实中职生均拨款',
      responsibleUnit: { name: '区财政局' },
      deadline: '2021-09-30',
    },
    {
      number: 1,
      decision: '制定年度培训计划',
      responsibleUnit: { name: '区人社局' },
      deadline: '2021-06-30',
    },
  ],
};

const texts = (doc: ReturnType<typeof buildMinutes>) =>
  doc.blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? [b.text] : []));

describe('minutes (会议纪要)', () => {
  it('numbers items the way official documents do', () => {
    expect([1, 9, 10, 11, 20, 21, 99].map(chineseNumber)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '二十',
      '二十一',
      '九十九',
    ]);
    expect(chineseDate('2021-05-07')).toBe('2021年5月7日');
  });

  it('lays out 时间/地点/主持/出席/缺席 and the decisions 一、二、 with responsible unit and deadline', () => {
    const doc = buildMinutes(meeting, 'zh');
    expect(doc).toMatchObject({
      title: '上党区职业教育改革联席会议纪要',
      subtitle: '（2021年第二次全区职业教育部门联席会议）',
      date: '2021-05-27',
    });
    const lines = texts(doc);
    expect(lines.slice(0, 5)).toEqual([
      '时间：2021年5月25日',
      '地点：区政府三楼会议室',
      '主持：副区长 王某',
      '出席单位：区教育局（李某（局长））、区人社局（张某）',
      '缺席单位：区财政局（另有公务）',
    ]);
    expect(lines).toContain('一、制定年度培训计划');
    expect(lines).toContain('责任单位：区人社局；完成时限：2021年6月30日。');
    expect(lines.indexOf('一、制定年度培训计划')).toBeLessThan(lines.indexOf('二、区财政局落实中职生均拨款'));
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table).toMatchObject({ columns: ['序号', '议定事项', '责任单位', '完成时限'] });
  });

  it('says 无 when no unit was absent, and writes English when asked', () => {
    const all = { ...meeting, members: meeting.members.slice(0, 2) };
    expect(texts(buildMinutes(all, 'zh'))).toContain('缺席单位：无');
    const en = buildMinutes(meeting, 'en');
    expect(en.title).toBe('上党区 Joint Meeting on Vocational Education Reform: Minutes');
    expect(texts(en)).toContain('1. 制定年度培训计划');
    expect(en.lang).toBe('en');
  });

  it('is deterministic: the same meeting gives the same document', () => {
    expect(JSON.stringify(buildMinutes(meeting, 'zh'))).toBe(JSON.stringify(buildMinutes(meeting, 'zh')));
  });
});
