/**
 * Fontconfig for the Chromium that prints PDFs: a generated config that includes the system's
 * own and then the aliases in `fonts.conf` (official 公文 font names → Noto CJK SC). An alias is
 * dropped when the machine really has that font (a district that installed licensed 方正 or
 * 仿宋_GB2312 fonts gets them, not Noto). Chromium gets it through FONTCONFIG_FILE, so the rest
 * of the server's process is untouched.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const ALIASES_FILE = new URL('./fonts.conf', import.meta.url);
const SYSTEM_CONFIGS = ['/etc/fonts/fonts.conf', '/usr/local/etc/fonts/fonts.conf'];

/** A generated fontconfig: its path (for FONTCONFIG_FILE) and how to delete it. */
export interface GeneratedFontConfig {
  file: string;
  dispose(): Promise<void>;
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Families fontconfig knows on this machine (empty when `fc-list` is missing). */
async function installedFamilies(): Promise<Set<string>> {
  try {
    const { stdout } = await promisify(execFile)('fc-list', [':', 'family'], { timeout: 10_000 });
    return new Set(stdout.split('\n').flatMap((entry) => entry.split(',').map((name) => name.trim())));
  } catch {
    return new Set();
  }
}

/**
 * Builds the config text: the system config (the one FONTCONFIG_FILE already names, else the
 * first that exists), then each alias of `fonts.conf` whose family is not installed.
 */
export async function buildFontConfig(): Promise<string> {
  const candidates = [process.env.FONTCONFIG_FILE, ...SYSTEM_CONFIGS].filter((p): p is string => !!p);
  let system: string | undefined;
  for (const candidate of candidates) {
    if (
      await fs.access(candidate).then(
        () => true,
        () => false,
      )
    ) {
      system = candidate;
      break;
    }
  }
  const installed = await installedFamilies();
  const aliases = (await fs.readFile(ALIASES_FILE, 'utf8'))
    .split('\n')
    .filter((line) => line.trim().startsWith('<alias'))
    .filter((line) => !installed.has(/<family>([^<]+)<\/family>/.exec(line)?.[1] ?? ''));
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    system ? `  <include ignore_missing="yes">${escapeXml(system)}</include>` : '',
    ...aliases,
    '</fontconfig>',
    '',
  ].join('\n');
}

/** Writes the generated config to a fresh temporary directory. */
export async function writeFontConfig(): Promise<GeneratedFontConfig> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'zhijiao-fonts-'));
  const file = path.join(dir, 'fonts.conf');
  await fs.writeFile(file, await buildFontConfig(), 'utf8');
  return { file, dispose: () => fs.rm(dir, { recursive: true, force: true }) };
}
