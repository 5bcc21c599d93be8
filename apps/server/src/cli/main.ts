import fs from 'node:fs';
import { AppError } from '../platform/errors/app-error.ts';
import { ConfigError, loadConfig } from '../platform/config/config.ts';
import { ROLES, type Role } from '@zhijiao/contracts';
import type { openRuntime as OpenRuntime } from '../runtime.ts';
import type { openDatabase as OpenDatabase } from '../platform/db/database.ts';
import type { migrateToLatest as MigrateToLatest } from '../platform/db/migrate.ts';
import { allowOnly, parseArgs, requireOption, UsageError } from './args.ts';
import { runEnrollmentCommand } from './enrollment-match.command.ts';

const USAGE = `Usage: zhijiao <command> [options]

  start                                   run the server (PORT, DATABASE_URL, ZHIJIAO_DATA_DIR …)
  migrate [--runtime-role NAME]           apply database migrations; with --runtime-role, print the SQL
                                          creating a PostgreSQL role that uses the tables but does not own them
  users create --username U --password P --role R --org ORG_CODE [--name "显示名"]
                                          roles: ${ROLES.join(', ')}
  audit verify                            check the audit log's hash chain and its signed checkpoints
                                          (exit 1 if anything was altered, re-chained or cut off)
  backup FILE                             write a full logical backup (gzip JSON lines)
  restore FILE                            restore a backup into a new, empty database (server stopped)
  plans import FILE                       import a plan definition (YAML) as a new version
  orgs import FILE                        import or update org units (YAML)
  credentials rotate-key --issuer DISTRICT_CODE
                                          make the district's next credential signing key (older keys
                                          stay published: what they signed still verifies); audited
  enrollment match --input IN.json --output OUT.json
                                          run the enrolment matching engine on a file (no database)
`;

const SYSTEM = { id: null, name: 'cli', orgUnitId: null, ip: null };

// The server, the database and every module load only for the commands that need them, so a
// database-free command (enrollment match) starts in a fraction of the time.
const openRuntime = async (...args: Parameters<typeof OpenRuntime>) =>
  (await import('../runtime.ts')).openRuntime(...args);
const openDatabase = async (...args: Parameters<typeof OpenDatabase>) =>
  (await import('../platform/db/database.ts')).openDatabase(...args);
const migrateToLatest = async (...args: Parameters<typeof MigrateToLatest>) =>
  (await import('../platform/db/migrate.ts')).migrateToLatest(...args);

/** Where a CLI run reads its settings and writes its lines: the process's own, or a test's. */
export interface CliIo {
  /** The environment the configuration is read from (never `process.env` behind the caller's back). */
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Line printers over a run's streams. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

function printIssues(details: unknown, { err }: CliOutput): void {
  if (!Array.isArray(details)) return;
  for (const d of details as Array<{
    line?: number | null;
    field?: string;
    message?: string;
    messageEn?: string;
  }>) {
    const where = [d.line ? `line ${d.line}` : null, d.field].filter(Boolean).join(' ');
    err(`  - ${where}: ${d.message ?? ''}${d.messageEn ? ` / ${d.messageEn}` : ''}`);
  }
}

async function run(argv: string[], env: CliIo['env'], output: CliOutput): Promise<number> {
  const { out, err } = output;
  const { positional, options } = parseArgs(argv);
  const [command, sub, file] = positional;
  if (!command || options.help) {
    out(USAGE);
    return command ? 0 : 2;
  }
  // Needs neither configuration nor a database: anyone can re-run a published match.
  if (command === 'enrollment') return runEnrollmentCommand(sub, options, output);
  const config = loadConfig(env);
  switch (command) {
    case 'start':
      allowOnly(options, []);
      await (await import('./start.ts')).startServer(config);
      return -1;
    case 'migrate': {
      allowOnly(options, ['runtime-role']);
      const runtimeRole = options['runtime-role'];
      const { isRuntimeRoleName, runtimeRoleSql, describeConnection } =
        await import('../platform/db/runtime-role.ts');
      if (runtimeRole !== undefined && (typeof runtimeRole !== 'string' || !isRuntimeRoleName(runtimeRole)))
        throw new UsageError('--runtime-role needs a role name (lower-case letters, digits and _)');
      if (runtimeRole && !config.databaseUrl)
        throw new UsageError('--runtime-role is for PostgreSQL (set DATABASE_URL)');
      // The field key the server uses, if there is one: a migration may encrypt personal data
      // already stored, and refuses without the key (naming the missing file). Never a new key:
      // data migrated under a key nobody has could not be read.
      const { loadExistingCrypto, dataDirKeyFile } = await import('../platform/crypto/field-key.ts');
      const crypto = loadExistingCrypto(config);
      const database = await openDatabase(config);
      try {
        const applied = await migrateToLatest(database.db, {
          crypto,
          missingKeyFile: crypto ? null : dataDirKeyFile(config),
        });
        out(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
        if (config.databaseUrl) {
          const { database: name } = await describeConnection(database.db);
          if (typeof runtimeRole === 'string') out(`\n${runtimeRoleSql(runtimeRole, name)}`);
          else
            out(
              '提示：服务器应使用不拥有数据表的角色运行（无法停用审计日志的触发器），`zhijiao migrate --runtime-role zhijiao_app` 输出创建该角色的 SQL。\n' +
                "Tip: run the server as a role that does not own the tables (it cannot disable the audit log's trigger); `zhijiao migrate --runtime-role zhijiao_app` prints the SQL creating it.",
            );
        }
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'users': {
      if (sub !== 'create') throw new UsageError(`Unknown users command "${sub ?? ''}"`);
      allowOnly(options, ['username', 'password', 'role', 'org', 'name']);
      const role = requireOption(options, 'role');
      if (!ROLES.includes(role as Role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
      const input = {
        username: requireOption(options, 'username'),
        password: requireOption(options, 'password'),
        role: role as Role,
        orgUnitCode: requireOption(options, 'org'),
        displayName: typeof options.name === 'string' ? options.name : requireOption(options, 'username'),
        mustChangePassword: false,
      };
      const rt = await openRuntime(config);
      try {
        const { user } = await rt.services.org.users.createUser(null, input, SYSTEM);
        out(`Created ${user.username} (${user.role}) id=${user.id}`);
      } finally {
        await rt.close();
      }
      return 0;
    }
    case 'audit': {
      if (sub !== 'verify') throw new UsageError(`Unknown audit command "${sub ?? ''}"`);
      allowOnly(options, []);
      const { requireCrypto } = await import('../platform/crypto/field-key.ts');
      const { createCheckpointStore } = await import('../platform/audit/audit-checkpoint.ts');
      // The checkpoints are signed with the server's key: a new one would only call them forged.
      const crypto = requireCrypto(config, { zh: '核验审计日志', en: 'Verifying the audit log' });
      const store = createCheckpointStore({ file: config.auditCheckpointFile, crypto });
      const database = await openDatabase(config);
      try {
        const { verifyAuditLog } = await import('../platform/audit/audit-verify.ts');
        const { clockOf } = await import('./start-steps.ts');
        const result = await verifyAuditLog(database.db, store, clockOf(config).now());
        out(`Audit log: ${result.rows} rows, head #${result.headSeq} ${result.headHash}`);
        const cp = result.checkpoints;
        out(
          cp.valid > 0
            ? `Checkpoints: ${cp.valid} signed of ${cp.total} in ${cp.file}, newest #${cp.lastSeq} at ${cp.lastAt}`
            : `Checkpoints: none signed in ${cp.file} (the server writes them while it runs) / 尚无签名检查点`,
        );
        for (const p of result.problems) err(`  ✗ #${p.seq} ${p.problem}: ${p.message}`);
        out(
          result.ok
            ? 'OK: the hash chain is intact and matches every checkpoint. / 审计日志完整，与全部检查点一致。'
            : `BROKEN: ${result.problems.length} problem(s). / 审计日志被篡改：${result.problems.length} 个问题。`,
        );
        return result.ok ? 0 : 1;
      } finally {
        await database.close();
      }
    }
    case 'backup':
    case 'restore': {
      const target = sub;
      if (!target) throw new UsageError(`${command} needs a FILE`);
      allowOnly(options, []);
      if (command === 'restore' && !fs.existsSync(target)) throw new UsageError(`No such file: ${target}`);
      // The restored rows were encrypted under the backed-up server's key, and the restore then
      // migrates, which may encrypt more: the key must already be there (never a new one, under
      // which nothing restored could be read), so a missing key stops the restore before any row
      // is written.
      const crypto =
        command === 'restore'
          ? (await import('../platform/crypto/field-key.ts')).requireCrypto(config, {
              zh: '恢复备份',
              en: 'Restoring a backup',
            })
          : null;
      const database = await openDatabase(config);
      try {
        // A backup reads the database as it is (no migration first): its header records the level.
        const summary =
          command === 'backup'
            ? await (await import('../platform/db/backup.ts')).backupDatabase(database.db, target)
            : await (await import('../platform/db/restore.ts')).restoreDatabase(database.db, target);
        const rows = summary.tables.reduce((n, t) => n + t.rows, 0);
        out(
          `${command === 'backup' ? 'Backed up' : 'Restored'} ${summary.tables.length} tables, ${rows} rows ${command === 'backup' ? 'to' : 'from'} ${target}`,
        );
        if (command === 'restore') {
          const applied = await migrateToLatest(database.db, { crypto });
          if (applied.length) out(`Then applied the migrations since the backup: ${applied.join(', ')}`);
        }
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'plans':
    case 'orgs': {
      if (sub !== 'import') throw new UsageError(`Unknown ${command} command "${sub ?? ''}"`);
      if (!file) throw new UsageError(`${command} import needs a FILE`);
      if (!fs.existsSync(file)) throw new UsageError(`No such file: ${file}`);
      allowOnly(options, []);
      const rt = await openRuntime(config);
      try {
        if (command === 'orgs') {
          const { importOrgUnitsFile } = await import('../demo/bootstrap.ts');
          out(`Imported ${await importOrgUnitsFile(rt, file)} org units.`);
        } else {
          const result = await rt.services.plans.imports.importPlan(fs.readFileSync(file, 'utf8'), SYSTEM);
          out(
            result.created
              ? `Imported plan ${result.code} version ${result.version}.`
              : `Plan ${result.code} version ${result.version} is already imported (no change).`,
          );
          for (const w of result.warnings)
            err(`  ! line ${w.line ?? '?'} ${w.path}: ${w.message} / ${w.messageEn}`);
        }
      } finally {
        await rt.close();
      }
      return 0;
    }
    case 'credentials': {
      if (sub !== 'rotate-key') throw new UsageError(`Unknown credentials command "${sub ?? ''}"`);
      allowOnly(options, ['issuer']);
      const issuer = requireOption(options, 'issuer');
      const rt = await openRuntime(config);
      try {
        const { rotateIssuerKey } = await import('./credentials-rotate-key.command.ts');
        const key = await rotateIssuerKey({ ...rt, db: rt.database.db, audit: rt.services.audit }, issuer);
        out(
          `New signing key of ${issuer}: ${key.keyId} (created ${key.createdAt}) / 新签名密钥：${key.keyId}`,
        );
      } finally {
        await rt.close();
      }
      return 0;
    }
    default:
      throw new UsageError(`Unknown command "${command}"`);
  }
}

/**
 * Runs one `zhijiao` command and resolves to its exit code (-1: `start`, which keeps running).
 * `bin/zhijiao.mjs` calls it with the process's environment and streams, then exits with the code;
 * tests call it in-process with their own. Every command but `start` reads only `io` (it never exits
 * the process or reads `process.env`); `start` is the server itself — its cluster workers inherit
 * `process.env`, its banner goes to the console and a signal ends the process — so it is run only
 * by the bin with the process's own environment, never in-process by a test.
 *
 * @example await runCli(['audit', 'verify'], { env: process.env, stdout: process.stdout, stderr: process.stderr }) // 0
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const output: CliOutput = {
    out: (line) => void io.stdout.write(`${line}\n`),
    err: (line) => void io.stderr.write(`${line}\n`),
  };
  try {
    return await run(argv, io.env, output);
  } catch (error: unknown) {
    if (error instanceof UsageError) {
      output.err(`Error: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      output.err(error.message);
      return 2;
    }
    if (error instanceof AppError) {
      output.err(`Error ${error.code}: ${error.message}`);
      printIssues(error.details, output);
      return 1;
    }
    output.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
}
