import type { Services } from '../app.ts';
import type { DemoContext } from '../platform/modules/module-definition.ts';
import type { Runtime } from '../runtime.ts';
import { demoActor, servicesOn, unitId } from './demo-actors.ts';

/** What a demo context is built from: the running app (a `Runtime`, or a test's context). */
export type DemoRuntime = Pick<Runtime, 'config' | 'database' | 'crypto' | 'services'>;

/**
 * The context a module's `demo` runs with: its services (and dependencies) as on a given day, built
 * once per day for the whole app at 10:00 China time (`servicesOn`) and taken by the module's key;
 * demo accounts' actors and org units by code; another module's services for a cross-module read;
 * the demo plan's past years (`planYears`, see `DemoContext`).
 *
 * @example await supervisionModule.demo!(createDemoContext(rt, 'supervision', '2026-11-29'))
 */
export function createDemoContext<S>(
  rt: DemoRuntime,
  key: string,
  today: string,
  planYears: readonly number[] = [],
): DemoContext<S> {
  const days = new Map<string, Services>();
  const on = (date: string) => {
    let services = days.get(date);
    if (!services) {
      services = servicesOn(rt, date);
      days.set(date, services);
    }
    return services;
  };
  const servicesOf = (date: string, module: string) => {
    const all = on(date).modules.services as Record<string, unknown>;
    if (!(module in all)) throw new Error(`The demo asked for module ${module}, which is not in MODULES`);
    return all[module];
  };
  return {
    today,
    planYears,
    db: rt.database.db,
    at: (date) => servicesOf(date, key) as S,
    depsAt: (date) => on(date).modules.deps.get(key)!,
    actor: (username) => demoActor(rt, username),
    unitId: (code) => unitId(rt, code),
    peer: <T>(module: string, date = today) => servicesOf(date, module) as T,
  };
}
