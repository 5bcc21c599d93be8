import os from 'node:os';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createRunningClock } from '../clock/clock.ts';
import { ConfigError, fastifyTrustProxy, loadConfig } from './config.ts';

const trustProxy = (value: string | undefined) => loadConfig({ ZHIJIAO_TRUST_PROXY: value }).trustProxy;

describe('ZHIJIAO_TRUST_PROXY', () => {
  it('is off by default and with false', () => {
    expect(trustProxy(undefined)).toBe(false);
    expect(trustProxy('')).toBe(false);
    expect(trustProxy('false')).toBe(false);
  });

  it('takes a hop count, a list of proxy addresses and CIDRs, or true', () => {
    expect(trustProxy('1')).toBe(1);
    expect(trustProxy('2')).toBe(2);
    expect(trustProxy('10.0.0.5, 172.16.0.0/12,fd00::/8, loopback')).toEqual([
      '10.0.0.5',
      '172.16.0.0/12',
      'fd00::/8',
      'loopback',
    ]);
    expect(trustProxy('true')).toBe(true);
  });

  it.each(['banana', '10.0.0.0/33', '0', '10.0.0.1,', '300.1.1.1'])('refuses %j', (value) => {
    expect(() => trustProxy(value)).toThrow(ConfigError);
  });

  it('makes a client-sent X-Forwarded-For unable to choose the client IP behind one proxy', async () => {
    const ipSeen = async (value: string) => {
      const app = Fastify({ trustProxy: fastifyTrustProxy({ trustProxy: trustProxy(value) }) });
      app.get('/', async (request) => request.ip);
      // The client claims 6.6.6.6; the proxy (127.0.0.1) appends the address it really saw.
      const res = await app.inject({ url: '/', headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' } });
      await app.close();
      return res.body;
    };
    expect(await ipSeen('1')).toBe('203.0.113.9');
    expect(await ipSeen('127.0.0.1')).toBe('203.0.113.9');
    expect(await ipSeen('false')).toBe('127.0.0.1');
    expect(await ipSeen('true')).toBe('6.6.6.6');
  });
});

describe('ZHIJIAO_CLOCK_START', () => {
  it('is off by default, takes an ISO instant, and is refused with a bad value or in production', () => {
    expect(loadConfig({}).clockStart).toBeNull();
    expect(loadConfig({ ZHIJIAO_CLOCK_START: '2022-05-20T02:00:00Z' }).clockStart).toBe(
      '2022-05-20T02:00:00Z',
    );
    expect(() => loadConfig({ ZHIJIAO_CLOCK_START: 'yesterday' })).toThrow(/ZHIJIAO_CLOCK_START must be/);
    expect(() => loadConfig({ ZHIJIAO_CLOCK_START: '2022-05-20' })).toThrow(ConfigError);
    expect(() => loadConfig({ ZHIJIAO_CLOCK_START: '2022-05-20T02:00:00Z', NODE_ENV: 'production' })).toThrow(
      /refused with NODE_ENV=production/,
    );
    expect(() =>
      loadConfig({ ZHIJIAO_CLOCK_START: '2022-05-20T02:00:00Z', ZHIJIAO_DEMO_DATA: 'false' }),
    ).toThrow(/ZHIJIAO_DEMO_DATA=false/);
  });

  it('runs from its start at the real pace', () => {
    let real = 1_000_000;
    const clock = createRunningClock('2022-05-20T02:00:00Z', () => real);
    expect(clock.now().toISOString()).toBe('2022-05-20T02:00:00.000Z');
    real += 90_000;
    expect(clock.now().toISOString()).toBe('2022-05-20T02:01:30.000Z');
  });
});

describe('ZHIJIAO_WORKERS', () => {
  const workers = (env: Record<string, string>) =>
    loadConfig({ ZHIJIAO_DATA_DIR: '/tmp/zj', ...env }).workers;
  const pg = { DATABASE_URL: 'postgresql://127.0.0.1/zhijiao' };

  it('runs one process on the embedded database and one per core on PostgreSQL by default', () => {
    expect(workers({})).toBe(1);
    expect(workers(pg)).toBe(os.availableParallelism());
    expect(workers({ ...pg, ZHIJIAO_WORKERS: '3' })).toBe(3);
  });

  it('refuses more than one process on the embedded database, saying why', () => {
    expect(() => workers({ ZHIJIAO_WORKERS: '2' })).toThrow(
      /ZHIJIAO_WORKERS=2 needs PostgreSQL.*single-process by design/,
    );
    expect(() => workers({ ...pg, ZHIJIAO_WORKERS: '0' })).toThrow(
      /ZHIJIAO_WORKERS must be an integer between 1 and 64/,
    );
  });
});
