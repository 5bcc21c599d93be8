import path from 'node:path';
import { buildApp } from '../app.ts';
import { isEmpty } from '../demo/bootstrap.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { createRunningClock, systemClock } from '../platform/clock/clock.ts';
import type { Config } from '../platform/config/config.ts';
import { openRuntime, REPO_ROOT } from '../runtime.ts';

const line = '─'.repeat(72);

/**
 * `zhijiao start`: migrate, load the demo on an empty data directory (unless switched off),
 * serve the API and the web app, and stop cleanly on SIGINT/SIGTERM.
 */
export async function startServer(config: Config): Promise<void> {
  const t0 = performance.now();
  if (!config.databaseUrl) {
    console.warn(
      `[zhijiao] 嵌入式数据库（PGlite）模式：数据位于 ${config.dataDir}，断电时可能丢失最近写入，生产环境请设置 DATABASE_URL 使用 PostgreSQL。\n` +
        `[zhijiao] Embedded database (PGlite) in ${config.dataDir}: not safe against power loss. Use PostgreSQL (DATABASE_URL) in production.`,
    );
  }
  if (config.clockStart)
    console.warn(
      `[zhijiao] 系统时钟从 ${config.clockStart} 起运行（仅用于演示和测试）。\n` +
        `[zhijiao] The clock starts at ${config.clockStart} (demos and tests only).`,
    );
  const rt = await openRuntime(
    config,
    config.clockStart ? createRunningClock(config.clockStart) : systemClock,
  );
  if (config.databaseUrl) {
    const { describeConnection } = await import('../platform/db/runtime-role.ts');
    if ((await describeConnection(rt.database.db)).ownsAuditLog)
      console.warn(
        '[zhijiao] 当前数据库角色拥有数据表，可停用审计日志的只追加触发器；请改用 `zhijiao migrate --runtime-role NAME` 生成的运行角色。\n' +
          "[zhijiao] The database role owns the tables, so it can disable the audit log's append-only trigger; run the server as the role `zhijiao migrate --runtime-role NAME` prints.",
      );
  }
  let accounts: Awaited<ReturnType<typeof loadDemo>>['accounts'] = [];
  if (config.demoData && (await isEmpty(rt))) {
    const demo = await loadDemo(rt);
    accounts = demo.accounts;
    console.log(`[zhijiao] ${demo.summary}`);
  }
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
    },
  });
  const address = await app.listen({ port: config.port, host: config.host });
  const url = address.replace('127.0.0.1', 'localhost');
  const ms = Math.round(performance.now() - t0);
  console.log(
    `${line}\n职教 Zhijiao 已启动 / is running: ${url}   (${rt.database.kind}, ready in ${ms} ms)\nAPI docs: ${url}/api/docs`,
  );
  if (accounts.length > 0) {
    console.log(
      `${line}\n演示账号（密码只显示这一次，首次登录须修改；管理员须绑定动态验证码）\nDemo accounts (passwords are shown once; change at first sign-in; admins must set up TOTP):`,
    );
    for (const a of accounts) console.log(`  ${a.username.padEnd(12)} ${a.password}   ${a.displayName}`);
  } else if (config.demoData) {
    console.log(
      '演示账号已在首次启动时创建 / Demo accounts were created at first start (see that output, or `npx zhijiao users create`).',
    );
  }
  console.log(line);
  const stop = async (signal: string) => {
    console.log(`[zhijiao] ${signal}: stopping…`);
    await app.close();
    await rt.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
