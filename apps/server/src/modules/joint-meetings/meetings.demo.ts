import { addDays } from '../../platform/clock/clock.ts';
import type { DemoContext, DemoSummary } from '../../platform/modules/module-definition.ts';
import type { JointMeetingsServices } from './index.ts';
import { meetingsHistory } from './meetings-history.demo.ts';

const MEMBERS = ['SD-EDU', 'SD-HRSS', 'SD-FIN', 'SD-DRC', 'SD-IIT', 'SD-VHS'];

/**
 * The joint meeting (联席会议) as a district would have it: two meetings in each of the plan's
 * past years, their decisions carried out and the meetings closed (`meetingsHistory`); this year,
 * last quarter's meeting held, its minutes issued and its decisions being carried out (one done,
 * one overdue, one in progress); the next meeting prepared, with one unit's remarks in and the
 * others still to come.
 * Returns the start-up line's fragment: how many meetings and action items the demo holds.
 */
export async function meetingsDemo(ctx: DemoContext<JointMeetingsServices>): Promise<DemoSummary> {
  const { today } = ctx;
  const on = (days: number) => ctx.at(addDays(today, days));
  const coordinator = await ctx.actor('coordinator');
  const clerks = { 'SD-FIN': await ctx.actor('finance'), 'SD-HRSS': await ctx.actor('hrss') };
  const ids: Record<string, string> = {};
  for (const code of [...MEMBERS, 'SD-VEC']) ids[code] = await ctx.unitId(code);
  const year = today.slice(0, 4);
  const past = await meetingsHistory(ctx, MEMBERS, ids);

  // Last quarter's meeting: held 60 days ago, minutes issued the day after.
  let s = on(-75);
  const held = await s.meetings.createMeeting(coordinator, {
    title: `${year}年第二次全区职业教育改革联席会议`,
    meetingDate: addDays(today, -60),
    location: '区政府三楼会议室',
    chair: '副区长',
    memberUnitIds: MEMBERS.map((c) => ids[c]!),
    agenda: [
      '通报行动计划任务推进和指标完成情况',
      '研究职业教育生均拨款落实问题',
      '部署产教融合型企业认定工作',
    ],
  });
  await on(-70).meetings.prepareMeeting(coordinator, held.id);
  await on(-65).meetings.submitRemarks(
    clerks['SD-FIN'],
    held.id,
    ids['SD-FIN']!,
    '生均拨款标准已纳入下年度预算编制，待人大审议。',
  );
  s = on(-60);
  await s.meetings.recordAttendance(coordinator, held.id, {
    units: MEMBERS.map((c) => ({
      unitId: ids[c]!,
      present: c !== 'SD-IIT',
      attendees: c === 'SD-IIT' ? '' : '分管负责同志',
      ...(c === 'SD-IIT' ? { absenceReason: '参加市级会议，书面请假' } : {}),
    })),
  });
  const decisions = [
    { unit: 'SD-FIN', text: '区财政局牵头落实中职生均拨款标准，确保每生每年不低于8000元。', days: -20 },
    { unit: 'SD-HRSS', text: '区人社局会同区教育局制定技能人才评价与职业技能等级认定实施办法。', days: -10 },
    { unit: 'SD-DRC', text: '区发改科技局牵头开展产教融合型企业认定，年内认定不少于3家。', days: 30 },
  ];
  for (const d of decisions) {
    await s.minutes.addDecision(coordinator, held.id, {
      decision: d.text,
      responsibleUnitId: ids[d.unit]!,
      deadline: addDays(today, d.days),
    });
  }
  await on(-59).minutes.finaliseMinutes(
    coordinator,
    held.id,
    `${year}年第二次全区职业教育改革联席会议由副区长主持召开，听取了各成员单位任务推进情况汇报，研究了生均拨款、技能人才评价和产教融合等事项。现将会议议定事项纪要如下。`,
  );
  const items = (await ctx.at(today).meetings.getMeeting(coordinator, held.id)).decisions;
  const finance = items.find((i) => i.responsibleUnit.id === ids['SD-FIN']);
  if (finance) {
    await on(-30).actionItems.submitUpdate(clerks['SD-FIN'], finance.id, {
      narrative: '已印发生均拨款标准文件，全年按每生8200元足额拨付。',
      fileIds: [],
      complete: true,
    });
    await on(-28).actionItems.acceptUpdate(coordinator, finance.id);
  }

  // The next meeting: in ten days, status reports generated, remarks partly in.
  s = on(-5);
  const next = await s.meetings.createMeeting(coordinator, {
    title: `${year}年第三次全区职业教育改革联席会议`,
    meetingDate: addDays(today, 10),
    location: '区政府三楼会议室',
    chair: '副区长',
    memberUnitIds: MEMBERS.map((c) => ids[c]!),
    agenda: ['通报第二次联席会议议定事项落实情况', '研究督导发现问题整改', '审议年度质量报告编制方案'],
  });
  await on(-3).meetings.prepareMeeting(coordinator, next.id);
  await on(-1).meetings.submitRemarks(
    clerks['SD-HRSS'],
    next.id,
    ids['SD-HRSS']!,
    '技能等级认定实施办法已完成征求意见，拟于本月底印发。',
  );
  const meetings = past.meetings + 2;
  const actionItems = past.decisions + items.length;
  return {
    zh: `${meetings} 次联席会议、${actionItems} 项议定事项`,
    en: `${meetings} joint meetings with ${actionItems} action items`,
  };
}
