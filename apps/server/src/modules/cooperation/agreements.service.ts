import type { Static } from 'typebox';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { checkEvidenceFiles } from '../../platform/files/evidence-check.ts';
import { firstReadable } from '../../platform/files/attachments.ts';
import {
  actorSchool,
  checkEnterprises,
  rejectInput,
  today,
  unitScope,
  type CooperationDeps,
} from './cooperation.deps.ts';
import { canSeeParties } from './cooperation.policy.ts';
import {
  countAgreements,
  findAgreement,
  insertAgreement,
  listAgreementIdsWithFile,
  listAgreements as listAgreementRows,
} from './cooperation.repository.ts';
import { periodRefusals } from './cooperation.rules.ts';
import type { AgreementBody, AgreementQuery, TerminationBody } from './cooperation.schema.ts';
import { describeAgreements } from './cooperation.view.ts';
import { agreementWorkflow } from './cooperation.workflow.ts';

/*
 * School–enterprise cooperation agreements (校企合作协议): a vocational school records its own,
 * with the signed copy on file; the enterprise party reads them; the district reads all.
 */

/** Agreements the actor sees, filtered, latest start first, with the total for paging. */
export async function listAgreements(
  deps: CooperationDeps,
  actor: Actor,
  query: Static<typeof AgreementQuery>,
) {
  const { limit, offset, ...filter } = query;
  const day = today(deps);
  const [rows, total] = await Promise.all([
    listAgreementRows(deps.db, unitScope(actor), filter, day, { limit, offset }),
    countAgreements(deps.db, unitScope(actor), filter, day),
  ]);
  return { items: await describeAgreements(deps.db, actor, rows, day), total };
}

/** One agreement. */
export async function getAgreement(deps: CooperationDeps, actor: Actor, id: string) {
  const row = await loadAgreement(deps, actor, id);
  return (await describeAgreements(deps.db, actor, [row], today(deps)))[0]!;
}

/** Records an agreement of the actor's school with an enterprise of the district's register. */
export async function createAgreement(
  deps: CooperationDeps,
  actor: Actor,
  input: Static<typeof AgreementBody>,
) {
  const { schoolId, districtId } = await actorSchool(deps.db, actor);
  await checkInput(deps, actor, districtId, input, []);
  const id = await deps.transaction(async (trx) => {
    const now = deps.clock.now();
    const id = await insertAgreement(trx, {
      ...columns(input),
      schoolId,
      districtId,
      state: 'in_force',
      terminatedOn: null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'cooperation.agreement.created',
      objectType: 'cooperation_agreement',
      objectId: id,
      details: { title: input.title, enterpriseId: input.enterpriseId, scopes: input.scopes },
    });
    return id;
  });
  return getAgreement(deps, actor, id);
}

/** Edits an agreement in force (its period, scope, file …). */
export async function updateAgreement(
  deps: CooperationDeps,
  actor: Actor,
  id: string,
  input: Static<typeof AgreementBody>,
) {
  const row = await loadAgreement(deps, actor, id);
  agreementWorkflow.assert('edit', actor, row);
  // The parties are what the agreement is: another enterprise is another agreement.
  if (input.enterpriseId !== row.enterpriseId)
    rejectInput([
      {
        field: 'enterpriseId',
        code: 'PARTY_FIXED',
        zh: '协议的合作企业不能更改，如需与其他企业合作请另行登记协议',
        en: 'The agreement’s enterprise cannot change; record another agreement for another enterprise',
      },
    ]);
  await checkInput(deps, actor, row.districtId, input, row.agreementFileId ? [row.agreementFileId] : []);
  await deps.transaction((trx) =>
    agreementWorkflow.apply(deps, trx, 'edit', actor, row, {
      set: columns(input),
      details: { title: input.title, startsOn: input.startsOn, endsOn: input.endsOn },
    }),
  );
  return getAgreement(deps, actor, id);
}

/** Terminates an agreement in force, with the date and the reason (终止). */
export async function terminateAgreement(
  deps: CooperationDeps,
  actor: Actor,
  id: string,
  input: Static<typeof TerminationBody>,
) {
  const row = await loadAgreement(deps, actor, id);
  agreementWorkflow.assert('terminate', actor, row);
  const reason = input.reason.trim();
  if (!reason)
    rejectInput([
      { field: 'reason', code: 'REQUIRED', zh: '请填写终止原因', en: 'Give the reason for terminating' },
    ]);
  if (input.terminatedOn < row.startsOn)
    rejectInput([
      {
        field: 'terminatedOn',
        code: 'BEFORE_START',
        zh: `终止日期早于协议开始日期（${row.startsOn}）`,
        en: `The termination date is before the agreement starts (${row.startsOn})`,
      },
    ]);
  await deps.transaction((trx) =>
    agreementWorkflow.apply(deps, trx, 'terminate', actor, row, {
      set: { terminatedOn: input.terminatedOn, terminationReason: reason },
      comment: reason,
    }),
  );
  return getAgreement(deps, actor, id);
}

/** An agreement with the file attached that the actor may read (the attachment owner), or null. */
export async function readableAgreementWithFile(deps: CooperationDeps, actor: Actor, fileId: string) {
  return firstReadable(await listAgreementIdsWithFile(deps.db, fileId), (id) =>
    loadAgreement(deps, actor, id),
  );
}

/** The agreement, if the actor sees it (else 404). */
export async function loadAgreement(deps: Pick<CooperationDeps, 'db'>, actor: Actor, id: string) {
  const row = await findAgreement(deps.db, id);
  if (!row || !canSeeParties(actor, row)) throw notFound();
  return row;
}

async function checkInput(
  deps: CooperationDeps,
  actor: Actor,
  districtId: string,
  input: Static<typeof AgreementBody>,
  attached: string[],
) {
  rejectInput(periodRefusals(input.startsOn, input.endsOn));
  if ((input.agreementFileId === null) !== (input.signedOn === null))
    rejectInput([
      {
        field: input.agreementFileId === null ? 'agreementFileId' : 'signedOn',
        code: 'REQUIRED',
        zh: input.agreementFileId === null ? '填写签订日期时须上传协议文本' : '上传协议文本时须填写签订日期',
        en:
          input.agreementFileId === null
            ? 'A signing date needs the signed file'
            : 'The signed file needs its signing date',
      },
    ]);
  await checkEnterprises(deps.db, districtId, [input.enterpriseId], () => 'enterpriseId');
  if (input.agreementFileId)
    await checkEvidenceFiles(deps.db, actor, [input.agreementFileId], {
      attached,
      field: () => 'agreementFileId',
    });
}

function columns(input: Static<typeof AgreementBody>) {
  return {
    enterpriseId: input.enterpriseId,
    title: input.title.trim(),
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    scopes: input.scopes,
    summary: input.summary.trim(),
    agreementFileId: input.agreementFileId,
    signedOn: input.signedOn,
  };
}
