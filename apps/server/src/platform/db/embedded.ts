import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { acquireDataDirLock } from './data-dir-lock.ts';

export interface EmbeddedServer {
  /** Directory holding the socket `.s.PGSQL.5432`, to pass to `pg` as `host`. */
  socketDir: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite on `dataDir` in a worker thread behind a Unix socket. Takes the data-directory
 * lock first; the lock is released when the server stops.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedServer> {
  const release = acquireDataDirLock(dataDir);
  const pgdata = path.join(dataDir, 'pgdata');
  fs.mkdirSync(pgdata, { recursive: true, mode: 0o700 });
  // Unix socket paths are limited to ~107 bytes; use a private temp dir when the data dir is deep.
  let socketDir = path.join(dataDir, 'run');
  if (socketDir.length > 80) socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-'));
  fs.mkdirSync(socketDir, { recursive: true, mode: 0o700 });
  const socketPath = path.join(socketDir, '.s.PGSQL.5432');
  fs.rmSync(socketPath, { force: true });

  const worker = new Worker(new URL('./embedded-worker.mjs', import.meta.url), {
    workerData: { dataDir: pgdata, socketPath },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      worker.once('message', (msg: { ready?: boolean; error?: string }) =>
        msg.ready ? resolve() : reject(new Error(`Embedded database failed to start: ${msg.error}`)),
      );
      worker.once('error', reject);
    });
  } catch (error) {
    await worker.terminate();
    release();
    throw error;
  }
  return {
    socketDir,
    async stop() {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 5000);
        worker.once('message', () => {
          clearTimeout(timer);
          resolve();
        });
        worker.postMessage('close');
      });
      await worker.terminate();
      fs.rmSync(socketPath, { force: true });
      release();
    },
  };
}
