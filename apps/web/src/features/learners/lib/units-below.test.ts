import { describe, expect, it } from 'vitest';
import { unitsBelow } from './units-below';

describe('unitsBelow', () => {
  const units = [
    { id: 'district', parentId: null },
    { id: 'bureau', parentId: 'district' },
    { id: 'vhs', parentId: 'bureau' },
    { id: 'vec', parentId: 'bureau' },
    { id: 'hrss', parentId: 'district' },
  ];

  it('holds the unit itself and every unit under it, however deep, listed in any order', () => {
    expect(unitsBelow(units, 'bureau')).toEqual(new Set(['bureau', 'vhs', 'vec']));
    expect(unitsBelow([...units].reverse(), 'district')).toEqual(new Set(units.map((u) => u.id)));
  });

  it('holds only the unit for a school with nothing under it', () => {
    expect(unitsBelow(units, 'vhs')).toEqual(new Set(['vhs']));
  });
});
