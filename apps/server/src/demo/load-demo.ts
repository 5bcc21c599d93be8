import { loadProgramsDemo } from '../modules/programs/index.ts';
import { loadTeacherDemo } from '../modules/teachers/index.ts';
import { chinaDate } from '../platform/clock/clock.ts';
import type { Runtime } from '../runtime.ts';
import { loadShangdangPlan } from './bootstrap.ts';
import { createDemoAccounts, loadDemoReports } from './demo-data.ts';
import { demoActor, servicesOn, unitId } from './demo-actors.ts';
import { loadConsultationDemo } from './demo-consultation.ts';
import { loadEnrollmentDemo } from './demo-enrollment.ts';
import { loadMeetingsDemo } from './demo-meetings.ts';
import { loadSupervisionDemo } from './demo-supervision.ts';

/**
 * Fills an empty database with the Shangdang plan and a district's worth of records around it:
 * accounts, progress reports, supervision, joint meetings, a public consultation on a revised
 * draft, two vocational schools' teachers, majors, projects and resources, a finished enrolment season. Deterministic for a given date (but for the challenge nonces of the public comments).
 * Returns the accounts with their one-time passwords and a line saying what was loaded.
 */
export async function loadDemo(rt: Runtime) {
  const today = chinaDate(rt.clock.now());
  const plan = await loadShangdangPlan(rt);
  const accounts = await createDemoAccounts(rt);
  const reviewer = await rt.database.db
    .selectFrom('appUser')
    .select('id')
    .where('username', '=', 'coordinator')
    .executeTakeFirstOrThrow();
  const reports = await loadDemoReports(rt, plan.planId, reviewer.id);
  const findings = await loadSupervisionDemo(rt, today);
  const actionItems = await loadMeetingsDemo(rt, today);
  const comments = await loadConsultationDemo(rt, today);
  const teachers = await loadTeacherDemo(rt.database.db, rt.crypto, today);
  const programs = await loadProgramsDemo({
    on: (date) => {
      const s = servicesOn(rt, date);
      return { programs: s.programs, files: s.files };
    },
    coordinator: await demoActor(rt, 'coordinator'),
    clerks: { 'SD-VHS': await demoActor(rt, 'vhs'), 'SD-VEC': await demoActor(rt, 'vec') },
    schoolIds: { 'SD-VHS': await unitId(rt, 'SD-VHS'), 'SD-VEC': await unitId(rt, 'SD-VEC') },
    today,
  });
  const enrollment = await loadEnrollmentDemo(rt, today);
  const summary =
    `已载入上党区行动计划与演示数据（${reports} 份进展报告，${findings} 个督导问题，${actionItems} 项联席会议议定事项，${comments} 条公众意见，${teachers.teachers} 名教师，${programs.projects} 个建设项目，${programs.resources} 项教学资源，${enrollment.candidates} 名中考考生、${enrollment.placed} 人录取、${enrollment.registered} 人报到）` +
    ` / Demo plan loaded with ${reports} progress reports, ${findings} supervision findings, ${actionItems} joint-meeting action items, ${comments} public comments, ${teachers.teachers} teachers, ${programs.projects} projects, ${programs.resources} teaching resources, ${enrollment.candidates} enrolment candidates (${enrollment.placed} placed, ${enrollment.registered} registered).`;
  return { accounts, summary };
}
