import type { Static } from 'typebox';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import {
  actorSchool,
  checkEnterprises,
  rejectInput,
  unitScope,
  type CooperationDeps,
} from './cooperation.deps.ts';
import { canSeeCentre } from './cooperation.policy.ts';
import {
  countCentres,
  findCentre,
  findProject,
  insertCentre,
  insertProject,
  listCentres as listCentreRows,
  listProjects,
  updateProject,
} from './cooperation.repository.ts';
import { projectRefusals } from './cooperation.rules.ts';
import type { CentreBody, CentreQuery, ClosureBody, ProjectBody } from './cooperation.schema.ts';
import { describeCentres } from './cooperation.view.ts';
import { centreWorkflow } from './cooperation.workflow.ts';

/*
 * 应用技术协同创新中心 and 教学工厂 (引企入校): a vocational school records the centres it runs with
 * partner enterprises and their projects (技术研发, 成果转化, 新技术推广, 职工培训, 实习实训, 生产经营)
 * with what they count; the partners read them; the plan counts those in operation.
 */

/** Centres the actor sees, filtered, latest opened first, with the total. */
export async function listCentres(deps: CooperationDeps, actor: Actor, query: Static<typeof CentreQuery>) {
  const { limit, offset, ...filter } = query;
  const [rows, total] = await Promise.all([
    listCentreRows(deps.db, unitScope(actor), filter, { limit, offset }),
    countCentres(deps.db, unitScope(actor), filter),
  ]);
  return { items: await describeCentres(deps.db, actor, rows), total };
}

/** One centre with its projects. */
export async function getCentre(deps: CooperationDeps, actor: Actor, id: string) {
  const row = await loadCentre(deps, actor, id);
  return (await describeCentres(deps.db, actor, [row]))[0]!;
}

/** Records a centre or teaching factory of the actor's school. */
export async function createCentre(deps: CooperationDeps, actor: Actor, input: Static<typeof CentreBody>) {
  const { schoolId, districtId } = await actorSchool(deps.db, actor);
  await checkEnterprises(deps.db, districtId, input.partnerIds, (i) => `partnerIds.${i}`);
  const id = await deps.transaction(async (trx) => {
    const now = deps.clock.now();
    const id = await insertCentre(trx, {
      ...columns(input),
      schoolId,
      districtId,
      state: 'operating',
      closedOn: null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'cooperation.centre.created',
      objectType: 'cooperation_centre',
      objectId: id,
      details: { kind: input.kind, name: input.name, partnerIds: input.partnerIds },
    });
    return id;
  });
  return getCentre(deps, actor, id);
}

/** Edits a centre in operation; its projects must still fit (opening date, partners). */
export async function updateCentre(
  deps: CooperationDeps,
  actor: Actor,
  id: string,
  input: Static<typeof CentreBody>,
) {
  const row = await loadCentre(deps, actor, id);
  centreWorkflow.assert('edit', actor, row);
  await checkEnterprises(deps.db, row.districtId, input.partnerIds, (i) => `partnerIds.${i}`);
  const projects = await listProjects(deps.db, [id]);
  rejectInput(
    projects.flatMap((p, i) =>
      projectRefusals({ openedOn: input.openedOn, partnerIds: input.partnerIds }, p).map((r) => ({
        ...r,
        field:
          r.field === 'startsOn'
            ? 'openedOn'
            : r.field === 'enterpriseId'
              ? 'partnerIds'
              : `projects.${i}.${r.field}`,
        zh: `项目“${p.title}”：${r.zh}`,
        en: `Project “${p.title}”: ${r.en}`,
      })),
    ),
  );
  await deps.transaction((trx) =>
    centreWorkflow.apply(deps, trx, 'edit', actor, row, {
      set: columns(input),
      details: { name: input.name },
    }),
  );
  return getCentre(deps, actor, id);
}

/** Records the closure (停办) of a centre, with the date and reason. */
export async function closeCentre(
  deps: CooperationDeps,
  actor: Actor,
  id: string,
  input: Static<typeof ClosureBody>,
) {
  const row = await loadCentre(deps, actor, id);
  centreWorkflow.assert('close', actor, row);
  const reason = input.reason.trim();
  if (!reason)
    rejectInput([{ field: 'reason', code: 'REQUIRED', zh: '请填写停办原因', en: 'Give the reason' }]);
  if (input.closedOn < row.openedOn)
    rejectInput([
      {
        field: 'closedOn',
        code: 'BEFORE_OPENING',
        zh: `停办日期早于成立日期（${row.openedOn}）`,
        en: `The closing date is before the opening (${row.openedOn})`,
      },
    ]);
  await deps.transaction((trx) =>
    centreWorkflow.apply(deps, trx, 'close', actor, row, {
      set: { closedOn: input.closedOn, closeReason: reason },
      comment: reason,
    }),
  );
  return getCentre(deps, actor, id);
}

/** Adds a project to a centre in operation (or, with `projectId`, edits one). */
export async function saveProject(
  deps: CooperationDeps,
  actor: Actor,
  centreId: string,
  input: Static<typeof ProjectBody>,
  projectId?: string,
) {
  const row = await loadCentre(deps, actor, centreId);
  centreWorkflow.assert('projects', actor, row);
  if (projectId && !(await findProject(deps.db, centreId, projectId))) throw notFound();
  rejectInput(projectRefusals(row, input));
  await deps.transaction(async (trx) => {
    const now = deps.clock.now();
    const values = {
      kind: input.kind,
      title: input.title.trim(),
      enterpriseId: input.enterpriseId,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      staffTrained: input.staffTrained,
      studentsTrained: input.studentsTrained,
      valueYuan: input.valueYuan,
      note: input.note.trim(),
      updatedAt: now,
    };
    const id =
      projectId ??
      (await insertProject(trx, { ...values, centreId, createdBy: actor.userId, createdAt: now }));
    if (projectId) await updateProject(trx, projectId, values);
    await centreWorkflow.apply(deps, trx, 'projects', actor, row, {
      details: { projectId: id, title: values.title, kind: values.kind, staffTrained: values.staffTrained },
    });
  });
  return getCentre(deps, actor, centreId);
}

/** The centre, if the actor sees it (else 404). */
export async function loadCentre(deps: Pick<CooperationDeps, 'db'>, actor: Actor, id: string) {
  const row = await findCentre(deps.db, id);
  if (!row || !canSeeCentre(actor, row)) throw notFound();
  return row;
}

function columns(input: Static<typeof CentreBody>) {
  return {
    kind: input.kind,
    name: input.name.trim(),
    partnerIds: input.partnerIds,
    field: input.field.trim(),
    openedOn: input.openedOn,
  };
}
