import ExcelJS from 'exceljs';
import type { Actor } from '../../platform/auth/actor.ts';
import type { DemoContext } from '../../platform/modules/module-definition.ts';
import type { LearnersModule } from './index.ts';

type Ctx = DemoContext<LearnersModule>;

/** The 1+X certificates each demo school's students sat (a real pilot certificate and its 培训评价组织). */
const CERTIFICATES: Record<string, { title: string; issuer: string; course: string }> = {
  vhs: {
    title: '汽车运用与维修（含智能新能源汽车）',
    issuer: '北京中车行高新技术有限公司',
    course: 'QC201',
  },
  vec: { title: '老年照护', issuer: '北京中福长者文化科技有限公司', course: 'KF105' },
};

/**
 * The credit bank in the plan's years, through the use cases: 区教育局 publishes the 2021 学习成果名录
 * (1+X certificates, 4 credits at 初级, 8 at 中级); in December 2021 each school records the 1+X
 * certificates half of its 2020 and 2021 cohorts earned (初级, a few 中级) and imports the 培训评价组织's
 * results of a quarter who sat the same assessment and failed (不合格); 区教育局 recognises them in January
 * 2022, posting the credits; in February each school publishes a conversion rule (a 1+X certificate
 * of 初级 or above exempts one specialised course, 4 credits); in March two students of each apply
 * and 区教育局 approves. Answers how many outcomes were recognised. Skipped when 2021 is not a plan
 * year before today.
 */
export async function creditBankDemo(ctx: Ctx): Promise<number> {
  if (!ctx.planYears.includes(2021) || ctx.today <= '2022-03-31') return 0;
  const coordinator = await ctx.actor('coordinator');
  await ctx.at('2021-03-01').creditBank.createCatalogueVersion(coordinator, {
    year: 2021,
    note: '依据《职业技能等级证书学分银行认定办法》（试行），中职“1+X”证书试点',
    entries: [
      {
        type: 'one_plus_x_certificate',
        certificateCode: null,
        certificateName: '',
        level: 'elementary',
        suggestedCredits: 40,
      },
      {
        type: 'one_plus_x_certificate',
        certificateCode: null,
        certificateName: '',
        level: 'intermediate',
        suggestedCredits: 80,
      },
    ],
  });
  let recognised = 0;
  for (const username of ['vhs', 'vec'] as const) {
    const clerk = await ctx.actor(username);
    const certificate = CERTIFICATES[username]!;
    const { holders, others } = await holdersOf(ctx, clerk);
    const outcomes: string[] = [];
    for (const [i, learner] of holders.entries()) {
      const outcome = await ctx.at('2021-12-20').creditBank.recordOutcome(clerk, learner.id, {
        type: 'one_plus_x_certificate',
        title: certificate.title,
        level: i % 4 === 3 ? 'intermediate' : 'elementary',
        issuer: certificate.issuer,
        number: `${username.toUpperCase()}2021${String(i + 1).padStart(4, '0')}`,
        achievedOn: '2021-12-10',
      });
      outcomes.push(outcome.id);
    }
    await importFailures(
      ctx,
      clerk,
      certificate,
      others.filter((_, i) => i % 2 === 0),
    );
    for (const id of outcomes) {
      await ctx.at('2022-01-10').creditBank.recogniseLearningOutcome(coordinator, id, {});
      recognised += 1;
    }
    const rule = await ctx.at('2022-02-01').conversion.createConversionRule(clerk, {
      outcomeType: 'one_plus_x_certificate',
      minLevel: 'elementary',
      exempts: [certificate.course],
      credits: 40,
      validFrom: '2022-02-01',
      note: `取得“${certificate.title}”职业技能等级证书（初级及以上）的学生，免修对应专业核心课程`,
    });
    for (const learner of holders.slice(0, 2)) {
      const applied = await ctx
        .at('2022-03-01')
        .conversion.applyForConversion(clerk, learner.id, { ruleId: rule.id });
      await ctx.at('2022-03-10').conversion.approveConversion(coordinator, applied.id);
    }
  }
  return recognised;
}

/**
 * The school's 2020 and 2021 cohorts who stayed to graduate, split every other one by name: the
 * holders of the certificate, and the others.
 */
async function holdersOf(ctx: Ctx, clerk: Actor) {
  const cohort = async (cohortYear: number) =>
    (
      await ctx.at('2021-12-20').register.listLearners(clerk, {
        schoolId: clerk.orgUnitId,
        cohortYear,
        status: 'graduated',
        limit: 500,
      })
    ).items;
  const learners = [...(await cohort(2020)), ...(await cohort(2021))].sort((a, b) =>
    a.name.localeCompare(b.name, 'zh'),
  );
  return {
    holders: learners.filter((_, i) => i % 2 === 0),
    others: learners.filter((_, i) => i % 2 === 1),
  };
}

/**
 * The school imports the 培训评价组织's results of learners who sat the certificate's 初级 assessment on
 * 10 December 2021 and failed (不合格: sittings, no certificate), as a clerk would: a results file with
 * their ID numbers (read from the register), through the import use case.
 */
async function importFailures(
  ctx: Ctx,
  clerk: Actor,
  certificate: { title: string; issuer: string },
  learners: ReadonlyArray<{ id: string; name: string }>,
) {
  if (learners.length === 0) return;
  const deps = ctx.depsAt('2021-12-20');
  const ciphers = await ctx.db
    .selectFrom('learner')
    .select(['id', 'idCipher'])
    .where(
      'id',
      'in',
      learners.map((l) => l.id),
    )
    .execute();
  const cipherOf = new Map(ciphers.map((c) => [c.id, c.idCipher]));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('1+X证书结果');
  ws.addRow([
    '姓名',
    '身份证号',
    '证书名称',
    '证书代码',
    '等级',
    '培训评价组织',
    '证书编号',
    '发证日期',
    '考核结果',
    '考核日期',
  ]);
  for (const l of learners)
    ws.addRow([
      l.name,
      deps.crypto.decrypt(cipherOf.get(l.id)!),
      certificate.title,
      '',
      '初级',
      certificate.issuer,
      '',
      '',
      '不合格',
      '2021-12-10',
    ]);
  await ctx.at('2021-12-20').creditBank.importCertificateResults(clerk, {
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    filename: '1+X证书考核结果（2021年12月）.xlsx',
  });
}
