import {
  createTestContext,
  createUser,
  demoContext,
  login,
  seedShangdang,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Transact } from '../../platform/db/transactions.ts';
import { creditCodeCheckChar, orgCodeCheckChar } from '../../platform/validation/credit-code.ts';
import { createCertificationServices, type CertificationModule } from './index.ts';
import type { EvidenceLookups } from './certification.deps.ts';

export const ACCOUNTS = {
  coordinator: ['coordinator', 'SD-EDU'],
  finance: ['unit_clerk', 'SD-FIN'],
  hrss: ['unit_clerk', 'SD-HRSS'],
  sasac: ['unit_clerk', 'SD-SASAC'],
  iit: ['unit_clerk', 'SD-IIT'],
  nres: ['unit_clerk', 'SD-NRES'],
  tax: ['unit_clerk', 'SD-TAX'],
  drc: ['unit_clerk', 'SD-DRC'],
  yitong: ['unit_clerk', 'SD-YITONG'],
  zhendong: ['unit_clerk', 'SD-ZHENDONG'],
  vhs: ['unit_clerk', 'SD-VHS'],
  viewer: ['viewer', 'SD'],
} as const;
export type Account = keyof typeof ACCOUNTS;
/** The joint-review bureaus (会签单位) of the Shangdang file. */
export const PANEL: Account[] = ['coordinator', 'finance', 'hrss', 'sasac', 'iit', 'nres', 'tax'];

export interface CertificationWorld {
  ctx: TestContext;
  clients: Record<Account, Client>;
  usernames: Record<Account, string>;
  units: Record<'yitong' | 'zhendong' | 'vhs' | 'district', string>;
  /** The module's services on a day with the given look-ups, and an account's actor. */
  at(date: string, lookups?: EvidenceLookups): CertificationModule;
  actor(account: Account): Promise<Actor>;
}

/** Look-ups as the cooperation and training-bases modules would answer for a well-cooperating enterprise. */
export const WIRED: EvidenceLookups = {
  cooperation: async () => ({
    cooperationSince: '2018-09-01',
    apprenticesByYear: { 2020: 3 },
    coBuiltCentres: 1,
    staffTrainedByYear: {},
  }),
  trainingBases: async () => ({ coBuiltBases: 1 }),
};

export async function createCertificationWorld(now = '2021-05-20T02:00:00Z'): Promise<CertificationWorld> {
  const ctx = await createTestContext({ now });
  await seedShangdang(ctx);
  const unit = async (code: string) =>
    (await ctx.db.selectFrom('orgUnit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const clients = {} as Record<Account, Client>;
  const usernames = {} as Record<Account, string>;
  for (const [key, [role, org]] of Object.entries(ACCOUNTS)) {
    const user = await createUser(ctx, role, org);
    usernames[key as Account] = user.username;
    clients[key as Account] = await login(ctx, user.username);
  }
  const demo = demoContext<CertificationModule>(ctx, 'certification');
  return {
    ctx,
    clients,
    usernames,
    units: {
      yitong: await unit('SD-YITONG'),
      zhendong: await unit('SD-ZHENDONG'),
      vhs: await unit('SD-VHS'),
      district: await unit('SD'),
    },
    at: (date, lookups) => createCertificationServices(demo.depsAt(date), lookups),
    actor: (account) => demo.actor(usernames[account]),
  };
}

/**
 * The module's services on `date` whose first transaction lets `meanwhile` (another request) run
 * to its end just before it begins: what a use case checked before its transaction is stale by
 * then, what it reads inside the transaction is not.
 */
export function withRequestBetween(
  w: CertificationWorld,
  date: string,
  lookups: EvidenceLookups | undefined,
  meanwhile: () => Promise<unknown>,
): CertificationModule {
  const { deps } = w.at(date, lookups);
  let pending: (() => Promise<unknown>) | null = meanwhile;
  const transaction: Transact = async (work, options) => {
    const run = pending;
    pending = null;
    if (run) await run();
    return deps.transaction(work, options);
  };
  return createCertificationServices({ ...deps, transaction }, lookups);
}

/** Every joint-review bureau signs `agree` on the application (through the services, on `date`). */
export async function signAll(w: CertificationWorld, id: string, date: string, lookups?: EvidenceLookups) {
  for (const account of PANEL)
    await w
      .at(date, lookups)
      .applications.giveOpinion(await w.actor(account), id, { opinion: 'agree', comment: '' });
}

/**
 * 区工信局 puts the enterprise on the register, not above scale in `years` (so the 2 % duty of those
 * years does not apply: the criterion is met), through the enterprises module's API. `as` names
 * another enterprise than 易通集团 (its name and the 8-character body of its credit code).
 */
export async function registerNotAboveScale(
  w: CertificationWorld,
  enterpriseId: string,
  years: number[],
  as = { legalName: '易通集团', usccBody: 'MA0C2101' },
) {
  const reg = await w.clients.iit.post('/api/enterprises', {
    orgUnitId: enterpriseId,
    uscc: testUscc(as.usccBody),
    legalName: as.legalName,
    industryDivision: '34',
    address: '长治市上党区经济技术开发区',
  });
  if (reg.statusCode !== 201) throw new Error(reg.body);
  for (const year of years) {
    const res = await w.clients.iit.put(`/api/enterprises/${enterpriseId}/years/${year}`, {
      staff: 300,
      listedAboveScale: false,
    });
    if (res.statusCode !== 200) throw new Error(res.body);
  }
}

/** A valid 统一社会信用代码 of 上党区 (140404) with the given 8-character body. */
function testUscc(body8: string): string {
  const first17 = `91140404${body8}${orgCodeCheckChar(body8)}`;
  return first17 + creditCodeCheckChar(first17);
}
