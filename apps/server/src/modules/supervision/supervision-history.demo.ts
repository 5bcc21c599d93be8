import type { Actor } from '../../platform/auth/actor.ts';
import { addDays } from '../../platform/clock/clock.ts';
import type { DemoContext } from '../../platform/modules/module-definition.ts';
import type { SupervisionServices } from './index.ts';
import {
  PAST_YEARS,
  REVIEWED,
  UNITS,
  type PastInspection,
  type Unit,
} from './supervision-history.demo-data.ts';

type Context = DemoContext<SupervisionServices>;

/** Who acts in the history: the coordinator, the inspector, and each unit with its clerk. */
interface People {
  coordinator: Actor;
  inspector: Actor;
  units: Record<Unit, { id: string; clerk: Actor }>;
}

/**
 * Supervision in each of the demo plan's past years (`ctx.planYears`), through the service use
 * cases on the days it happened: each year's inspections held, their findings' orders answered,
 * verified and closed (销号), the inspections completed and their reports published; interviews
 * and rewards or penalties where the year had them. Nothing of it stays open. The n-th past year
 * lives the n-th year of `PAST_YEARS` (the plan's first year first). Returns how many findings it
 * recorded.
 */
export async function supervisionHistory(ctx: Context): Promise<number> {
  if (ctx.planYears.length === 0) return 0;
  const units = {} as People['units'];
  for (const [key, u] of Object.entries(UNITS) as Array<[Unit, (typeof UNITS)[Unit]]>)
    units[key] = { id: await ctx.unitId(u.code), clerk: await ctx.actor(u.clerk) };
  const people: People = {
    coordinator: await ctx.actor('coordinator'),
    inspector: await ctx.actor('inspector'),
    units,
  };
  let findings = 0;
  for (const [i, year] of ctx.planYears.entries()) {
    const script = PAST_YEARS[i % PAST_YEARS.length]!;
    const held: Array<{ id: string; findings: Map<Unit, string[]> }> = [];
    for (const inspection of script.inspections)
      held.push(await holdInspection(ctx, people, year, inspection));
    findings += held.reduce((n, h) => n + [...h.findings.values()].flat().length, 0);
    for (const s of script.sanctions) {
      const refs = held.flatMap((h) => (h.findings.get(s.unit) ?? []).map((id) => ({ type: 'finding', id })));
      await ctx.at(`${year}-${s.decided}`).records.recordSanction(people.coordinator, {
        orgUnitId: people.units[s.unit].id,
        inspectionId: held[0]!.id,
        kind: s.kind,
        year,
        points: s.points,
        title: s.title,
        ground: s.ground,
        groundsText: `${year}年${s.grounds}`,
        refs,
        decidedOn: `${year}-${s.decided}`,
      });
    }
  }
  return findings;
}

/** One past inspection from its plan to its published report; answers its findings' ids by unit. */
async function holdInspection(ctx: Context, people: People, year: number, p: PastInspection) {
  const day = (md: string) => `${year}-${md}`;
  const on = (md: string) => ctx.at(day(md));
  const { coordinator, inspector, units } = people;
  let s = on(p.starts);
  const { id } = await s.inspections.createInspection(coordinator, {
    kind: p.kind,
    title: `${year}年${p.name}`,
    purpose: p.purpose,
    documentNumber: `上党督〔${year}〕${p.number}号`,
    startsOn: day(p.starts),
    endsOn: day(p.ends),
    schedule: p.schedule.map(([d, activity]) => ({ date: day(d), activity })),
    inspectorIds: [inspector.userId],
    leadInspectorId: inspector.userId,
    scope: p.scope.map((u) => ({ type: UNITS[u].scope, id: units[u].id })),
  });
  await s.inspections.startInspection(coordinator, id);
  const findings = new Map<Unit, string[]>();
  for (const o of p.orders) {
    const unit = units[o.unit];
    s = on(p.found);
    const finding = await s.findings.addFinding(inspector, id, {
      orgUnitId: unit.id,
      subjectType: 'other',
      title: o.title,
      description: o.description,
      severity: o.severity,
    });
    findings.set(o.unit, [...(findings.get(o.unit) ?? []), finding.id]);
    const order = await s.orders.issueOrder(inspector, finding.id, {
      requirements: o.requirements,
      dueDate: day(o.due),
    });
    if (o.extension) {
      const asked = await on(o.extension.asked).orders.requestExtension(unit.clerk, order.id, {
        dueDate: day(o.extension.to),
        reason: o.extension.reason,
      });
      await ctx
        .at(addDays(day(o.extension.asked), 2))
        .orders.decideExtension(inspector, order.id, asked.extensions.at(-1)!.id, {
          approve: true,
          reason: '',
        });
    }
    const interview = o.interview
      ? await on(o.interview.held).records.recordInterview(inspector, id, {
          orgUnitId: unit.id,
          heldOn: day(o.interview.held),
          interviewers: '区教育督导室主任、督学',
          interviewees: '单位分管负责同志',
          reason: '整改通知逾期未完成整改',
          findingIds: [finding.id],
          commitments: [{ text: o.interview.commitment, dueDate: day(o.interview.due) }],
        })
      : null;
    await on(o.answered).orders.answerOrder(unit.clerk, order.id, { measures: o.measures, fileIds: [] });
    await on(o.verified).orders.verifyOrder(inspector, order.id, REVIEWED);
    await on(o.closed).orders.closeOrder(inspector, order.id);
    if (interview && o.interview)
      await on(o.interview.followedUp).records.followUpCommitment(
        inspector,
        interview.id,
        interview.commitments[0]!.id,
        { state: 'fulfilled', followUp: o.interview.followUp },
      );
  }
  s = on(p.ends);
  await s.inspections.completeInspection(coordinator, id, p.conclusion);
  await s.reports.publishReport(coordinator, id);
  return { id, findings };
}
