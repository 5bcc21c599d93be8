// Runs PGlite (PostgreSQL in WASM) in a worker thread and serves it on a Unix socket, so a heavy
// query never blocks the HTTP event loop and the app talks to it through `pg` exactly as it talks
// to PostgreSQL (one driver, one type mapping). Plain JS: worker threads don't inherit loaders.
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { parentPort, workerData } from 'node:worker_threads';

const { dataDir, socketPath } = workerData;
try {
  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, path: socketPath });
  await server.start();
  parentPort.on('message', async (msg) => {
    if (msg === 'close') {
      await server.stop().catch(() => {});
      await db.close().catch(() => {});
      parentPort.postMessage({ closed: true });
    }
  });
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ error: String(error?.stack ?? error) });
}
