import { describe, expect, it } from 'vitest';
import { readFilters, withFilter } from './url-filters';

const SPEC = { status: ['in_force', 'expired'] as const, year: 'number', q: 'text' } as const;

describe('list filters kept in the URL', () => {
  it('reads each filter in its type, undefined when the URL does not set it', () => {
    expect(readFilters(new URLSearchParams('status=expired&year=2024&q=易通'), SPEC)).toEqual({
      status: 'expired',
      year: 2024,
      q: '易通',
    });
    expect(readFilters(new URLSearchParams(''), SPEC)).toEqual({
      status: undefined,
      year: undefined,
      q: undefined,
    });
  });

  it('leaves out a value the filter cannot take (an old or edited link)', () => {
    expect(readFilters(new URLSearchParams('status=archived&year=abc&q='), SPEC)).toEqual({
      status: undefined,
      year: undefined,
      q: undefined,
    });
  });

  it('sets one filter keeping the others, and removes it when cleared', () => {
    const params = new URLSearchParams('status=expired&year=2024');
    expect(withFilter(params, 'q', '振东').toString()).toBe(
      `status=expired&year=2024&q=${encodeURIComponent('振东')}`,
    );
    expect(withFilter(params, 'year', 2025).toString()).toBe('status=expired&year=2025');
    expect(withFilter(params, 'year', null).toString()).toBe('status=expired');
    expect(withFilter(params, 'status', undefined).toString()).toBe('year=2024');
    expect(withFilter(params, 'status', '').toString()).toBe('year=2024');
    expect(params.toString()).toBe('status=expired&year=2024');
  });
});
