import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '../types';
import { buildOrgTree } from './org-tree';

const unit = (id: string, code: string, parentId: string | null): OrgUnit => ({
  id,
  code,
  name: code,
  fullName: code,
  nameEn: '',
  type: 'bureau',
  groups: [],
  parentId,
});

describe('buildOrgTree', () => {
  it('nests units under their parents and sorts siblings by code', () => {
    const tree = buildOrgTree([
      unit('2', 'jyj', '1'),
      unit('1', 'sdq', null),
      unit('3', 'czj', '1'),
      unit('4', 'zg', '2'),
    ]);
    expect(tree).toHaveLength(1);
    expect(tree[0]!.unit.code).toBe('sdq');
    expect(tree[0]!.children.map((n) => n.unit.code)).toEqual(['czj', 'jyj']);
    expect(tree[0]!.children[1]!.children[0]!.unit.code).toBe('zg');
  });

  it('keeps a unit whose parent is not in the list as a root', () => {
    const tree = buildOrgTree([unit('5', 'school', 'missing')]);
    expect(tree.map((n) => n.unit.code)).toEqual(['school']);
  });
});
