import path from 'node:path';
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

describe('ZHIJIAO_SECRET_KEY_FILE', () => {
  it('is unset by default (the key file in the data directory), resolved to an absolute path, and exclusive with ZHIJIAO_SECRET_KEY', () => {
    expect(loadConfig({}).secretKeyFile).toBeNull();
    expect(loadConfig({ ZHIJIAO_SECRET_KEY_FILE: '/run/secrets/zhijiao.key' }).secretKeyFile).toBe(
      '/run/secrets/zhijiao.key',
    );
    expect(loadConfig({ ZHIJIAO_SECRET_KEY_FILE: 'keys/k' }).secretKeyFile).toMatch(/^\/.*keys\/k$/);
    expect(() => loadConfig({ ZHIJIAO_SECRET_KEY_FILE: '/k', ZHIJIAO_SECRET_KEY: 'ab'.repeat(32) })).toThrow(
      /both set/,
    );
  });
});

describe('ZHIJIAO_AUDIT_CHECKPOINT_FILE', () => {
  it('defaults to a file in the data directory and takes only an absolute file path', () => {
    expect(loadConfig({ ZHIJIAO_DATA_DIR: '/srv/zj' }).auditCheckpointFile).toBe(
      path.resolve('/srv/zj', 'audit-checkpoints.jsonl'),
    );
    expect(
      loadConfig({ ZHIJIAO_AUDIT_CHECKPOINT_FILE: '/var/lib/zj-audit//checkpoints.jsonl' })
        .auditCheckpointFile,
    ).toBe(path.normalize('/var/lib/zj-audit/checkpoints.jsonl'));
    expect(() => loadConfig({ ZHIJIAO_AUDIT_CHECKPOINT_FILE: 'checkpoints.jsonl' })).toThrow(
      /ZHIJIAO_AUDIT_CHECKPOINT_FILE must be an absolute file path/,
    );
    expect(() => loadConfig({ ZHIJIAO_AUDIT_CHECKPOINT_FILE: '/var/lib/zj-audit/' })).toThrow(ConfigError);
  });
});

describe('sign-in limits', () => {
  it('default to 5 failures locking for 10 minutes and 30 failures per address in 15 minutes', () => {
    expect(loadConfig({})).toMatchObject({
      lockoutThreshold: 5,
      lockoutMinutes: 10,
      loginAddressLimit: 30,
      loginAddressWindowMinutes: 15,
      loginAccountHourlyLimit: 50,
    });
    expect(loadConfig({ ZHIJIAO_LOGIN_ACCOUNT_HOURLY_LIMIT: '200' }).loginAccountHourlyLimit).toBe(200);
    expect(
      loadConfig({ ZHIJIAO_LOGIN_ADDRESS_LIMIT: '100', ZHIJIAO_LOGIN_ADDRESS_WINDOW_MINUTES: '60' }),
    ).toMatchObject({ loginAddressLimit: 100, loginAddressWindowMinutes: 60 });
  });

  it('refuses a per-address limit, window or per-account hourly limit out of range, naming each', () => {
    let error: unknown;
    try {
      loadConfig({
        ZHIJIAO_LOGIN_ADDRESS_LIMIT: '2',
        ZHIJIAO_LOGIN_ADDRESS_WINDOW_MINUTES: 'soon',
        ZHIJIAO_LOGIN_ACCOUNT_HOURLY_LIMIT: '5',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'ZHIJIAO_LOGIN_ADDRESS_LIMIT must be an integer between 5 and 1000 (got "2")',
      'ZHIJIAO_LOGIN_ADDRESS_WINDOW_MINUTES must be an integer between 1 and 1440 (got "soon")',
      'ZHIJIAO_LOGIN_ACCOUNT_HOURLY_LIMIT must be an integer between 10 and 10000 (got "5")',
    ]);
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
