import type { FindingSubjectType } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { fieldError } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { unitRefsByIds } from '../org/index.ts';
import {
  lateSubjectFinding,
  planSubject,
  subjectOf,
  unknownSubject,
  type FindingSubject,
} from './finding-subjects.ts';
import { insertFinding, listFindingRows } from './findings.repository.ts';
import { findingWorkflow } from './findings.workflow.ts';
import { inspectionWorkflow } from './inspections.workflow.ts';
import {
  loadFinding,
  loadInspection,
  todayOf,
  listContext,
  unitNamer,
  type LoadedInspection,
} from './supervision.access.ts';
import { supervisionView } from './supervision.policy.ts';
import type { FindingFromSubjectInput, FindingInput, FindingsFilter } from './supervision.schema.ts';
import { findingOut } from './supervision.views.ts';

/**
 * Findings (问题): an inspector of a running inspection records one against a unit and the task,
 * indicator or joint-meeting action item it concerns, or opens one in one click from an off-track
 * indicator or an overdue task, carrying the evidence (value / target / status, missed reports).
 */

/** What a finding says besides its subject. */
interface FindingText {
  subjectType: FindingSubjectType;
  subjectId?: string | null;
  orgUnitId?: string | null;
  title: string;
  description: string;
  severity: FindingInput['severity'];
}

type Build = (
  trx: Executor,
  inspection: LoadedInspection,
) => Promise<FindingText & { subject: FindingSubject }>;

/** Records the finding `build` describes in a running inspection, with its audit row. */
async function recordFinding(deps: ModuleDeps, actor: Actor, inspectionId: string, build: Build) {
  const inspection = await loadInspection(deps.db, actor, inspectionId);
  inspectionWorkflow.assert('addFinding', actor, inspection);
  const id = await deps.transaction(async (trx) => {
    const { subject, ...f } = await build(trx, inspection);
    if (subject.districtId !== inspection.districtId) throw unknownSubject();
    const orgUnitId = f.orgUnitId ?? subject.orgUnitId;
    if (!orgUnitId || !(await unitRefsByIds(trx, [orgUnitId])).has(orgUnitId))
      throw fieldError(
        'orgUnitId',
        'ORG_UNIT_UNKNOWN',
        '请指定问题所涉单位',
        'Name the unit the finding concerns',
      );
    const subjectId = f.subjectId ?? null;
    const id = await insertFinding(trx, {
      inspectionId,
      districtId: inspection.districtId,
      orgUnitId,
      subjectType: f.subjectType,
      subjectId,
      subjectLabel: subject.label.trim(),
      evidence: subject.evidence,
      title: f.title.trim(),
      description: f.description.trim(),
      severity: f.severity,
      createdBy: actor.userId,
      createdAt: deps.clock.now(),
    });
    const details = { inspectionId, subjectType: f.subjectType, subjectId };
    await findingWorkflow.record(deps, trx, 'record', actor, id, { details });
    return id;
  });
  return getFinding(deps, actor, id);
}

/** Records a finding by hand; a task, indicator or action item subject gets its current evidence attached. */
export function addFinding(deps: ModuleDeps, actor: Actor, inspectionId: string, input: FindingInput) {
  return recordFinding(deps, actor, inspectionId, async (trx, inspection) => ({
    ...input,
    subject: await subjectOf(trx, deps.metrics, input, inspection.districtId, todayOf(deps)),
  }));
}

/** One click from an alert: an off-track (or at-risk) indicator or an overdue task opens a finding. */
export function addFindingFromSubject(
  deps: ModuleDeps,
  actor: Actor,
  inspectionId: string,
  input: FindingFromSubjectInput,
) {
  return recordFinding(deps, actor, inspectionId, async (trx) => {
    const subject = await planSubject(trx, deps.metrics, input.subjectType, input.subjectId, todayOf(deps));
    return {
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      subject,
      ...lateSubjectFinding(input.subjectType, subject, input.severity),
    };
  });
}

/** One finding with its order. */
export async function getFinding(deps: ModuleDeps, actor: Actor, id: string) {
  const finding = await loadFinding(deps.db, actor, id);
  const unit = await unitNamer(deps.db, [finding.orgUnitId]);
  return findingOut(actor, finding, unit(finding.orgUnitId), finding.inspectorIds, todayOf(deps));
}

/** Findings the actor sees (a unit: its own), newest first. */
export async function listFindings(deps: ModuleDeps, actor: Actor, q: FindingsFilter) {
  const view = supervisionView(actor);
  const rows = await listFindingRows(deps.db, { ...q, view }, { order: 'newest', ...q });
  const { inspectorsOf, unit } = await listContext(deps.db, rows);
  return rows.map((r) => findingOut(actor, r, unit(r.orgUnitId), inspectorsOf(r), todayOf(deps)));
}
