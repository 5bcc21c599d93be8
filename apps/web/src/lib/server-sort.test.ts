import { describe, expect, it } from 'vitest';
import { columnSortOrder, sortFromParams, withSort } from './server-sort';

const KEYS = ['name', 'hireDate'] as const;

describe('server-side column sort in the URL', () => {
  it('reads a known column and its direction, ascending by default', () => {
    expect(sortFromParams(new URLSearchParams('sort=hireDate&order=desc'), KEYS)).toEqual({
      sort: 'hireDate',
      order: 'desc',
    });
    expect(sortFromParams(new URLSearchParams('sort=name'), KEYS)).toEqual({ sort: 'name', order: 'asc' });
  });

  it('ignores a column the list cannot sort by (an old or edited link)', () => {
    expect(sortFromParams(new URLSearchParams('sort=idNumber&order=desc'), KEYS)).toEqual({});
    expect(sortFromParams(new URLSearchParams('order=desc'), KEYS)).toEqual({});
  });

  it('tells each column whether it is the sorted one', () => {
    const sort = { sort: 'name', order: 'desc' } as const;
    expect(columnSortOrder(sort, 'name')).toBe('descend');
    expect(columnSortOrder(sort, 'hireDate')).toBeNull();
    expect(columnSortOrder({}, 'name')).toBeNull();
  });

  it('writes antd’s sorter into the URL, keeping the filters, and clears it on the third click', () => {
    const params = new URLSearchParams('school=x&sort=name&order=asc');
    const next = withSort(params, { columnKey: 'hireDate', order: 'descend' });
    expect(next.toString()).toBe('school=x&sort=hireDate&order=desc');
    expect(withSort(next, { columnKey: 'hireDate', order: undefined }).toString()).toBe('school=x');
    expect(params.toString()).toBe('school=x&sort=name&order=asc');
  });
});
