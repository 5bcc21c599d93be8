import { PROJECT_KIND_LABELS, type ProjectState } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { daysLateOf, type TodoItem, type TodoSource } from '../../platform/todos/todo-sources.ts';
import { unitRefsByIds } from '../org/index.ts';
import { ACCEPTANCE_DUE_MONTHS, addMonths, MIDTERM_DUE_MONTHS } from './project-deadlines.rules.ts';
import { projectLifecycle } from './project-lifecycle.ts';
import { listProjectsInScope, type ProjectRow } from './projects.repository.ts';

type Lang = 'zh' | 'en';

/** Projects of one state listed at most (the projects page pages through the rest). */
const LIMIT = 200;
/** The states in which some step waits for someone. */
const WAITING: readonly ProjectState[] = ['draft', 'applied', 'reviewing', 'approved', 'midterm_passed'];

const STEP = {
  submit: { kind: 'project_to_submit', zh: '提交申报', en: 'Submit the application' },
  review: { kind: 'project_to_review', zh: '评审立项', en: 'Review the application' },
  midterm: { kind: 'project_midterm', zh: '中期检查', en: 'Mid-term check' },
  acceptance: { kind: 'project_acceptance', zh: '验收', en: 'Acceptance' },
} as const;
type Step = keyof typeof STEP;

/**
 * Todo source `programs`: recognised projects (申报→评审→立项→中期检查→验收) whose next step is
 * the actor's — a school's draft to submit; for the district's reviewers who did not write it, an
 * application to review, a mid-term check (due a year after 立项) or an acceptance (two years).
 * Whose step it is comes from the project lifecycle, as the project page's buttons do.
 */
export function createProjectTodos(deps: { db: Executor }): TodoSource {
  return async (actor: Actor, lang: Lang, today: string) => {
    if (!actor.permissions.has('program.manage') && !actor.permissions.has('program.review')) return [];
    const rows = (
      await Promise.all(
        WAITING.map((state) => listProjectsInScope(deps.db, actor, { state, limit: LIMIT, offset: 0 })),
      )
    ).flat();
    const authors = await projectLifecycle.authorsOf(
      deps.db,
      rows.map((p) => p.id),
    );
    const schools = await unitRefsByIds(
      deps.db,
      rows.map((p) => p.schoolId),
    );
    return rows.flatMap((p): TodoItem[] => {
      const subject = { ...p, authorIds: authors.get(p.id) ?? [] };
      const step = nextStepOf(projectLifecycle.abilities(actor, subject));
      const school = schools.get(p.schoolId);
      if (!step || !school) return [];
      const dueDate = dueDateOf(step, p);
      const kind = PROJECT_KIND_LABELS[p.kind][lang];
      return [
        {
          id: `programs:${step}:${p.id}`,
          source: 'programs',
          kind: STEP[step].kind,
          title:
            lang === 'zh'
              ? `${STEP[step].zh}：${kind}项目「${p.title}」`
              : `${STEP[step].en}: ${kind} project “${p.title}”`,
          unit: { id: school.id, code: school.code, name: school.name },
          dueDate,
          daysLate: daysLateOf(dueDate, today),
          link: `/programs/projects?open=${p.id}`,
          count: null,
        },
      ];
    });
  };
}

function nextStepOf(can: Record<string, boolean>): Step | null {
  if (can.submit) return 'submit';
  if (can.score || can.approve || can.reject) return 'review';
  if (can.passMidterm) return 'midterm';
  if (can.accept) return 'acceptance';
  return null;
}

function dueDateOf(step: Step, p: ProjectRow): string | null {
  if (!p.approvedOn) return null;
  if (step === 'midterm') return addMonths(p.approvedOn, MIDTERM_DUE_MONTHS);
  if (step === 'acceptance') return addMonths(p.approvedOn, ACCEPTANCE_DUE_MONTHS);
  return null;
}
