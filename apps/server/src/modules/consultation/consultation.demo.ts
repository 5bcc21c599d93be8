import { auditActorOf } from '../../platform/auth/actor.ts';
import { addDays } from '../../platform/clock/clock.ts';
import type { DemoContext, DemoSummary } from '../../platform/modules/module-definition.ts';
import { listPlanVersionsByCode, type ActionPlansModule } from '../action-plans/index.ts';
import { solveChallenge } from './challenge.ts';
import type { ConsultationServices } from './index.ts';

const PLAN = 'shangdang-vet-2020';

const COMMENTS: Array<{
  day: number;
  clause: string;
  body: string;
  name?: string;
  decision?: 'adopted' | 'partly_adopted' | 'not_adopted';
  reply?: string;
  reason?: string;
}> = [
  {
    day: -9,
    clause: 'task-3',
    body: '建议在统一招生平台中增加中职学校专业介绍和就业去向公开，方便家长和学生了解。',
    name: '王老师',
    decision: 'adopted',
    reply: '感谢您的建议。修订稿已在（三）中增加“公开各专业培养方向和就业去向”的表述。',
  },
  {
    day: -8,
    clause: 'task-7',
    body: '“双师型”教师比例60%的目标较高，建议分年度明确目标并配套企业实践经费。',
    decision: 'partly_adopted',
    reply: '分年度目标将在年度工作要点中明确；企业实践经费按现行政策执行。',
    reason: '经费安排须与年度预算衔接，不在行动方案中单列。',
  },
  {
    day: -6,
    clause: 'task-13',
    body: '希望明确企业接收实习学生的补贴标准。',
    name: '某企业人力资源部',
  },
  {
    day: -3,
    clause: 'task-20',
    body: '建议把生均拨款标准随物价调整的机制写入方案。',
  },
  {
    day: -2,
    clause: 'task-13',
    body: '建议明确学生实习责任保险由哪一方投保、费用从哪里列支。',
    name: '家长',
  },
  {
    day: -1,
    clause: 'task-7',
    body: '建议允许企业技术骨干到学校兼职任教，并计入“双师型”教师队伍。',
  },
];

/** The newest comments are still waiting for moderation (审核) today. */
const WAITING = 3;

/**
 * The public consultation (征求意见) on a revised draft of the Shangdang plan: the draft made
 * from the published plan through the clause editor's path, opened for a month, with comments
 * from the public (each solving the proof-of-work challenge like a browser), some moderated and
 * answered. Returns the start-up line's fragment: how many comments were made.
 */
export async function consultationDemo(ctx: DemoContext<ConsultationServices>): Promise<DemoSummary> {
  const { today } = ctx;
  const coordinator = await ctx.actor('coordinator');
  const current = (await listPlanVersionsByCode(ctx.db, PLAN)).find((v) => v.isCurrent);
  if (!current) throw new Error(`The demo plan ${PLAN} is not loaded`);
  // The revised draft, made in the module's transaction as closing a consultation's revision is.
  const drafted = addDays(today, -12);
  const draft = await ctx.depsAt(drafted).transaction((trx) =>
    ctx.peer<ActionPlansModule>('plans', drafted).imports.createRevision(
      trx,
      {
        basePlanId: current.id,
        edits: [
          {
            key: 'task-3',
            text: '推进中职学校与普通高中统一招生平台建设，实行统一批次、统一录取，公开招生计划和录取分数线，保持职普比大体相当。',
          },
        ],
      },
      auditActorOf(coordinator),
    ),
  );
  const s = ctx.at(addDays(today, -10));
  const consultation = await s.consultations.createConsultation(coordinator, {
    planId: draft.planId,
    title: '《上党区职业教育改革行动方案（修订征求意见稿）》公开征求意见',
    description: '为广泛听取社会各界意见，现将修订征求意见稿全文公布，欢迎逐条提出意见建议。',
    closesAt: `${addDays(today, 20)}T16:00:00Z`,
  });
  await s.consultations.openConsultation(coordinator, consultation.id);
  for (const [n, c] of COMMENTS.entries()) {
    const on = ctx.at(addDays(today, c.day));
    const challenge = await on.publicComments.getChallenge(consultation.id);
    const counter = solveChallenge(challenge.nonce, challenge.difficulty);
    const comment = await on.publicComments.submitComment(
      consultation.id,
      {
        clauseKey: c.clause,
        body: c.body,
        authorName: c.name ?? null,
        challenge: { token: challenge.token, counter },
      },
      { ip: `192.0.2.${n + 10}` },
    );
    if (n >= COMMENTS.length - WAITING) continue;
    const next = ctx.at(addDays(today, c.day + 1));
    await next.consultations.moderateComment(coordinator, comment.id, { action: 'publish' });
    if (c.decision && c.reply) {
      await next.consultations.replyToComment(coordinator, comment.id, {
        reply: c.reply,
        decision: c.decision,
        ...(c.reason ? { reason: c.reason } : {}),
      });
    }
  }
  return { zh: `${COMMENTS.length} 条公众意见`, en: `${COMMENTS.length} public comments` };
}
