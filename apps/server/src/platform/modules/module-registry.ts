import type { FastifyInstance } from 'fastify';
import { moduleTransactions } from '../db/transactions.ts';
import type { ModuleDeps, PlatformDeps, ZhijiaoModule } from './module-definition.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any module, whatever its services and needs
export type AnyModule = ZhijiaoModule<string, any, any>;

/** The services object of a list of modules: `{ [module.key]: its services }`. */
export type ServicesOf<L extends readonly AnyModule[]> = {
  [M in L[number] as M['key']]: M extends ZhijiaoModule<string, infer S, infer _N> ? S : never;
};

/** The modules built: their services by key, and each one's dependencies (for its routes). */
export interface BuiltModules<L extends readonly AnyModule[]> {
  services: ServicesOf<L>;
  deps: ReadonlyMap<string, ModuleDeps>;
}

/**
 * Builds every module in list order and registers what each provides: metrics, alert sources,
 * todo sources, search sources, job kinds and attachment owners. A module's `needs` must name modules listed before it.
 */
export function buildModules<const L extends readonly AnyModule[]>(
  modules: L,
  platform: PlatformDeps,
): BuiltModules<L> {
  const services: Record<string, unknown> = {};
  const deps = new Map<string, ModuleDeps>();
  for (const m of modules) {
    if (m.key in services) throw new Error(`Module ${m.key} is listed twice`);
    for (const need of m.needs ?? [])
      if (!(need in services))
        throw new Error(`Module ${m.key} needs ${need}, which must be listed before it`);
    const own: ModuleDeps = {
      ...platform,
      transaction: moduleTransactions(platform.db, platform.events, m.key),
    };
    const s: unknown = m.create(own, services);
    services[m.key] = s;
    deps.set(m.key, own);
    for (const metric of m.metrics ?? []) platform.metrics.register(metric);
    for (const [name, source] of Object.entries(m.alertSources?.(s, own) ?? {}))
      platform.alertSources.register(name, source);
    for (const [name, source] of Object.entries(m.todoSources?.(s, own) ?? {}))
      platform.todoSources.register(name, source);
    for (const [name, source] of Object.entries(m.searchSources?.(s, own) ?? {}))
      platform.searchSources.register(name, source);
    for (const job of m.jobs?.(s, own) ?? [])
      platform.jobs.register(job.kind, job.handler, job.permission ? { permission: job.permission } : {});
    for (const [recordType, owner] of Object.entries(m.attachments?.(s, own) ?? {}))
      platform.attachments.register(recordType, owner);
  }
  return { services: services as ServicesOf<L>, deps };
}

/** Registers each module's route plugin with its services and dependencies. */
export async function registerModuleRoutes<const L extends readonly AnyModule[]>(
  app: FastifyInstance,
  modules: L,
  built: BuiltModules<L>,
): Promise<void> {
  for (const m of modules) {
    if (!m.routes) continue;
    const services = (built.services as Record<string, unknown>)[m.key];
    await app.register(m.routes, { services, deps: built.deps.get(m.key)! });
  }
}
