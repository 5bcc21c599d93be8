#!/usr/bin/env node
// The `zhijiao` command: runs the TypeScript CLI through tsx's loader, with this process's
// environment and streams, and exits with its code (`start` keeps running: -1).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
const code = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
if (code >= 0) process.exit(code);
