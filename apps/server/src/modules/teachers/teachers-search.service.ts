import { TITLE_LABELS } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { SearchGroup, SearchQuery } from '../../platform/search/search-sources.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { listTeachers } from './register.service.ts';

/**
 * Search source `teachers`: teachers by name through the register's own list (`listTeachers`:
 * its school scope, its default of teachers employed today, its escaped name filter), so a hit is
 * exactly a row the actor's register shows. A hit names the teacher, the school and the majors —
 * never the ID number or the phone, masked or not.
 */
export async function searchTeachers(
  deps: ModuleDeps,
  actor: Actor,
  query: SearchQuery,
): Promise<SearchGroup[]> {
  if (!actor.permissions.has('teacher.read')) return [];
  const { items, total } = await listTeachers(deps, actor, { q: query.text, limit: query.limit, offset: 0 });
  const zh = query.lang === 'zh';
  return [
    {
      kind: 'teacher',
      total,
      hits: items.map((t) => ({
        kind: 'teacher' as const,
        id: t.id,
        title: t.name,
        subtitle: [
          zh ? '教师' : 'Teacher',
          t.professionalTitle === 'none' ? '' : TITLE_LABELS[t.professionalTitle][query.lang],
          t.majors
            .map((m) => m.name)
            .filter(Boolean)
            .join(zh ? '、' : ', '),
        ]
          .filter(Boolean)
          .join(' · '),
        unitName: t.school.name,
        link: `/teachers/${t.id}`,
      })),
    },
  ];
}
