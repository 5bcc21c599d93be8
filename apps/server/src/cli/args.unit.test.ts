import { describe, expect, it } from 'vitest';
import { allowOnly, parseArgs, requireOption, UsageError } from './args.ts';

describe('parseArgs', () => {
  it('separates words, valued options, inline values and flags', () => {
    expect(parseArgs(['users', 'create', '--role', 'coordinator', '--org=SD-EDU', '--force'])).toEqual({
      positional: ['users', 'create'],
      options: { role: 'coordinator', org: 'SD-EDU', force: true },
    });
  });
  it('names a missing required option and refuses unknown ones', () => {
    const { options } = parseArgs(['--role']);
    expect(() => requireOption(options, 'role')).toThrow(new UsageError('Missing --role <value>'));
    expect(() => allowOnly({ rol: 'x' }, ['role'])).toThrow(/--rol/);
  });
});
