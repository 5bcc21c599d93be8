import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDemoTestContext,
  createUser,
  login,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';
import type { SearchGroup, SearchHit } from './search-sources.ts';

/*
 * Review probe: every hit the global search gives a demo account opens through the module's own
 * detail endpoint for that account (200), so the search never names a record — its title, unit or
 * count — that the module would answer 404 or 403 to. Run over broad queries for every business
 * role of the demo district, junior-high liaisons and the inspector included.
 */
const ACCOUNTS = [
  'coordinator',
  'hrss',
  'finance',
  'vhs',
  'vec',
  'jhs1',
  'jhs2',
  'hs1',
  'iit',
  'yitong',
  'zhendong',
  'inspector',
];
const QUERIES = [
  '职业',
  '教育',
  '学校',
  '中学',
  '计划',
  '会议',
  '督导',
  '教师',
  '建设',
  '实训',
  '实习',
  '专业',
  '技能',
  '区',
  '20',
  '上党',
  '集团',
];

function detailUrl(hit: SearchHit): string | null {
  const id = encodeURIComponent(hit.id);
  if (hit.kind === 'task') return `/api/tasks/${id}`;
  if (hit.kind === 'indicator') return `/api/indicators/${id}`;
  if (hit.kind === 'teacher') return `/api/teachers/${id}`;
  if (hit.kind === 'project') return `/api/program-projects/${id}`;
  if (hit.kind === 'enterprise') return `/api/enterprises/${id}`;
  if (hit.kind === 'internship_post') return `/api/internship-posts/${id}`;
  if (hit.kind === 'cooperation_agreement') return `/api/cooperation-agreements/${id}`;
  if (hit.kind === 'unit') return null;
  if (hit.link.startsWith('/meetings/')) return `/api/meetings/${id}`;
  if (hit.link.startsWith('/supervision/inspections/')) return `/api/supervision/inspections/${id}`;
  if (hit.link.startsWith('/consultation/')) return `/api/consultations/${id}`;
  if (hit.link.startsWith('/consultations/')) return `/api/public/consultations/${id}`;
  if (hit.link.startsWith('/public/supervision-reports/')) return `/api/public/supervision-reports/${id}`;
  return `/api/files/${id}`; // progress-report evidence: the hit is the stored file
}

describe('review: every search hit opens for the account that got it', () => {
  let ctx: TestContext;
  const clients: Record<string, Client> = {};

  beforeAll(async () => {
    ({ ctx } = await createDemoTestContext());
    // The demo's one-time passwords are not known here: give each account a test user's password.
    const donor = await createUser(ctx, 'viewer', 'SD');
    const { passwordHash } = await ctx.db
      .selectFrom('appUser')
      .select('passwordHash')
      .where('id', '=', donor.id)
      .executeTakeFirstOrThrow();
    await ctx.db
      .updateTable('appUser')
      .set({ passwordHash, mustChangePassword: false })
      .where('username', 'in', ACCOUNTS)
      .execute();
    for (const username of ACCOUNTS) clients[username] = await login(ctx, username);
  }, 900_000);
  afterAll(() => ctx?.close());

  it('answers 200 on each hit’s detail endpoint, and no group counts more than the hits it could show', async () => {
    const refused: string[] = [];
    let checked = 0;
    for (const username of ACCOUNTS) {
      for (const q of QUERIES) {
        const res = await clients[username]!.get(`/api/search?q=${encodeURIComponent(q)}`);
        expect(res.statusCode, `${username} ${q}`).toBe(200);
        for (const group of (res.json() as { groups: SearchGroup[] }).groups) {
          expect(group.hits.length, `${username} ${q} ${group.kind}`).toBeLessThanOrEqual(group.total);
          for (const hit of group.hits) {
            const url = detailUrl(hit);
            if (!url) continue;
            checked += 1;
            const got = await clients[username]!.get(url);
            if (got.statusCode !== 200)
              refused.push(`${username} «${q}» ${hit.kind} ${hit.title} → ${url} ${got.statusCode}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(refused).toEqual([]);
    // Hundreds of requests: on a busy shared machine (load 20) 30 s was not enough.
  }, 180_000);
});
