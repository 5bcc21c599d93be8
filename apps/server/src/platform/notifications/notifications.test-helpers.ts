import type { TestContext } from '../../test/test-context.ts';

/** Every notification about a record (`objectId`), oldest first: to whom, of what kind. */
export function noticesAbout(ctx: TestContext, objectId: string) {
  return ctx.db
    .selectFrom('notification')
    .select(['recipientUnitId', 'recipientUserId', 'kind', 'titleZh', 'titleEn', 'bodyZh', 'link'])
    .where('objectId', '=', objectId)
    .orderBy('createdAt')
    .execute();
}

/** The id of the org unit with `code`. */
export async function unitIdOf(ctx: TestContext, code: string) {
  const row = await ctx.db
    .selectFrom('orgUnit')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return row.id;
}
