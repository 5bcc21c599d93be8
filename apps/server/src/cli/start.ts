import cluster from 'node:cluster';
import path from 'node:path';
import { buildApp } from '../app.ts';
import type { Config } from '../platform/config/config.ts';
import { openRuntime, REPO_ROOT, type Runtime } from '../runtime.ts';
import { startPrimary } from './start-cluster.ts';
import { clockOf, prepareDatabase, printBanner, printWarnings, withDemoPublicUrl } from './start-steps.ts';
import { requestLogSerializer } from '../platform/http/log-serializers.ts';

/**
 * `zhijiao start`: migrate, load the demo on an empty data directory (unless switched off),
 * serve the API and the web app, and stop cleanly on SIGINT/SIGTERM. With `ZHIJIAO_WORKERS` > 1
 * (PostgreSQL only) this process migrates and loads the demo, then forks that many worker
 * processes that share the port (`start-cluster.ts`); each worker serves with `serveWorker`.
 */
export async function startServer(given: Config): Promise<void> {
  const config = withDemoPublicUrl(given);
  const t0 = performance.now();
  if (cluster.isWorker) return serveWorker(config);
  printWarnings(config);
  if (config.workers > 1) return startPrimary(config, t0);
  const { rt, accounts } = await prepareDatabase(config);
  const app = await serve(rt);
  printBanner({ url: await listen(app, config), kind: rt.database.kind, t0, accounts, config });
  stopOnSignals(async () => {
    await app.close();
    await rt.close();
  });
}

/** One worker of a cluster: no migration, no demo (the primary did both), then serve. */
async function serveWorker(config: Config): Promise<void> {
  const rt = await openRuntime(config, clockOf(config), { migrate: false });
  const app = await serve(rt);
  await listen(app, config);
  stopOnSignals(async () => {
    await app.close();
    await rt.close();
  });
}

async function serve(rt: Runtime) {
  const { config } = rt;
  const { app } = await buildApp({
    config,
    db: rt.database.db,
    dbKind: rt.database.kind,
    clock: rt.clock,
    crypto: rt.crypto,
    webRoot: path.join(REPO_ROOT, 'apps/web/dist'),
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
      // A search's text may name a person: the request line logs it as [redacted].
      serializers: { req: requestLogSerializer },
    },
  });
  return app;
}

async function listen(app: Awaited<ReturnType<typeof serve>>, config: Config): Promise<string> {
  const address = await app.listen({ port: config.port, host: config.host });
  return address.replace('127.0.0.1', 'localhost');
}

function stopOnSignals(close: () => Promise<void>): void {
  const stop = async (signal: string) => {
    console.log(`[zhijiao] ${signal}: stopping…`);
    await close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
