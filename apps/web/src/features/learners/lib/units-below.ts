/**
 * The units at or below `rootId` in the org tree.
 *
 * @example unitsBelow([{ id: 'd', parentId: null }, { id: 's', parentId: 'd' }], 'd') // Set { 'd', 's' }
 */
export function unitsBelow(
  units: ReadonlyArray<{ id: string; parentId: string | null }>,
  rootId: string,
): Set<string> {
  const below = new Set([rootId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const u of units)
      if (u.parentId && below.has(u.parentId) && !below.has(u.id)) {
        below.add(u.id);
        grew = true;
      }
  }
  return below;
}
