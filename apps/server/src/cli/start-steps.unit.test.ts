import { describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config/config.ts';
import { withDemoPublicUrl } from './start-steps.ts';

describe('withDemoPublicUrl', () => {
  it('gives the embedded demo its localhost URL, so its credentials can be issued and verified', () => {
    expect(withDemoPublicUrl(loadConfig({ PORT: '3100' })).publicUrl).toBe('http://localhost:3100');
  });

  it('keeps a configured URL and leaves PostgreSQL, no-demo and random-port installations without one', () => {
    expect(withDemoPublicUrl(loadConfig({ ZHIJIAO_PUBLIC_URL: 'https://zj.example.cn' })).publicUrl).toBe(
      'https://zj.example.cn',
    );
    expect(withDemoPublicUrl(loadConfig({ DATABASE_URL: 'postgres://x/y' })).publicUrl).toBeNull();
    expect(withDemoPublicUrl(loadConfig({ ZHIJIAO_DEMO_DATA: 'false' })).publicUrl).toBeNull();
    expect(withDemoPublicUrl(loadConfig({ PORT: '0' })).publicUrl).toBeNull();
  });
});
