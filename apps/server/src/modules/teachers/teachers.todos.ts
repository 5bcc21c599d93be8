import { DQ_LEVEL_LABELS, type DqApplicationState } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { TodoItem, TodoSource } from '../../platform/todos/todo-sources.ts';
import { unitRefsByIds } from '../org/index.ts';
import { dqApplications } from './dq-application.workflow.ts';
import { listApplicationRows, type ApplicationRow } from './dq.repository.ts';
import { visibleSchoolIds } from './teachers.policy.ts';

type Lang = 'zh' | 'en';

/** Applications of one state listed at most (the 双师型 page pages through the rest). */
const LIMIT = 200;

const STEP = {
  schoolReview: {
    kind: 'dq_to_review_at_school',
    zh: '学校审核双师型申请',
    en: 'School review of a 双师型 application',
  },
  resubmit: { kind: 'dq_returned', zh: '修改退回的双师型申请', en: 'Fix the returned 双师型 application' },
  decide: { kind: 'dq_to_decide', zh: '认定双师型申请', en: 'Decide the 双师型 application' },
} as const;

/**
 * Todo source `teachers`: 双师型 applications waiting for the actor — submitted ones for the
 * school's review and returned ones to fix (the school's clerk), ones the school passed for the
 * district's decision (the reviewer who did not write them). Which step is whose comes from the
 * application workflow itself, so the list never offers a step the actor would be refused.
 */
export function createTeacherTodos(deps: { db: Executor }): TodoSource {
  return async (actor: Actor, lang: Lang) => {
    if (!actor.permissions.has('teacher.manage') && !actor.permissions.has('teacher.review')) return [];
    const schoolIds = visibleSchoolIds(actor);
    const states: DqApplicationState[] = actor.permissions.has('teacher.manage')
      ? ['submitted', 'returned']
      : [];
    if (actor.permissions.has('teacher.review')) states.push('school_passed');
    const rows = (
      await Promise.all(
        states.map((state) => listApplicationRows(deps.db, { schoolIds, state, limit: LIMIT, offset: 0 })),
      )
    ).flat();
    const authors = await dqApplications.authorsOf(
      deps.db,
      rows.map((r) => r.id),
    );
    const schools = await unitRefsByIds(
      deps.db,
      rows.map((r) => r.schoolId),
    );
    return rows.flatMap((r): TodoItem[] => {
      // Carrying the authors leaves out the decision for whoever wrote the application.
      const subject = { ...r, authorIds: authors.get(r.id) ?? [] };
      const can = dqApplications.abilities(actor, subject);
      const step = can.schoolPass
        ? 'schoolReview'
        : can.resubmit
          ? 'resubmit'
          : can.approve
            ? 'decide'
            : null;
      const school = schools.get(r.schoolId);
      if (!step || !school) return [];
      return [todo(step, r, school, lang)];
    });
  };
}

function todo(
  step: keyof typeof STEP,
  r: ApplicationRow,
  school: { id: string; code: string; name: string },
  lang: Lang,
): TodoItem {
  const level = DQ_LEVEL_LABELS[r.level][lang];
  return {
    id: `teachers:${step}:${r.id}`,
    source: 'teachers',
    kind: STEP[step].kind,
    title:
      lang === 'zh'
        ? `${STEP[step].zh}：${r.teacherName}（${level}）`
        : `${STEP[step].en}: ${r.teacherName} (${level})`,
    unit: { id: school.id, code: school.code, name: school.name },
    dueDate: null,
    daysLate: null,
    link: `/teachers/dq?open=${r.id}`,
    count: null,
  };
}
