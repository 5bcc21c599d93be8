import type { Static } from 'typebox';
import type { Executor } from '../../platform/db/database.ts';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import { findDistrictOf } from '../org/index.ts';
import { checkPost } from './internship-post.rules.ts';
import { actorUnit, today, type InternshipsDeps } from './internships.deps.ts';
import { canSeePost } from './internships.policy.ts';
import {
  countPostsInScope,
  findPost,
  insertPost,
  isPostPlacedFrom,
  listPostsInScope,
  lockPost,
  type PostFilter,
  type PostScope,
} from './internships.repository.ts';
import type { CreatePostBody, PostBody, PostQuery } from './internships.schema.ts';
import { describePosts } from './internships.view.ts';
import { postWorkflow } from './internships.workflow.ts';
import { postRuleInput } from './placement-facts.ts';

/*
 * Internship posts (实习岗位): an enterprise's account writes them as drafts, publishes them once
 * they pass the post rules (internship-post.rules.ts: every refusal named, in zh and en) and closes
 * them. Schools of the district see the published ones and place students on them.
 */

/** Posts the actor sees, filtered, newest year first, with the total for paging. */
export async function listPosts(deps: InternshipsDeps, actor: Actor, query: Static<typeof PostQuery>) {
  const { limit, offset, ...filter } = query;
  const { places } = await actorUnit(deps.db, actor);
  const scope = postScope(actor, places);
  const [rows, total] = await Promise.all([
    listPostsInScope(deps.db, scope, filter, { limit, offset }),
    countPostsInScope(deps.db, scope, filter),
  ]);
  return { items: await describePosts(deps.db, actor, rows, { places, rules: deps.rules }), total };
}

/** How many posts the actor sees with the filter (the search source's count). */
export async function countPosts(deps: InternshipsDeps, actor: Actor, filter: PostFilter) {
  const { places } = await actorUnit(deps.db, actor);
  return countPostsInScope(deps.db, postScope(actor, places), filter);
}

/** One post. */
export async function getPost(deps: InternshipsDeps, actor: Actor, id: string) {
  const { post, places } = await loadFor(deps, actor, id);
  const [described] = await describePosts(deps.db, actor, [post], { places, rules: deps.rules });
  return described!;
}

/** Writes a post of the actor's enterprise: a draft, or published at once (`publish`). */
export async function createPost(deps: InternshipsDeps, actor: Actor, input: Static<typeof CreatePostBody>) {
  const { isEnterprise } = await actorUnit(deps.db, actor);
  if (!actor.permissions.has('internship.post')) throw forbidden();
  if (!isEnterprise) throw new AppError('INTERNSHIP_NOT_AN_ENTERPRISE', 403);
  const values = checkedColumns(input);
  if (input.publish) assertPublishable(deps, values);
  const districtId = (await findDistrictOf(deps.db, actor.orgUnitId)) ?? actor.orgUnitId;
  const id = await deps.transaction(async (trx) => {
    const now = deps.clock.now();
    const id = await insertPost(trx, {
      ...values,
      enterpriseId: actor.orgUnitId,
      districtId,
      state: input.publish ? 'published' : 'draft',
      publishedOn: input.publish ? today(deps) : null,
      closedOn: null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: input.publish ? 'internships.post.published' : 'internships.post.created',
      objectType: 'internship_post',
      objectId: id,
      details: { title: values.title, year: values.year, places: values.places },
    });
    return id;
  });
  return getPost(deps, actor, id);
}

/** Edits a draft post. */
export async function updatePost(
  deps: InternshipsDeps,
  actor: Actor,
  id: string,
  input: Static<typeof PostBody>,
) {
  const { post } = await loadFor(deps, actor, id);
  const values = checkedColumns(input);
  await deps.transaction((trx) =>
    postWorkflow.apply(deps, trx, 'edit', actor, post, { set: values, details: { title: values.title } }),
  );
  return getPost(deps, actor, id);
}

/**
 * Publishes a draft post: refused (409) with every reason when it breaks the post rules. The rules
 * judge the post as it stands under its row lock, in the transaction that publishes it: an edit
 * committed meanwhile is what gets checked, never the draft as it was read before.
 */
export async function publishPost(deps: InternshipsDeps, actor: Actor, id: string) {
  const { places } = await actorUnit(deps.db, actor);
  await deps.transaction(async (trx) => {
    const post = await lockPost(trx, id);
    if (!post || !(await seesPost(trx, actor, post, places))) throw notFound();
    postWorkflow.assert('publish', actor, post);
    assertPublishable(deps, post);
    await postWorkflow.apply(deps, trx, 'publish', actor, post, { set: { publishedOn: today(deps) } });
  });
  return getPost(deps, actor, id);
}

/** Closes a published post: no new placements; those made stay. */
export async function closePost(deps: InternshipsDeps, actor: Actor, id: string) {
  const { post } = await loadFor(deps, actor, id);
  await deps.transaction((trx) =>
    postWorkflow.apply(deps, trx, 'close', actor, post, { set: { closedOn: today(deps) } }),
  );
  return getPost(deps, actor, id);
}

/** The post, if the actor sees it (else 404), and whether the actor places students. */
export async function loadFor(deps: InternshipsDeps, actor: Actor, id: string) {
  const [post, unit] = await Promise.all([findPost(deps.db, id), actorUnit(deps.db, actor)]);
  if (!post || !(await seesPost(deps.db, actor, post, unit.places))) throw notFound();
  return { post, places: unit.places };
}

/** `canSeePost`, asking for a placement from the actor's scope on the post only when it decides. */
async function seesPost(
  db: Executor,
  actor: Actor,
  post: NonNullable<Awaited<ReturnType<typeof findPost>>>,
  places: boolean,
) {
  const seen = canSeePost(actor, post, places);
  if (seen || actor.scope.all) return seen;
  return canSeePost(actor, post, places, await isPostPlacedFrom(db, post.id, actor.scope.orgUnitIds));
}

function postScope(actor: Actor, places: boolean): PostScope {
  if (actor.scope.all) return { all: true };
  return {
    all: false,
    enterpriseIds: actor.scope.orgUnitIds,
    openInDistrict: places ? actor.districtId : null,
    placedFrom: actor.scope.orgUnitIds,
  };
}

/** The refusals of the post rules as a 409 naming each field. */
function assertPublishable(deps: InternshipsDeps, values: Parameters<typeof postRuleInput>[0]) {
  const check = checkPost(postRuleInput(values), deps.rules);
  if (check.ok) return;
  throw new AppError(
    'INTERNSHIP_POST_REFUSED',
    409,
    check.refusals.map((r) => ({ field: r.field, code: r.code, message: r.zh, messageEn: r.en })),
  );
}

/** The post's columns, trimmed, with the period and year checked (field-named, zh and en). */
function checkedColumns(input: Static<typeof PostBody>) {
  if (input.endsOn < input.startsOn)
    throw fieldError(
      'endsOn',
      'PERIOD_INVALID',
      `结束日 ${input.endsOn} 早于开始日 ${input.startsOn}`,
      `The end date ${input.endsOn} is before the start date ${input.startsOn}`,
    );
  const first = Number(input.startsOn.slice(0, 4));
  const last = Number(input.endsOn.slice(0, 4));
  if (input.year < first || input.year > last)
    throw fieldError(
      'year',
      'YEAR_OUTSIDE_PERIOD',
      `年度 ${input.year} 不在岗位期间（${input.startsOn} 至 ${input.endsOn}）内`,
      `The year ${input.year} is outside the post's period (${input.startsOn} to ${input.endsOn})`,
    );
  const title = input.title.trim();
  const location = input.location.trim();
  if (!title) throw fieldError('title', 'REQUIRED', '请填写岗位名称', 'The title is required');
  if (!location) throw fieldError('location', 'REQUIRED', '请填写实习地点', 'The location is required');
  return {
    title,
    kind: input.kind,
    majors: [...new Set(input.majors.map((m) => m.trim()).filter(Boolean))],
    places: input.places,
    year: input.year,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    location,
    dailyHours: input.dailyHours,
    weeklyHours: input.weeklyHours,
    nightWork: input.nightWork,
    overtimeWork: input.overtimeWork,
    holidayWork: input.holidayWork,
    filingReference: input.filingReference.trim(),
    venue: input.venue,
    viaAgent: input.viaAgent,
    labourIntensityClass: input.labourIntensityClass as 1 | 2 | 3 | 4,
    highRiskWork: [...new Set(input.highRiskWork)],
    monthlyPay: input.monthlyPay,
    sameJobMonthlyWage: input.sameJobMonthlyWage,
    lowestWageGrade: input.lowestWageGrade ?? null,
    staffOnPost: input.staffOnPost ?? null,
  };
}
