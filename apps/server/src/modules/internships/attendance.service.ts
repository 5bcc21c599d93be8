import type { Static } from 'typebox';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { addDays } from '../../platform/clock/clock.ts';
import { AppError, fieldError, forbidden } from '../../platform/errors/app-error.ts';
import { checkAttendance } from './attendance-violations.ts';
import type { InternshipsDeps } from './internships.deps.ts';
import { mayKeepPosts } from './internships.policy.ts';
import { findPost, insertAttendance, listAttendance, type PlacementRow } from './internships.repository.ts';
import type { AttendanceBody } from './internships.schema.ts';
import { loadFor } from './placements.service.ts';

/*
 * The attendance log (考勤) of a running placement, kept by the enterprise: each entry is a date
 * with its start and end in China time (an end at or before the start is the next morning) and
 * whether the date is a statutory holiday. Reading the log flags night, overtime, holiday and
 * rest-day work and names each violation of the working-time rules (attendance-violations.ts).
 */

/** Records one entry of a running placement's log (the enterprise's own interns only). */
export async function recordAttendance(
  deps: InternshipsDeps,
  actor: Actor,
  placementId: string,
  input: Static<typeof AttendanceBody>,
) {
  const p = await loadFor(deps, actor, placementId);
  if (!mayKeepPosts(actor, p.enterpriseId)) throw forbidden();
  if (p.state !== 'active') throw new AppError('INTERNSHIP_PLACEMENT_INVALID_TRANSITION', 409);
  if (input.date < p.startsOn || input.date > p.endsOn)
    throw fieldError(
      'date',
      'OUTSIDE_PERIOD',
      `${input.date} 不在实习期 ${p.startsOn} 至 ${p.endsOn} 内`,
      `${input.date} is outside the placement, ${p.startsOn} to ${p.endsOn}`,
    );
  const endDate = input.endTime <= input.startTime ? addDays(input.date, 1) : input.date;
  const startsAt = new Date(`${input.date}T${input.startTime}:00+08:00`);
  const endsAt = new Date(`${endDate}T${input.endTime}:00+08:00`);
  const id = await deps.transaction(async (trx) => {
    const id = await insertAttendance(trx, {
      placementId,
      workDate: input.date,
      startsAt,
      endsAt,
      holiday: input.holiday,
      note: input.note.trim(),
      recordedBy: actor.userId,
      recordedAt: deps.clock.now(),
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'internships.attendance.recorded',
      objectType: 'internship_placement',
      objectId: placementId,
      details: {
        entryId: id,
        date: input.date,
        from: input.startTime,
        to: input.endTime,
        holiday: input.holiday,
      },
    });
    return id;
  });
  return { id, log: await attendanceOf(deps, actor, placementId) };
}

/** A placement's log with every entry's flags and violations, and the hours of each week. */
export async function attendanceOf(deps: InternshipsDeps, actor: Actor, placementId: string) {
  const p = await loadFor(deps, actor, placementId);
  return (await checkedLogs(deps, [p])).get(p.id)!;
}

/** The checked logs of some placements the caller may see (alert source, list views). */
export async function checkedLogs(
  deps: Pick<InternshipsDeps, 'db' | 'rules'>,
  placements: readonly PlacementRow[],
) {
  const rows = await listAttendance(
    deps.db,
    placements.map((p) => p.id),
  );
  const out = new Map<string, ReturnType<typeof logView>>();
  const posts = new Map<string, Awaited<ReturnType<typeof findPost>>>();
  const byPlacement = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byPlacement.get(r.placementId);
    if (list) list.push(r);
    else byPlacement.set(r.placementId, [r]);
  }
  for (const p of placements) {
    if (!posts.has(p.postId)) posts.set(p.postId, await findPost(deps.db, p.postId));
    const post = posts.get(p.postId)!;
    const entries = byPlacement.get(p.id) ?? [];
    const checked = checkAttendance(
      entries.map((e) => ({
        id: e.id,
        date: e.workDate,
        startsAt: e.startsAt.toISOString(),
        endsAt: e.endsAt.toISOString(),
        holiday: e.holiday,
      })),
      {
        nightWork: post.nightWork,
        overtimeWork: post.overtimeWork,
        holidayWork: post.holidayWork,
        filed: post.filingReference.trim() !== '',
      },
      deps.rules,
    );
    out.set(p.id, logView(entries, checked));
  }
  return out;
}

function logView(
  entries: Awaited<ReturnType<typeof listAttendance>>,
  checked: ReturnType<typeof checkAttendance>,
) {
  const byId = new Map(checked.entries.map((c) => [c.id, c]));
  const items = entries.map((e) => {
    const c = byId.get(e.id)!;
    return {
      id: e.id,
      date: e.workDate,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      hours: Math.round((c.minutes / 60) * 100) / 100,
      holiday: e.holiday,
      note: e.note,
      flags: c.flags,
      violations: c.violations,
    };
  });
  return {
    entries: items,
    weeks: checked.weeks.map((w) => ({ monday: w.monday, hours: Math.round((w.minutes / 60) * 100) / 100 })),
    violationCount: items.reduce((n, e) => n + e.violations.length, 0),
  };
}
