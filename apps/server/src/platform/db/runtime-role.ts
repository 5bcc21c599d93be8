/**
 * The PostgreSQL role the server should run as: it reads and writes the tables but does not own
 * them, so it cannot `ALTER TABLE … DISABLE TRIGGER`, drop the append-only trigger or truncate;
 * on the audit log it may only insert and read, on the migrations' tables only read, and it
 * creates nothing in the schema. Migrations run as the owning role.
 */
import { sql } from 'kysely';
import type { Executor } from './database.ts';

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** True for a role name `runtimeRoleSql` accepts: lower-case letters, digits and `_`, at most 63. */
export function isRuntimeRoleName(name: string): boolean {
  return ROLE_NAME.test(name);
}

/**
 * The SQL that creates (if missing) and grants the runtime role in `database`, to be run by the
 * role that owns the tables, i.e. the one that ran `zhijiao migrate` (after it: the migrations'
 * tables must exist). The default privileges cover tables that later migrations create.
 *
 * @example runtimeRoleSql('zhijiao_app', 'zhijiao') // "DO $$ … CREATE ROLE zhijiao_app LOGIN …"
 */
export function runtimeRoleSql(role: string, database: string): string {
  if (!isRuntimeRoleName(role)) throw new Error(`Invalid role name "${role}"`);
  const db = `"${database.replace(/"/g, '""')}"`;
  return `-- Run as the role that owns the tables (the one that runs \`zhijiao migrate\`), e.g. psql -d ${db} -f runtime-role.sql
-- 以拥有数据表的角色（运行 zhijiao migrate 的角色）执行；服务器改用 ${role} 连接（DATABASE_URL）。
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN
    CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
  END IF;
END $$;
-- Then set its password: \\password ${role}
GRANT CONNECT ON DATABASE ${db} TO ${role};
-- Only the owner creates tables, functions or types in the schema: a database made before
-- PostgreSQL 15 (or upgraded from one) still lets every role create objects in public.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM ${role};
GRANT USAGE ON SCHEMA public TO ${role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role};
-- The audit log: append and read only (the append-only trigger stays, and it cannot be disabled by a non-owner).
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM ${role};
-- The migrations' own records: read only (the server checks that the migrations are applied; only the owner applies them).
REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON kysely_migration, kysely_migration_lock FROM ${role};
-- Tables and sequences of later migrations (created by this owner) get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${role};
`;
}

/** The current database's name and whether the connected role owns the audit log. */
export async function describeConnection(db: Executor): Promise<{ database: string; ownsAuditLog: boolean }> {
  const { rows } = await sql<{ database: string; owns: boolean | null }>`
    SELECT current_database() AS database,
           (SELECT pg_has_role(current_user, relowner, 'USAGE') FROM pg_class
             WHERE oid = to_regclass('audit_log')) AS owns`.execute(db);
  return { database: rows[0]!.database, ownsAuditLog: rows[0]!.owns ?? false };
}
