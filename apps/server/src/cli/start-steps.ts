import { isEmpty } from '../demo/bootstrap.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { createRunningClock, systemClock, type Clock } from '../platform/clock/clock.ts';
import type { Config } from '../platform/config/config.ts';
import { openRuntime, type Runtime } from '../runtime.ts';

/** The steps of `zhijiao start` that a single process and a cluster's primary share. */

const line = '─'.repeat(72);

/** A demo account and its one-time password, printed once at the first start. */
export type DemoAccount = Awaited<ReturnType<typeof loadDemo>>['accounts'][number];

/** The real clock, or one starting at `ZHIJIAO_CLOCK_START`. */
export const clockOf = (config: Config): Clock =>
  config.clockStart ? createRunningClock(config.clockStart) : systemClock;

/**
 * The configuration `zhijiao start` runs with: a demo on the embedded database without
 * `ZHIJIAO_PUBLIC_URL` takes `http://localhost:<PORT>` as its public URL, so the demo issues
 * credentials (did:web:localhost%3A<PORT>:issuers:<code>) that its own 证书验证 page verifies. Any
 * other installation keeps what it was given: a real deployment names its public URL itself.
 *
 * @example withDemoPublicUrl({ ...config, port: 3000 }).publicUrl // 'http://localhost:3000'
 */
export function withDemoPublicUrl(config: Config): Config {
  if (config.publicUrl || !config.demoData || config.databaseUrl || config.port === 0) return config;
  return { ...config, publicUrl: `http://localhost:${config.port}` };
}

/** Opens (and migrates) the database and loads the demo on an empty one; answers the new demo accounts. */
export async function prepareDatabase(config: Config): Promise<{ rt: Runtime; accounts: DemoAccount[] }> {
  const rt = await openRuntime(config, clockOf(config));
  if (config.databaseUrl) await warnIfOwnerRole(rt);
  if (!config.demoData || !(await isEmpty(rt))) return { rt, accounts: [] };
  const demo = await loadDemo(rt);
  console.log(`[zhijiao] ${demo.summary}`);
  return { rt, accounts: demo.accounts };
}

/** A server running as the tables' owner could disable the audit log's append-only trigger. */
async function warnIfOwnerRole(rt: Runtime): Promise<void> {
  const { describeConnection } = await import('../platform/db/runtime-role.ts');
  if ((await describeConnection(rt.database.db)).ownsAuditLog)
    console.warn(
      '[zhijiao] 当前数据库角色拥有数据表，可停用审计日志的只追加触发器；请改用 `zhijiao migrate --runtime-role NAME` 生成的运行角色。\n' +
        "[zhijiao] The database role owns the tables, so it can disable the audit log's append-only trigger; run the server as the role `zhijiao migrate --runtime-role NAME` prints.",
    );
}

export function printWarnings(config: Config): void {
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
}

/** The "is running" banner (once per start, by the primary in a cluster) and the new demo accounts. */
export function printBanner(opts: {
  url: string;
  kind: string;
  t0: number;
  accounts: DemoAccount[];
  config: Config;
  workers?: number;
}): void {
  const { url, accounts } = opts;
  const ms = Math.round(performance.now() - opts.t0);
  const processes = opts.workers ? `, ${opts.workers} worker processes` : '';
  console.log(
    `${line}\n职教 Zhijiao 已启动 / is running: ${url}   (${opts.kind}${processes}, ready in ${ms} ms)\nAPI docs: ${url}/api/docs`,
  );
  if (accounts.length > 0) {
    console.log(
      `${line}\n演示账号（密码只显示这一次，首次登录须修改；管理员须绑定动态验证码）\nDemo accounts (passwords are shown once; change at first sign-in; admins must set up TOTP):`,
    );
    for (const a of accounts) console.log(`  ${a.username.padEnd(12)} ${a.password}   ${a.displayName}`);
  } else if (opts.config.demoData) {
    console.log(
      '演示账号已在首次启动时创建 / Demo accounts were created at first start (see that output, or `npx zhijiao users create`).',
    );
  }
  console.log(line);
}
