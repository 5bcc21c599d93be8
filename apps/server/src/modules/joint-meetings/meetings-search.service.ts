import { MEETING_STATE_LABELS } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import {
  groupOf,
  matchesQuery,
  type SearchGroup,
  type SearchQuery,
} from '../../platform/search/search-sources.ts';
import { listMeetings } from './meetings.repository.ts';

/** As many meetings as the meeting list pages at most. */
const MEETINGS_SEARCHED = 200;

/**
 * Search source `joint-meetings`: joint meetings by title, location and the summary of their
 * minutes (纪要), among the meetings the meeting list shows the actor (the same repository query:
 * their district's, or those their units convene or attend).
 */
export async function searchMeetings(
  deps: ModuleDeps,
  actor: Actor,
  query: SearchQuery,
): Promise<SearchGroup[]> {
  if (!actor.permissions.has('meeting.read')) return [];
  const rows = await listMeetings(deps.db, actor, { limit: MEETINGS_SEARCHED });
  const matching = rows.filter((m) => matchesQuery(query, m.title, m.location, m.minutesSummary));
  const zh = query.lang === 'zh';
  return [
    groupOf('document', query, matching, (m) => ({
      id: m.id,
      title: m.title,
      subtitle: [
        zh ? '联席会议' : 'Joint meeting',
        m.meetingDate,
        MEETING_STATE_LABELS[m.state][query.lang],
      ].join(' · '),
      unitName: m.conveningUnit.name,
      link: `/meetings/${m.id}`,
    })),
  ];
}
