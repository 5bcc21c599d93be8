import type { OrgUnit } from '../types';

export interface OrgNode {
  unit: OrgUnit;
  children: OrgNode[];
}

/**
 * Builds the org tree from the flat list the API returns. Siblings are sorted by code; a unit
 * whose parent is missing from the list (not visible) becomes a root rather than disappearing.
 *
 * @example buildOrgTree([{ id: 'd', parentId: null, … }, { id: 'b', parentId: 'd', … }]) // [{ unit: d, children: [{ unit: b }] }]
 */
export function buildOrgTree(units: OrgUnit[]): OrgNode[] {
  const nodes = new Map(units.map((unit) => [unit.id, { unit, children: [] as OrgNode[] }]));
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: OrgNode[]) => {
    list.sort((a, b) => a.unit.code.localeCompare(b.unit.code));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}
