import { describe, expect, it } from 'vitest';
import { rateLimitClientKey } from './client-key.ts';

describe('rateLimitClientKey', () => {
  it('keeps an IPv4 address as it is', () => {
    expect(rateLimitClientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitClientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitClientKey('::ffff:cb00:7107')).toBe('203.0.113.7');
  });

  it('puts every address of one IPv6 /64 under one key, however it is written', () => {
    const keys = [
      '2001:db8:1:2::1',
      '2001:0db8:0001:0002:ffff:ffff:ffff:ffff',
      '2001:DB8:1:2:aaaa:bbbb:cccc:dddd',
      '2001:db8:1:2::1%eth0',
    ].map(rateLimitClientKey);
    expect(new Set(keys)).toEqual(new Set(['2001:db8:1:2::/64']));
    expect(rateLimitClientKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(rateLimitClientKey('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitClientKey('fe80::1')).toBe('fe80:0:0:0::/64');
  });

  it('counts anything else as one unknown client', () => {
    expect(rateLimitClientKey(null)).toBe('unknown');
    expect(rateLimitClientKey('')).toBe('unknown');
    expect(rateLimitClientKey('not-an-ip')).toBe('unknown');
  });
});
