/**
 * Prints HTML to PDF with headless Debian Chromium through playwright-core. The browser starts on
 * the first print and is reused; pages run one at a time by default (the server shares few cores);
 * every page is closed; a print that takes too long closes the browser (the next one starts a new
 * one) and fails with DOCUMENT_RENDER_FAILED, as does a missing Chromium, and so does (503, reason
 * BUSY) a print arriving while the queue of waiting prints is full.
 */
import fs from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { AppError } from '../errors/app-error.ts';
import { writeFontConfig, type GeneratedFontConfig } from './font-config.ts';

/** Flags headless Chromium needs on these machines (ARCHITECTURE.md, "Pitfalls already met"). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where Chromium is and how long and how many prints may run. */
export interface PdfPrinterOptions {
  /** Defaults to ZHIJIAO_CHROMIUM, else /usr/bin/chromium. */
  chromiumPath?: string;
  /** Per print, including a browser launch; default 30 s. */
  timeoutMs?: number;
  /** Pages printing at once; default 1. */
  maxConcurrentPages?: number;
  /** Prints allowed to wait for a page; beyond them a print fails at once (503 BUSY); default 8. */
  maxQueued?: number;
}

/** What to print: the page, and the footer template Chromium stamps on each page. */
export interface PrintJob {
  html: string;
  footerTemplate: string;
}

/** A lazily started, shared headless browser that prints PDFs. */
export interface PdfPrinter {
  print(job: PrintJob): Promise<Buffer>;
  /** Closes the browser (if started); a later print starts a new one. */
  close(): Promise<void>;
}

type Reason = 'CHROMIUM_MISSING' | 'TIMEOUT' | 'BROWSER_FAILED' | 'BUSY';

/** The error callers see; the internal cause goes in the message (logged, never sent). */
function renderFailed(reason: Reason, cause: string): AppError {
  return new AppError('DOCUMENT_RENDER_FAILED', reason === 'BROWSER_FAILED' ? 500 : 503, { reason }, cause);
}

/**
 * A counting semaphore: at most `limit` holders, at most `maxQueued` waiting in order; one more
 * is refused at once (503 BUSY) rather than queueing without bound behind a slow browser.
 */
function semaphore(limit: number, maxQueued: number): <T>(work: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (work) => {
    if (active >= limit) {
      if (waiting.length >= maxQueued)
        throw renderFailed('BUSY', `PDF printer busy: ${active} printing, ${waiting.length} queued`);
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else active++;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

/** What Chromium may read of the server's environment: where programs, home, temp files and locale are. */
const CHROMIUM_ENV_KEYS = [
  'PATH',
  'HOME',
  'TMPDIR',
  'LANG',
  'LC_ALL',
  'TZ',
  'XDG_RUNTIME_DIR',
  'XDG_CONFIG_HOME',
  'XDG_CACHE_HOME',
];

/**
 * The environment Chromium starts with: the few variables it needs and the generated font
 * configuration, never the rest of the server's (the field key `ZHIJIAO_SECRET_KEY`, the
 * `DATABASE_URL` with its password): the renderer lays out pages holding user data, and a process
 * that needs no secret should hold none.
 *
 * @example chromiumEnvironment({ PATH: '/usr/bin', ZHIJIAO_SECRET_KEY: 'k' }, '/tmp/f.conf') // { PATH: '/usr/bin', FONTCONFIG_FILE: '/tmp/f.conf' }
 */
export function chromiumEnvironment(env: NodeJS.ProcessEnv, fontConfigFile: string): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const key of CHROMIUM_ENV_KEYS) if (env[key] !== undefined) picked[key] = env[key];
  return { ...picked, FONTCONFIG_FILE: fontConfigFile };
}

/**
 * Creates the printer. Nothing starts until the first `print`.
 *
 * @example
 * const printer = createPdfPrinter({ timeoutMs: 30_000 });
 * const pdf = await printer.print({ html, footerTemplate: '<div></div>' });
 * await printer.close();
 */
export function createPdfPrinter(options: PdfPrinterOptions = {}): PdfPrinter {
  const executablePath = options.chromiumPath ?? process.env.ZHIJIAO_CHROMIUM ?? '/usr/bin/chromium';
  const timeoutMs = options.timeoutMs ?? 30_000;
  const limit = semaphore(Math.max(1, options.maxConcurrentPages ?? 1), Math.max(0, options.maxQueued ?? 8));
  let browser: Promise<{ browser: Browser; fonts: GeneratedFontConfig }> | null = null;

  async function launch(): Promise<{ browser: Browser; fonts: GeneratedFontConfig }> {
    const executable = await fs.access(executablePath, fs.constants.X_OK).then(
      () => true,
      () => false,
    );
    if (!executable)
      throw renderFailed('CHROMIUM_MISSING', `Chromium not found or not executable: ${executablePath}`);
    const fonts = await writeFontConfig();
    try {
      const started = await chromium.launch({
        executablePath,
        headless: true,
        args: CHROMIUM_FLAGS,
        env: chromiumEnvironment(process.env, fonts.file),
        timeout: timeoutMs,
      });
      return { browser: started, fonts };
    } catch (error) {
      await fonts.dispose();
      throw error;
    }
  }

  function started(): Promise<{ browser: Browser; fonts: GeneratedFontConfig }> {
    if (!browser) {
      const current = launch();
      browser = current;
      const forget = () => {
        if (browser === current) browser = null;
      };
      // A crashed browser is forgotten (the next print starts another) and its font config deleted.
      current.then(({ browser: b, fonts }) => {
        b.on('disconnected', () => {
          forget();
          void fonts.dispose();
        });
      }, forget);
    }
    return browser;
  }

  async function shutdown(): Promise<void> {
    const current = browser;
    browser = null;
    if (!current) return;
    const running = await current.catch(() => null);
    if (!running) return;
    await running.browser.close().catch(() => undefined);
    await running.fonts.dispose();
  }

  async function printPage(job: PrintJob): Promise<Buffer> {
    const { browser: b } = await started();
    const context = await b.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.setContent(job.html, { waitUntil: 'load', timeout: timeoutMs });
      return await page.pdf({
        format: 'A4',
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: job.footerTemplate,
      });
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  async function print(job: PrintJob): Promise<Buffer> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(renderFailed('TIMEOUT', `PDF not printed within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    const work = printPage(job);
    try {
      return await Promise.race([work, timeout]);
    } catch (error) {
      if (error instanceof AppError) {
        if ((error.details as { reason?: Reason }).reason === 'TIMEOUT') {
          work.catch(() => undefined);
          await shutdown();
        }
        throw error;
      }
      throw renderFailed('BROWSER_FAILED', error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(timer);
    }
  }

  return { print: (job) => limit(() => print(job)), close: shutdown };
}
