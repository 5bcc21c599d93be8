import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { ZhijiaoSequencer } from './vitest.sequencer.ts';

const webSrc = fileURLToPath(new URL('./apps/web/src', import.meta.url));

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core CI machine,
    // where a test file mostly waits on its database (PGlite's thread, PostgreSQL's processes) or the
    // page server, so the second core sat idle. Two at least; files of a worker still run in turn.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // Page tests after the others, the long end-to-end files first: see vitest.sequencer.ts.
    sequence: { sequencer: ZhijiaoSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          // Test files share the module cache (no re-import of the app per file); none keeps module state.
          isolate: false,
          // Property tests run thousands of cases: on a busy machine (load 14 seen) 5 s is not enough.
          testTimeout: 30_000,
          include: [
            'packages/**/*.test.ts',
            'eslint-rules/**/*.test.ts',
            'apps/server/src/**/*.unit.test.ts',
            'apps/web/src/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'server',
          include: ['apps/server/src/**/*.test.ts'],
          exclude: ['apps/server/src/**/*.unit.test.ts'],
          globalSetup: ['apps/server/src/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          // Files of one worker run one after another, sharing the module cache and (on PGlite) one
          // embedded database emptied between files: see test/test-db.ts.
          isolate: false,
        },
      },
      {
        // Route-level tests of the heaviest pages: the real app rendered in happy-dom against a real
        // server holding the demo district (apps/server/src/test/page-server.ts), no browser.
        resolve: { alias: { '@': webSrc } },
        test: {
          name: 'pages',
          environment: 'happy-dom',
          include: ['apps/web/src/**/*.page.test.tsx'],
          setupFiles: ['apps/web/src/test/page-setup.ts'],
          globalSetup: ['apps/server/src/test/page-server.ts'],
          testTimeout: 60_000,
          // The first page test waits for the page server to finish loading the demo.
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          // The demo district is loaded once per run and each file's server starts on a copy of it.
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 120_000,
          // The first file's server loads the run's demo snapshot (see e2e/support.ts): minutes on a
          // busy machine; the budget only catches a hang.
          hookTimeout: 600_000,
          // A journey waits on a server doing real work (imports, matching, publishing): polls get
          // 15 s, not Vitest's 1 s default, so a slower machine is not a failure.
          expect: { poll: { timeout: 15_000 } },
          // Journeys run side by side (the run's workers, two on a 2-core machine): a journey spends
          // much of its time waiting (the network gone quiet, a page's spinner, a poll), each on its
          // own server, data copy and browser, so a second one fills the idle core.
        },
      },
    ],
  },
});
