import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../platform/config/config.ts';
import { prepareDatabase, printBanner } from './start-steps.ts';

/** How long the primary waits before forking again a worker that died. */
const REFORK_DELAY_MS = 1000;

/**
 * The primary of `zhijiao start` with `ZHIJIAO_WORKERS` > 1 (PostgreSQL): migrates and loads the
 * demo once, closes its own connections, then forks the workers, which share the port (node:cluster
 * hands each connection to one of them). It prints the banner when every worker listens, forks a
 * worker again when one dies after that (a worker dying during start-up stops everything: the
 * same fault would repeat), and on SIGINT/SIGTERM stops the workers and waits for them.
 */
export async function startPrimary(config: Config, t0: number): Promise<void> {
  const { rt, accounts } = await prepareDatabase(config);
  const kind = rt.database.kind;
  await rt.close();
  let stopping = false;
  let ready = false;
  const listening = new Set<number>();

  cluster.on('listening', (worker: Worker, address) => {
    listening.add(worker.id);
    if (ready || listening.size < config.workers) return;
    ready = true;
    const host = config.host === '127.0.0.1' ? 'localhost' : config.host;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
    printBanner({ url, kind, t0, accounts, config, workers: config.workers });
  });
  cluster.on('exit', (worker, code, signal) => {
    listening.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    if (!ready) {
      console.error(
        `[zhijiao] worker ${worker.process.pid} exited during start-up (${signal ?? code}): stopping.`,
      );
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      process.exitCode = 1;
      return;
    }
    console.error(`[zhijiao] worker ${worker.process.pid} exited (${signal ?? code}); starting another.`);
    setTimeout(() => stopping || cluster.fork(), REFORK_DELAY_MS);
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`[zhijiao] ${signal}: stopping ${Object.keys(cluster.workers ?? {}).length} workers…`);
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  for (let i = 0; i < config.workers; i++) cluster.fork();
}
