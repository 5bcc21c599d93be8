import { permissionsOf, type Role } from '@zhijiao/contracts';
import { createServices } from '../app.ts';
import type { Actor } from '../platform/auth/actor.ts';
import { createFixedClock } from '../platform/clock/clock.ts';
import type { Runtime } from '../runtime.ts';

/**
 * The demo acts through the same service use cases as a signed-in user, so its records pass every
 * policy check and write their audit rows. This builds the actor of a demo account.
 */
export async function demoActor(rt: Runtime, username: string): Promise<Actor> {
  const user = await rt.database.db
    .selectFrom('appUser')
    .select(['id', 'username', 'displayName', 'role', 'orgUnitId'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const role = user.role as Role;
  const { scope, districtId } = await rt.services.org.units.resolveScope(role, user.orgUnitId);
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role,
    orgUnitId: user.orgUnitId,
    sessionId: 'demo',
    mfa: false,
    restriction: null,
    permissions: new Set(permissionsOf(role)),
    scope,
    districtId,
    ip: null,
  };
}

/** Days from `date` (YYYY-MM-DD), as a date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The services as they were on a past day (10:00 China time), so the demo can hold records made
 * weeks ago: orders past their deadline, meetings already held.
 */
export function servicesOn(rt: Runtime, date: string) {
  const clock = createFixedClock(`${date}T02:00:00Z`);
  return createServices({ config: rt.config, db: rt.database.db, clock, crypto: rt.crypto });
}

/** The id of the org unit with `code`. */
export async function unitId(rt: Runtime, code: string): Promise<string> {
  const row = await rt.database.db
    .selectFrom('orgUnit')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return row.id;
}
