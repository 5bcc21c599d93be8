import type { Actor } from '../../platform/auth/actor.ts';
import { addDays } from '../../platform/clock/clock.ts';
import type { DemoContext } from '../../platform/modules/module-definition.ts';
import type { JointMeetingsServices } from './index.ts';
import { CLERKS, PAST_YEARS, type PastMeeting, type Responsible } from './meetings-history.demo-data.ts';

type Context = DemoContext<JointMeetingsServices>;

/** Who acts in the history: the coordinator, the clerks of the responsible units, units by code. */
interface People {
  coordinator: Actor;
  clerks: Record<Responsible, Actor>;
  ids: Record<string, string>;
}

/**
 * The joint meetings of each of the demo plan's past years (`ctx.planYears`), through the service
 * use cases on the days they happened: convened, prepared, remarks in, held, minutes issued, every
 * decision carried out (销号) and the meeting closed (办结). Nothing of it stays open. The n-th
 * past year lives the n-th year of `PAST_YEARS` (the plan's first year first). `members` are the
 * member units' codes, `ids` the org unit ids by code. Returns how many meetings it held and how
 * many decisions they made.
 */
export async function meetingsHistory(
  ctx: Context,
  members: readonly string[],
  ids: Record<string, string>,
): Promise<{ meetings: number; decisions: number }> {
  const out = { meetings: 0, decisions: 0 };
  if (ctx.planYears.length === 0) return out;
  const clerks = {} as People['clerks'];
  for (const [code, username] of Object.entries(CLERKS) as Array<[Responsible, string]>)
    clerks[code] = await ctx.actor(username);
  const people: People = { coordinator: await ctx.actor('coordinator'), clerks, ids };
  for (const [i, year] of ctx.planYears.entries()) {
    for (const meeting of PAST_YEARS[i % PAST_YEARS.length]!) {
      await holdMeeting(ctx, people, members, year, meeting);
      out.meetings += 1;
      out.decisions += meeting.decisions.length;
    }
  }
  return out;
}

/** One past meeting from its convening to its closing (办结). */
async function holdMeeting(
  ctx: Context,
  { coordinator, clerks, ids }: People,
  members: readonly string[],
  year: number,
  m: PastMeeting,
) {
  const day = (md: string) => `${year}-${md}`;
  const on = (md: string) => ctx.at(day(md));
  const date = day(m.date);
  const title = `${year}年第${m.ordinal}次全区职业教育改革联席会议`;
  const { id } = await ctx.at(addDays(date, -21)).meetings.createMeeting(coordinator, {
    title,
    meetingDate: date,
    location: '区政府三楼会议室',
    chair: '副区长',
    memberUnitIds: members.map((c) => ids[c]!),
    agenda: [...m.agenda],
  });
  await ctx.at(addDays(date, -7)).meetings.prepareMeeting(coordinator, id);
  await ctx
    .at(addDays(date, -3))
    .meetings.submitRemarks(clerks[m.remarks.unit], id, ids[m.remarks.unit]!, m.remarks.text);
  const s = ctx.at(date);
  await s.meetings.recordAttendance(coordinator, id, {
    units: members.map((c) =>
      c === m.absent?.unit
        ? { unitId: ids[c]!, present: false, attendees: '', absenceReason: m.absent.reason }
        : { unitId: ids[c]!, present: true, attendees: '分管负责同志' },
    ),
  });
  for (const d of m.decisions)
    await s.minutes.addDecision(coordinator, id, {
      decision: d.text,
      responsibleUnitId: ids[d.unit]!,
      deadline: day(d.deadline),
    });
  const minutes = await ctx
    .at(addDays(date, 2))
    .minutes.finaliseMinutes(
      coordinator,
      id,
      `${title}由副区长主持召开，听取了各成员单位任务推进情况汇报，研究了${m.topics}等事项。现将会议议定事项纪要如下。`,
    );
  for (const [n, d] of m.decisions.entries()) {
    const item = minutes.decisions[n]!;
    const clerk = clerks[d.unit];
    if (d.returned) {
      await on(d.reported).actionItems.submitUpdate(clerk, item.id, {
        narrative: d.narrative,
        fileIds: [],
        complete: true,
      });
      await on(d.returned.on).actionItems.returnUpdate(coordinator, item.id, d.returned.comment);
    }
    await on(d.returned?.again ?? d.reported).actionItems.submitUpdate(clerk, item.id, {
      narrative: d.returned?.narrative ?? d.narrative,
      fileIds: [],
      complete: true,
    });
    await on(d.accepted).actionItems.acceptUpdate(coordinator, item.id);
  }
  const closed = m.decisions.map((d) => d.accepted).sort();
  await on(closed.at(-1)!).minutes.closeMeeting(coordinator, id);
}
