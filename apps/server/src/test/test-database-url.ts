/**
 * The connection string of a test database on the server of `adminUrl`. Its sessions commit
 * without waiting for the WAL flush (`synchronous_commit = off`): a test database is thrown away
 * after the run and never outlives a crash, and the suite's thousands of commits each waited a
 * disk flush (3 ms on the CI machine's disk) while the CPU idled. Nothing else differs: each commit
 * is still atomic, visible and ordered as on a production server.
 */
export function testDatabaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  url.searchParams.set('options', '-c synchronous_commit=off');
  return url.toString();
}
