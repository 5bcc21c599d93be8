import { chinaDate } from '../../platform/clock/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { listOrgUnitInfo } from '../org/index.ts';
import { listFindingRows } from './findings.repository.ts';
import { listScope } from './inspections.repository.ts';
import type { InspectionReportRecords } from './report-builder.ts';
import { listInterviewRows, listSanctionRows } from './records.repository.ts';
import { listNamedInspectors, unitNamer, type LoadedInspection } from './supervision.access.ts';
import { byText } from './supervision.rules.ts';

/** Everything the report of an inspection is built from, with units and inspectors named. */
async function readRecords(db: Executor, inspection: LoadedInspection) {
  const id = inspection.id;
  const [district, inspectors, scope, findings, interviews, sanctions] = await Promise.all([
    listOrgUnitInfo(db, { ids: [inspection.districtId] }),
    listNamedInspectors(db, id),
    listScope(db, id),
    listFindingRows(db, { inspectionId: id }, { order: 'oldest' }),
    listInterviewRows(db, { inspectionId: id }),
    listSanctionRows(db, { inspectionId: id }),
  ]);
  const unit = await unitNamer(
    db,
    [...findings, ...interviews, ...sanctions].map((r) => r.orgUnitId),
  );
  return { district: district[0], inspectors, scope, findings, interviews, sanctions, unit };
}

type Records = Awaited<ReturnType<typeof readRecords>>;

/** Findings by unit code, then as recorded, with their orders. */
function findingsPart(r: Records) {
  return [...r.findings]
    .sort((a, b) => byText(r.unit(a.orgUnitId).code, r.unit(b.orgUnitId).code))
    .map((f) => ({
      orgUnitId: f.orgUnitId,
      unitName: r.unit(f.orgUnitId).name,
      subjectLabel: f.subjectLabel,
      title: f.title,
      description: f.description,
      severity: f.severity,
      order:
        f.orderState && f.orderDueDate
          ? { state: f.orderState, dueDate: f.orderDueDate, closedOn: f.orderClosedOn }
          : null,
    }));
}

/** Interviews with their commitments; sanctions by decision date. */
function interviewsAndSanctions(r: Records) {
  return {
    interviews: r.interviews.map((v) => ({
      orgUnitId: v.orgUnitId,
      unitName: r.unit(v.orgUnitId).name,
      heldOn: v.heldOn,
      interviewers: v.interviewers,
      interviewees: v.interviewees,
      reason: v.reason,
      commitments: v.commitments.map((c) => ({ text: c.text, state: c.state, followUp: c.followUp })),
    })),
    sanctions: [...r.sanctions]
      .sort((a, b) => byText(a.decidedOn, b.decidedOn))
      .map((s) => ({
        orgUnitId: s.orgUnitId,
        unitName: r.unit(s.orgUnitId).name,
        kind: s.kind,
        title: s.title,
        points: Number(s.points),
        groundsText: s.groundsText,
      })),
  };
}

/** Reads every record of an inspection the report is built from. */
export async function collectReportRecords(
  db: Executor,
  inspection: LoadedInspection,
  today: string,
): Promise<InspectionReportRecords> {
  const r = await readRecords(db, inspection);
  return {
    inspection: {
      title: inspection.title,
      kind: inspection.kind,
      documentNumber: inspection.documentNumber,
      startsOn: inspection.startsOn,
      endsOn: inspection.endsOn,
      purpose: inspection.purpose,
      conclusion: inspection.conclusion,
      date: inspection.completedAt ? chinaDate(inspection.completedAt) : today,
      districtName: r.district?.fullName || r.district?.name || '',
    },
    inspectors: r.inspectors.map((i) => ({ name: i.displayName, isLead: i.isLead })),
    scope: r.scope.map((s) => ({ type: s.type, label: s.label })),
    schedule: inspection.schedule,
    findings: findingsPart(r),
    ...interviewsAndSanctions(r),
  };
}
