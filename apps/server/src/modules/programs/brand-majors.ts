import {
  PROJECT_LEVEL_LABELS,
  PROJECT_STATE_LABELS,
  type ProjectLevel,
  type ProjectState,
} from '@zhijiao/contracts';
import type {
  MetricContext,
  MetricDrillDownRow,
  MetricValue,
} from '../../platform/metrics/metric-registry.ts';
import { listSubtreeIds } from '../org/index.ts';
import { listBrandMajorProjects } from './metrics.repository.ts';
import { majorLabel, orderBySchool } from './programs.view.ts';

type BrandProject = Awaited<ReturnType<typeof listBrandMajorProjects>>[number];
/** A project's state on a date; `none` = not yet applied (a draft, or created later). */
export type StateOn = ProjectState | 'none';

/**
 * The five brand majors task （五） names (焊接、机电一体化、美容美发、电子商务、康复技术), as the
 * catalogue codes they are run under (plans/catalogue/secondary-vocational-2021.yaml notes the
 * renames: 机电一体化 is a direction of 机电技术应用, 美容美发 became 美发与形象设计). Each is shown in
 * the drill-down with its state, even with no project yet.
 */
export const PLAN_BRAND_MAJORS = [
  { name: '焊接', code: '660107' },
  { name: '机电一体化', code: '660301' },
  { name: '美容美发', code: '790302' },
  { name: '电子商务', code: '730701' },
  { name: '康复技术', code: '720601' },
] as const;

const RANK: Record<StateOn, number> = {
  none: 0,
  draft: 0,
  withdrawn: 1,
  rejected: 1,
  failed: 1,
  applied: 2,
  reviewing: 3,
  approved: 4,
  midterm_passed: 5,
  accepted: 6,
};

/**
 * A project's state as of `asOf`, from the dates of its steps: 验收/failed once closed, 中期检查
 * once passed, 立项 once approved, else its application state once applied. An undecided
 * application keeps its current state (applied, reviewing, rejected, withdrawn).
 */
export function stateOn(p: BrandProject, asOf: string): StateOn {
  if (p.closedOn && p.closedOn <= asOf && (p.state === 'accepted' || p.state === 'failed')) return p.state;
  if (p.midtermOn && p.midtermOn <= asOf) return 'midterm_passed';
  if (p.approvedOn && p.approvedOn <= asOf) return 'approved';
  if (!p.appliedOn || p.appliedOn > asOf) return 'none';
  return ['applied', 'reviewing', 'rejected', 'withdrawn'].includes(p.state) ? p.state : 'applied';
}

/** Whether a project counts on `asOf`: accepted (验收), or approved (立项) and not failed since. */
function counts(state: StateOn, count: 'approved' | 'accepted'): boolean {
  if (count === 'accepted') return state === 'accepted';
  return state === 'approved' || state === 'midterm_passed' || state === 'accepted';
}

const stateText = (s: StateOn) => (s === 'none' ? '未申报' : PROJECT_STATE_LABELS[s].zh);
const levelText = (l: ProjectLevel | null) => (l ? PROJECT_LEVEL_LABELS[l].zh : '');

/**
 * 品牌专业: the number of majors (not projects: a major recognised at two levels counts once) with
 * a brand-major project at one of `levels` that is approved or accepted as of the metric's date.
 * Drill-down: each of the five majors the plan names with its most advanced state (未申报 when it
 * has no project), then every other brand-major project.
 */
export async function brandMajorCount(
  ctx: MetricContext,
  spec: { levels: readonly ProjectLevel[]; count: 'approved' | 'accepted' },
): Promise<MetricValue> {
  const asOf = ctx.today < ctx.period.endsOn ? ctx.today : ctx.period.endsOn;
  const found = await listBrandMajorProjects(ctx.db, await listSubtreeIds(ctx.db, ctx.orgUnitId));
  const { rows, schools } = await orderBySchool(ctx.db, found);
  const judged = rows.map((p) => {
    const state = stateOn(p, asOf);
    const counted = p.level !== null && spec.levels.includes(p.level) && counts(state, spec.count);
    return { p, state, counted };
  });
  const majors = new Set(judged.filter((j) => j.counted).map((j) => j.p.majorId ?? j.p.id));
  const describe = (j: (typeof judged)[number]) =>
    `${schools.get(j.p.schoolId)?.name ?? ''}${j.p.majorName ? ` ${majorLabel({ catalogueName: j.p.majorName, direction: j.p.direction ?? '' })}` : ''}，${j.p.title}，${levelText(j.p.level)}${stateText(j.state)}`;
  const named: MetricDrillDownRow[] = PLAN_BRAND_MAJORS.map((n) => {
    const own = judged.filter((j) => j.p.catalogueCode === n.code && j.state !== 'none');
    const best = own.reduce<(typeof own)[number] | null>(
      (b, j) => (!b || RANK[j.state] > RANK[b.state] || (j.counted && !b.counted) ? j : b),
      null,
    );
    if (!best) return { label: `${n.name}：未申报`, value: 0 };
    return {
      label: `${n.name}：${stateText(best.state)}（${describe(best)}）`,
      value: own.some((j) => j.counted) ? 1 : 0,
      ref: { type: 'program_project', id: best.p.id },
    };
  });
  const namedCodes = new Set<string>(PLAN_BRAND_MAJORS.map((n) => n.code));
  const others = judged
    .filter((j) => !namedCodes.has(j.p.catalogueCode ?? '') && j.state !== 'none')
    .map((j) => ({
      label: `其他品牌专业项目：${describe(j)}`,
      value: j.counted ? 1 : 0,
      ref: { type: 'program_project', id: j.p.id },
    }));
  return { value: majors.size, drillDown: [...named, ...others] };
}
