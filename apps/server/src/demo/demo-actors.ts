import { permissionsOf } from '@zhijiao/contracts';
import { createServices } from '../app.ts';
import type { Actor } from '../platform/auth/actor.ts';
import { findUserByUsername } from '../platform/auth/users.repository.ts';
import { createFixedClock } from '../platform/clock/clock.ts';
import type { Runtime } from '../runtime.ts';
import { findOrgUnitByCode } from '../modules/org/index.ts';

/**
 * The demo acts through the same service use cases as a signed-in user, so its records pass every
 * policy check and write their audit rows. This builds the actor of a demo account.
 */
export async function demoActor(
  rt: Pick<Runtime, 'database' | 'services'>,
  username: string,
): Promise<Actor> {
  const user = await findUserByUsername(rt.database.db, username);
  if (!user) throw new Error(`No demo account ${username}`);
  const role = user.role;
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

/**
 * The services as they were on a past day (10:00 China time), so the demo can hold records made
 * weeks ago: orders past their deadline, meetings already held.
 */
export function servicesOn(rt: Pick<Runtime, 'config' | 'database' | 'crypto'>, date: string) {
  const clock = createFixedClock(`${date}T02:00:00Z`);
  return createServices({ config: rt.config, db: rt.database.db, clock, crypto: rt.crypto });
}

/** The id of the org unit with `code`. */
export async function unitId(rt: Pick<Runtime, 'database'>, code: string): Promise<string> {
  const unit = await findOrgUnitByCode(rt.database.db, code);
  if (!unit) throw new Error(`No org unit ${code}`);
  return unit.id;
}
