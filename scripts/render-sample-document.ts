/**
 * Renders the sample 督导报告 to var/samples/sample.docx and sample.pdf so people can look at the
 * 公文 layout, and prints how long the first (browser launch) and a warm PDF render took.
 *
 * Usage: node --import tsx scripts/render-sample-document.ts
 * Then:  pdftoppm -png -r 60 var/samples/sample.pdf var/samples/page
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { createDocumentRenderer } from '../apps/server/src/platform/documents/index.ts';
import { sampleSupervisionReport } from '../apps/server/src/platform/documents/sample-document.ts';

const out = path.resolve(import.meta.dirname, '..', 'var', 'samples');
await fs.mkdir(out, { recursive: true });
const doc = sampleSupervisionReport();
const renderer = createDocumentRenderer();
try {
  let started = performance.now();
  await fs.writeFile(path.join(out, 'sample.docx'), await renderer.docx(doc));
  console.log(`docx: ${Math.round(performance.now() - started)} ms`);
  started = performance.now();
  await fs.writeFile(path.join(out, 'sample.pdf'), await renderer.pdf(doc));
  console.log(`pdf, first (browser launch): ${Math.round(performance.now() - started)} ms`);
  started = performance.now();
  await renderer.pdf(doc);
  console.log(`pdf, warm: ${Math.round(performance.now() - started)} ms`);
  console.log(`written to ${out}`);
} finally {
  await renderer.close();
}
