/** Thrown for bad command-line use; the CLI prints it with the usage and exits with 2. */
export class UsageError extends Error {}

/**
 * Parses `--name value` and `--flag` options after positional words.
 * @example parseArgs(['users', 'create', '--role', 'coordinator']) // { positional: ['users','create'], options: { role: 'coordinator' } }
 */
export function parseArgs(argv: string[]): { positional: string[]; options: Record<string, string | true> } {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
      if (!name) throw new UsageError(`Empty option "${arg}"`);
      if (inline !== undefined) options[name] = inline;
      else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) options[name] = argv[++i]!;
      else options[name] = true;
    } else {
      positional.push(arg);
    }
  }
  return { positional, options };
}

/** A required string option, or a UsageError naming it. */
export function requireOption(options: Record<string, string | true>, name: string): string {
  const v = options[name];
  if (typeof v !== 'string' || v.length === 0) throw new UsageError(`Missing --${name} <value>`);
  return v;
}

/** Refuses options the command does not know (a typo must not be ignored). */
export function allowOnly(options: Record<string, string | true>, allowed: string[]): void {
  const unknown = Object.keys(options).filter((k) => !allowed.includes(k));
  if (unknown.length > 0)
    throw new UsageError(`Unknown option(s): ${unknown.map((u) => `--${u}`).join(', ')}`);
}
