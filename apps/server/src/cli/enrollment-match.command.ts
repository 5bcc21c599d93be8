import fs from 'node:fs';
import {
  formatMatchingOutput,
  matchSeason,
  validateMatchingInput,
} from '../modules/enrollment/matching/index.ts';
import { allowOnly, requireOption, UsageError } from './args.ts';
import type { CliOutput } from './main.ts';

/** Exit code for input the command refuses (usage, unreadable file, invalid season). */
const REFUSED = 2;

/**
 * `zhijiao enrollment match --input in.json --output out.json`: runs the matching engine alone on
 * a season file — no configuration, no database — so any party can check a published result.
 * Every problem of an invalid file is printed (JSON path, Chinese / English) and nothing is
 * written. Returns the exit code: 0 matched, 2 refused.
 */
export function runEnrollmentCommand(
  sub: string | undefined,
  options: Record<string, string | true>,
  { out, err }: CliOutput,
): number {
  const refuse = (message: string): number => {
    err(message);
    return REFUSED;
  };
  if (sub !== 'match') throw new UsageError(`Unknown enrollment command "${sub ?? ''}"`);
  allowOnly(options, ['input', 'output']);
  const inputPath = requireOption(options, 'input');
  const outputPath = requireOption(options, 'output');
  const started = performance.now();
  let text: string;
  try {
    text = fs.readFileSync(inputPath, 'utf8');
  } catch (error) {
    return refuse(`无法读取输入文件 / Cannot read the input file ${inputPath}: ${reason(error)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return refuse(
      `输入文件不是有效的 JSON / The input file is not valid JSON (${inputPath}): ${reason(error)}`,
    );
  }
  const validation = validateMatchingInput(raw);
  if (!validation.ok) {
    const { issues } = validation;
    err(
      `输入有 ${issues.length} 处问题，未进行录取 / The input has ${issues.length} problem(s); nothing was matched:`,
    );
    for (const i of issues) err(`  - ${i.path} [${i.code}]: ${i.message} / ${i.messageEn}`);
    return REFUSED;
  }
  const output = matchSeason(validation.input);
  try {
    fs.writeFileSync(outputPath, formatMatchingOutput(output));
  } catch (error) {
    return refuse(`无法写入输出文件 / Cannot write the output file ${outputPath}: ${reason(error)}`);
  }
  const s = output.summary;
  out(
    `Matched ${s.candidates} candidates: ${s.placed} placed (general ${s.general}, vocational ${s.vocational}, ` +
      `vocational share ${(s.vocationalShare * 100).toFixed(1)} %), ${s.unplaced} unplaced; ` +
      `${Math.round(performance.now() - started)} ms → ${outputPath}`,
  );
  return 0;
}

function reason(error: unknown): string {
  if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return 'no such file';
  return error instanceof Error ? error.message : String(error);
}
