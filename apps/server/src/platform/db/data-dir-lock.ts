import fs from 'node:fs';
import path from 'node:path';

// Lock files this process holds (resolved paths).
const heldHere = new Set<string>();

/**
 * An exclusive lock on the embedded data directory. PGlite itself takes none, and a second
 * process on the same directory silently loses writes, so we refuse to start instead.
 * The lock file holds the owner's pid; a lock left by a dead process is taken over. A file with
 * our own pid is stale (pid reuse after a container restart) unless this process holds the lock,
 * which `heldHere` tells apart: a second open in the same process is refused too.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, 'zhijiao.lock');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (heldHere.has(path.resolve(lockPath))) throw inUse(dataDir, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx', mode: 0o600 });
      heldHere.add(path.resolve(lockPath));
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldHere.delete(path.resolve(lockPath));
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (owner && owner !== process.pid && isAlive(owner)) throw inUse(dataDir, owner);
      fs.unlinkSync(lockPath);
    }
  }
  throw new Error(`Could not lock ${lockPath}`);
}

function inUse(dataDir: string, owner: number): Error {
  return new Error(
    `The data directory ${dataDir} is in use by process ${owner}. ` +
      `数据目录正被进程 ${owner} 使用，不能同时启动两个实例。`,
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
