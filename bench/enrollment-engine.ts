/**
 * The enrolment matching engine at province scale (issue 4): 400,000 candidates, 1,500 programs,
 * 12 preferences each. Times `matchSeason` alone (goal < 0.5 s, < 1 GB) and `zhijiao enrollment
 * match` end to end on a JSON file (parse, validate, match, write; goal < 5 s).
 * Standalone: `node --import tsx bench/enrollment-engine.ts`; `npm run bench` runs it too.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import {
  matchSeason,
  validateMatchingInput,
  type CandidateInput,
  type MatchingInput,
  type ProgramInput,
} from '../apps/server/src/modules/enrollment/matching/index.ts';
import { createRandom } from '../apps/server/src/modules/enrollment/matching/test-support/random.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'apps/server/bin/zhijiao.mjs');
const CANDIDATES = 400_000;
const PROGRAMS = 1_500;
const PREFERENCES = 12;
const SCHOOLS = 2_000;
const SEED = 20_250_615;
const GOAL_ENGINE_MS = 500;
const GOAL_ENGINE_MB = 1024;
const GOAL_CLI_MS = 5_000;
const MB = 2 ** 20;

/**
 * A province's season, deterministic for a seed: 40 % general programs (普高, minimum scores,
 * a third with 指标到校 groups), 60 % vocational majors (5 % with their own skills-test ranking,
 * a few requiring a sex), candidates' scores roughly normal, each listing 12 distinct programs
 * near their level, most ambitious first. Candidates are shuffled (not in exam-number order).
 */
export function provinceSeason(seed = SEED, candidates = CANDIDATES, programCount = PROGRAMS): MatchingInput {
  const rnd = createRandom(seed);
  const schools = Array.from({ length: SCHOOLS }, (_, i) => `J${String(i + 1).padStart(4, '0')}`);
  const programs: ProgramInput[] = [];
  // Prestige order: program 0 is the most sought after; general programs sit higher on average.
  for (let p = 0; p < programCount; p++) {
    const general = rnd.chance(p < programCount * 0.4 ? 0.75 : 0.15);
    const id = `P${String(p + 1).padStart(4, '0')}`;
    const program: ProgramInput = general
      ? {
          id,
          track: 'general',
          capacity: rnd.int(150, 420),
          minScore: Math.max(300, 620 - (p * 320) / programCount),
        }
      : { id, track: 'vocational', capacity: rnd.int(40, 200) };
    if (general && rnd.chance(1 / 3)) {
      const groups = rnd.int(1, 3);
      const pool = rnd.sample(schools, groups * 4);
      program.reserved = Array.from({ length: groups }, (_, g) => ({
        id: `${id}-R${g + 1}`,
        capacity: Math.floor((program.capacity * rnd.int(5, 10)) / 100),
        schools: pool.slice(g * 4, g * 4 + 4),
      }));
    }
    if (!general && rnd.chance(0.05)) program.rankBy = {};
    if (!general && rnd.chance(0.03)) program.requires = { sex: rnd.pick(['F', 'M']) };
    programs.push(program);
  }
  const list: CandidateInput[] = [];
  for (let i = 0; i < candidates; i++) {
    const ability = rnd.normal();
    const score = Math.round(Math.min(750, Math.max(120, 470 + 95 * ability)) * 2) / 2;
    const subject = () => Math.max(0, Math.min(150, Math.round(100 + 25 * ability + 12 * rnd.normal())));
    const level = 1 - Math.min(0.999, Math.max(0, 0.5 + ability / 4));
    const picked = new Set<number>();
    while (picked.size < PREFERENCES) {
      const centre = level * programCount + rnd.normal() * programCount * 0.08;
      picked.add(Math.min(programCount - 1, Math.max(0, Math.round(centre))));
    }
    const id = `2025${String(i + 1).padStart(6, '0')}`;
    // Mostly most-prestigious first, with some candidates putting a safer choice earlier.
    const prefs = [...picked]
      .map((p) => ({ p, order: p + (rnd.chance(0.2) ? rnd.int(-60, 60) : 0) }))
      .sort((a, b) => a.order - b.order || a.p - b.p)
      .map((x) => x.p);
    for (const p of prefs) {
      const rankBy = programs[p]!.rankBy;
      if (rankBy && rnd.chance(0.9)) rankBy[id] = rnd.int(400, 1000) / 10;
    }
    list.push({
      id,
      score,
      bonus: rnd.chance(0.1) ? rnd.pick([5, 10, 20]) : 0,
      school: rnd.pick(schools),
      sex: rnd.chance(0.5) ? 'F' : 'M',
      subjects: { math: subject(), chinese: subject(), english: subject() },
      preferences: prefs.map((p) => programs[p]!.id),
    });
  }
  for (let i = list.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return { tieBreak: ['math', 'chinese', 'english'], programs, candidates: list };
}

const collectGarbage = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

const heapAndBuffers = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/** Peak resident memory (bytes) and CPU time (ms) of a running process, from /proc (Linux). */
function processStats(pid: number): { peakRss: number; cpuMs: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(stat[11]) + Number(stat[12]);
    return { peakRss: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]) * 1024, cpuMs: ticks * 10 };
  } catch {
    return null;
  }
}

/** CPU milliseconds (user + system, all threads) of this process so far. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface CliRun {
  code: number | null;
  ms: number;
  /** CPU time, sampled every 20 ms until exit (so up to 20 ms short). */
  cpuMs: number;
  peakRss: number;
  stdout: string;
  stderr: string;
}

/** Spawns `zhijiao enrollment match` as an operator would, polling its peak RSS from /proc. */
function runCli(input: string, output: string): Promise<CliRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'enrollment', 'match', '--input', input, '--output', output], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let last = { peakRss: 0, cpuMs: 0 };
  const poll = setInterval(() => {
    // A zombie's status has no memory lines: keep the last sample of the living process.
    const now = processStats(child.pid!);
    if (now && Number.isFinite(now.peakRss)) last = now;
  }, 20);
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      resolve({ code, ms: performance.now() - started, ...last, stdout, stderr });
    });
  });
}

export interface EngineBenchResult {
  goals: Array<{ goal: string; measured: string; pass: boolean }>;
}

/**
 * Runs the engine and the CLI benchmarks, printing as it goes; returns the goals for the table.
 * The engine is timed on the season parsed back from its JSON file — the objects the CLI (or a
 * service reading rows) hands it — after a full GC, five times (the first includes JIT warm-up).
 */
export async function benchEnrollmentEngine(
  say: (line: string) => void = console.log,
): Promise<EngineBenchResult> {
  say(
    `\n▶ Enrolment matching engine: ${CANDIDATES} candidates, ${PROGRAMS} programs, ${PREFERENCES} preferences`,
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-bench-match-'));
  try {
    const inFile = path.join(dir, 'in.json');
    const outFile = path.join(dir, 'out.json');
    const t = performance.now();
    const generated = provinceSeason();
    const seats = generated.programs.reduce((n, p) => n + p.capacity, 0);
    const text = JSON.stringify(generated);
    fs.writeFileSync(inFile, text);
    say(
      `  generated in ${((performance.now() - t) / 1000).toFixed(1)} s: ${seats} seats, ${(text.length / MB).toFixed(0)} MB of JSON`,
    );
    const engine = timeEngine(JSON.parse(text) as unknown, say);
    const cli = await runCli(inFile, outFile);
    if (cli.code !== 0) throw new Error(`zhijiao enrollment match exited ${cli.code}: ${cli.stderr}`);
    const outMb = fs.statSync(outFile).size / MB;
    say(
      `  CLI end to end              ${cli.ms.toFixed(0).padStart(6)} ms wall, ${cli.cpuMs.toFixed(0)} ms CPU (out ${outMb.toFixed(0)} MB, peak RSS ${(cli.peakRss / MB).toFixed(0)} MB)`,
    );
    say(`  CLI says: ${cli.stdout.trim()}`);
    return {
      goals: [
        {
          goal: `matching engine < ${GOAL_ENGINE_MS} ms, ${CANDIDATES} candidates × ${PROGRAMS} programs × ${PREFERENCES} preferences`,
          measured: `median ${engine.median.toFixed(0)} ms wall (${engine.medianCpu.toFixed(0)} ms CPU), first ${engine.first.toFixed(0)} ms`,
          pass: engine.median < GOAL_ENGINE_MS,
        },
        {
          goal: `matching engine < ${GOAL_ENGINE_MB} MB`,
          measured: `heap + buffers +${(engine.growth / MB).toFixed(0)} MB (the whole CLI process peaks at ${(cli.peakRss / MB).toFixed(0)} MB RSS)`,
          pass: engine.growth < GOAL_ENGINE_MB * MB,
        },
        {
          goal: `zhijiao enrollment match end to end < ${GOAL_CLI_MS} ms`,
          measured: `${cli.ms.toFixed(0)} ms wall, ${cli.cpuMs.toFixed(0)} ms CPU; load ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`,
          pass: cli.ms < GOAL_CLI_MS,
        },
      ],
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function timeEngine(
  raw: unknown,
  say: (line: string) => void,
): { first: number; median: number; medianCpu: number; growth: number } {
  let t = performance.now();
  const valid = validateMatchingInput(raw);
  if (!valid.ok) throw new Error(`generated season is invalid: ${JSON.stringify(valid.issues.slice(0, 5))}`);
  say(`  validateMatchingInput       ${(performance.now() - t).toFixed(0).padStart(6)} ms`);
  const times: number[] = [];
  const cpu: number[] = [];
  let growth = 0;
  let summary = '';
  for (let run = 0; run < 5; run++) {
    collectGarbage();
    const before = heapAndBuffers();
    t = performance.now();
    const c = cpuMs();
    const output = matchSeason(valid.input);
    times.push(performance.now() - t);
    cpu.push(cpuMs() - c);
    growth = Math.max(growth, heapAndBuffers() - before);
    summary = JSON.stringify(output.summary);
  }
  const sorted = times.slice().sort((a, b) => a - b);
  const median = sorted[2]!;
  const medianCpu = cpu.slice().sort((a, b) => a - b)[2]!;
  say(`  matchSeason, first run      ${times[0]!.toFixed(0).padStart(6)} ms`);
  say(
    `  matchSeason, median of 5    ${median.toFixed(0).padStart(6)} ms (min ${sorted[0]!.toFixed(0)}, max ${sorted[4]!.toFixed(0)}); CPU ${medianCpu.toFixed(0)} ms`,
  );
  say(
    `  heap + buffers grown by     ${(growth / MB).toFixed(0).padStart(6)} MB (the engine's work and its output)`,
  );
  say(
    `  bench process peak RSS      ${((process.resourceUsage().maxRSS * 1024) / MB).toFixed(0).padStart(6)} MB (generator and input included)`,
  );
  say(`  ${summary}`);
  return { first: times[0]!, median, medianCpu, growth };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { goals } = await benchEnrollmentEngine();
  for (const g of goals) console.log(`  [${g.pass ? 'PASS' : 'MISS'}] ${g.goal}: ${g.measured}`);
}
