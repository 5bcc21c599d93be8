/** A use case: a named function taking its dependencies first, then what the caller passes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any arguments after the dependencies
export type UseCase<D> = (deps: D, ...args: any[]) => unknown;

/** The use cases with their dependencies bound: what routes, jobs and other modules call. */
export type Bound<D, U> = {
  [K in keyof U]: U[K] extends (deps: D, ...args: infer A) => infer R ? (...args: A) => R : never;
};

/**
 * Binds a file's use cases to the module's dependencies. A service file exports its use cases as
 * plain functions (`export async function issueOrder(deps, actor, findingId, input)`), readable
 * and testable one by one; the module binds them once:
 *
 * @example
 * import * as orders from './orders.service.ts';
 * const services = { orders: bindUseCases(deps, orders) };
 * await services.orders.issueOrder(actor, findingId, input);
 */
export function bindUseCases<D, U extends Record<string, UseCase<D>>>(deps: D, useCases: U): Bound<D, U> {
  const bound: Record<string, unknown> = {};
  for (const [name, useCase] of Object.entries(useCases))
    if (typeof useCase === 'function') bound[name] = (...args: unknown[]) => useCase(deps, ...args);
  return bound as Bound<D, U>;
}
