import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './main.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

const SEASON = {
  tieBreak: ['math'],
  programs: [
    { id: 'P01', track: 'general', capacity: 1 },
    { id: 'V01', track: 'vocational', capacity: 1 },
  ],
  candidates: [
    { id: 'C2', score: 500, subjects: { math: 90 }, preferences: ['P01', 'V01'] },
    { id: 'C1', score: 510, subjects: { math: 80 }, preferences: ['P01'] },
  ],
};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `zhijiao enrollment match` as anyone checking a published result runs it: no configuration and
 * no database — DATABASE_URL points nowhere and the data directory must stay empty.
 */
describe('zhijiao enrollment match', { timeout: 60_000 }, () => {
  let dir: string;
  let dataDir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-match-cli-'));
    dataDir = path.join(dir, 'data');
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dir, 'season.json'), JSON.stringify(SEASON));
    const invalid = structuredClone(SEASON) as {
      programs: Array<Record<string, unknown>>;
      candidates: Array<Record<string, unknown>>;
    };
    invalid.programs[0]!.capacity = -1;
    invalid.candidates[1]!.preferences = ['P01', 'X99'];
    fs.writeFileSync(path.join(dir, 'invalid.json'), JSON.stringify(invalid));
    fs.writeFileSync(path.join(dir, 'broken.json'), '{"tieBreak": [');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const env = () => ({
    ...process.env,
    DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    ZHIJIAO_DATA_DIR: dataDir,
    PORT: 'not-a-port',
  });

  /** The command in this process, as the bin runs it (`runCli`). */
  async function zhijiao(...args: string[]): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(['enrollment', 'match', ...args], {
      env: env(),
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    });
    return { code, stdout, stderr };
  }

  /** The command through `bin/zhijiao.mjs`, in a process of its own. */
  function spawned(...args: string[]): Promise<Run> {
    const child = spawn(process.execPath, ['apps/server/bin/zhijiao.mjs', 'enrollment', 'match', ...args], {
      cwd: REPO_ROOT,
      env: env(),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    return new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  const at = (name: string) => path.join(dir, name);

  it('matches a season file, writes the result and exits 0; refuses bad input with exit 2', async () => {
    const [ok, invalid, broken, missing, noOutput] = await Promise.all([
      spawned('--input', at('season.json'), '--output', at('out.json')),
      zhijiao('--input', at('invalid.json'), '--output', at('invalid-out.json')),
      zhijiao('--input', at('broken.json'), '--output', at('broken-out.json')),
      zhijiao('--input', at('missing.json'), '--output', at('missing-out.json')),
      zhijiao('--input', at('season.json')),
    ]);

    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Matched 2 candidates: 2 placed');
    const output = JSON.parse(fs.readFileSync(at('out.json'), 'utf8'));
    expect(output.assignments).toEqual([
      { candidate: 'C1', program: 'P01', seat: null, choice: 1 },
      { candidate: 'C2', program: 'V01', seat: null, choice: 2 },
    ]);
    expect(output.summary).toEqual({
      candidates: 2,
      placed: 2,
      unplaced: 0,
      general: 1,
      vocational: 1,
      vocationalShare: 0.5,
    });

    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('2 problem(s)');
    expect(invalid.stderr).toContain('$.programs[0].capacity [MATCHING_NEGATIVE_CAPACITY]: 名额不能为负数');
    expect(invalid.stderr).toContain(
      "$.candidates[1].preferences[1] [MATCHING_UNKNOWN_PROGRAM]: 志愿中的招生计划“X99”不存在 / Preference names unknown program 'X99'",
    );
    expect(fs.existsSync(at('invalid-out.json'))).toBe(false);

    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('The input file is not valid JSON');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read the input file');
    expect(missing.stderr).toContain('no such file');
    expect(noOutput.code).toBe(2);
    expect(noOutput.stderr).toContain('Missing --output');

    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});
