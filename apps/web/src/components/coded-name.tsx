import { Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { can } from '@/lib/permissions';
import { useSession } from '@/lib/session';

/**
 * Whether the user keeps the plan (the coordinator) and so may see internal codes such as
 * `T06-RESOURCE-COVERAGE` or `plan.tasksOnTrackShare`; everyone else reads names only.
 */
export function useSeesCodes(): boolean {
  return can(useSession(), 'plan.manage');
}

/**
 * A record's name as users read it; its code appears only as a tooltip, and only to the
 * coordinator (see `useSeesCodes`).
 *
 * @example <CodedName name="优质教学资源覆盖专业比例" code="T06-RESOURCE-COVERAGE" />
 */
export function CodedName({ name, code }: { name: ReactNode; code: string | null | undefined }) {
  const seesCodes = useSeesCodes();
  if (!seesCodes || !code) return <>{name}</>;
  return (
    <Tooltip title={code}>
      <span data-code={code}>{name}</span>
    </Tooltip>
  );
}
