import type { Actor } from '../../platform/auth/actor.ts';
import { addDays } from '../../platform/clock/clock.ts';
import { daysLateOf, type TodoItem, type TodoSource } from '../../platform/todos/todo-sources.ts';
import { unitRefsByIds } from '../org/index.ts';
import type { InternshipsDeps } from './internships.deps.ts';
import { mayKeepPlacements, mayKeepPosts } from './internships.policy.ts';
import { findPost, listPlacementsInScope, listPostsInScope } from './internships.repository.ts';
import { activationCheckOf } from './placements.service.ts';
import { listUnnotifiedInjuries } from './placement-life.repository.ts';
import { INCIDENT_KIND_LABELS } from '@zhijiao/contracts';
import { chinaDate } from '../../platform/clock/clock.ts';

/** Days before its start date from which a placement still missing documents is a todo. */
export const DOCUMENTS_DUE_WINDOW_DAYS = 30;
const LIMIT = 200;

/**
 * Todo source `internships`, the actor's own unit's work only: for a school, its placements not yet
 * started that start within 30 days (or should have started) and cannot start yet — the documents
 * or a rule still missing, due on the start date — and the injuries on its placements not yet
 * reported to the insurer, due the day they happened; for an enterprise, its draft posts to publish,
 * due on the post's start date.
 */
export function createInternshipTodos(deps: InternshipsDeps): TodoSource {
  return async (actor: Actor, lang: 'zh' | 'en', today: string) => {
    const own = { all: false as const, unitIds: [actor.orgUnitId] };
    const items: TodoItem[] = [];
    if (mayKeepPlacements(actor, actor.orgUnitId)) {
      const rows = await listPlacementsInScope(
        deps.db,
        own,
        { schoolId: actor.orgUnitId, startingBy: addDays(today, DOCUMENTS_DUE_WINDOW_DAYS) },
        { limit: LIMIT, offset: 0 },
      );
      const units = await unitRefsByIds(deps.db, [actor.orgUnitId, ...rows.map((r) => r.enterpriseId)]);
      for (const p of rows) {
        const check = await activationCheckOf(deps, deps.db, p);
        const school = units.get(p.schoolId);
        if (check.ok || !school) continue;
        const post = await findPost(deps.db, p.postId);
        const where = `${units.get(p.enterpriseId)?.name ?? ''} · ${post?.title ?? ''}`;
        items.push({
          id: `internships:placement:${p.id}`,
          source: 'internships',
          kind: 'placement_documents',
          title:
            lang === 'zh'
              ? `补齐材料并启动实习：${p.studentName}（${where}）`
              : `Complete the documents and start the internship: ${p.studentName} (${where})`,
          unit: school,
          dueDate: p.startsOn,
          daysLate: daysLateOf(p.startsOn, today),
          link: `/internships/placements/${p.id}`,
          count: null,
        });
      }
      const injuries = await listUnnotifiedInjuries(deps.db, own, LIMIT);
      for (const r of injuries) {
        const school = units.get(r.schoolId);
        if (!school || r.schoolId !== actor.orgUnitId) continue;
        const day = chinaDate(r.occurredAt);
        items.push({
          id: `internships:incident:${r.id}`,
          source: 'internships',
          kind: 'incident_insurer',
          title:
            lang === 'zh'
              ? `实习伤害事故报保险公司：${r.studentName}（${day} ${INCIDENT_KIND_LABELS[r.kind].zh}）`
              : `Notify the insurer of an internship injury: ${r.studentName} (${INCIDENT_KIND_LABELS[r.kind].en}, ${day})`,
          unit: school,
          dueDate: day,
          daysLate: daysLateOf(day, today),
          link: `/internships/placements/${r.placementId}`,
          count: null,
        });
      }
    }
    if (mayKeepPosts(actor, actor.orgUnitId)) {
      const drafts = await listPostsInScope(
        deps.db,
        { all: false, enterpriseIds: [actor.orgUnitId], openInDistrict: null, placedFrom: [] },
        { state: 'draft' },
        { limit: LIMIT, offset: 0 },
      );
      const unit = (await unitRefsByIds(deps.db, [actor.orgUnitId])).get(actor.orgUnitId);
      for (const post of drafts) {
        if (!unit) break;
        items.push({
          id: `internships:post:${post.id}`,
          source: 'internships',
          kind: 'post_to_publish',
          title: lang === 'zh' ? `发布实习岗位：${post.title}` : `Publish the internship post: ${post.title}`,
          unit,
          dueDate: post.startsOn,
          daysLate: daysLateOf(post.startsOn, today),
          link: `/internships/posts/${post.id}`,
          count: null,
        });
      }
    }
    return items;
  };
}
