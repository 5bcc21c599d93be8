import type { searchZh } from './search.zh';

/** The global search: English strings (the same keys as `search.zh.ts`). */
export const searchEn: Record<keyof typeof searchZh, string> = {
  'search.title': 'Search',
  'search.label': 'Search tasks, indicators, units, teachers, projects, documents and enterprises',
  'search.placeholder': 'Search tasks, indicators, units, teachers…',
  'search.open': 'Open search',
  'search.hint': 'Type at least 1 Chinese character or 2 letters or digits (50 characters at most)',
  'search.empty': 'No results for “{q}”',
  'search.emptyHint': 'Only records you may read are searched; try another word.',
  'search.summary': '{n} results for “{q}”',
  'search.more': 'The first {shown} of {n}',
  'search.unavailable':
    '{kinds} could not be searched just now: the results may be incomplete. Try again later.',
  'search.kind.task': 'Tasks',
  'search.kind.indicator': 'Indicators',
  'search.kind.unit': 'Units',
  'search.kind.teacher': 'Teachers',
  'search.kind.project': 'Projects',
  'search.kind.document': 'Documents',
  'search.kind.enterprise': 'Enterprises',
};
