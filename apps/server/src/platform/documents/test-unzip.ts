/**
 * Test helper: reads every member of a small zip (a .docx) through its central directory and
 * inflates it, so tests can assert on word/document.xml. Test-only: no ZIP64, no limits (the
 * archives are our own; uploads go through platform/files/file-guard.ts instead).
 */
import { inflateRawSync } from 'node:zlib';

/**
 * Member name → content.
 *
 * @example unzip(await renderDocx(doc)).get('word/document.xml')?.toString('utf8')
 */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const members = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressed);
    members.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return members;
}

/**
 * Throws unless `xml` is well-formed as far as a test needs: balanced, properly nested tags,
 * quoted attributes, no stray `<` or `&` in text and no control characters XML 1.0 forbids.
 * (Node ships no XML parser.)
 */
export function assertWellFormedXml(xml: string): void {
  for (let i = 0; i < xml.length; i++) {
    const code = xml.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) {
      throw new Error(`control character U+${code.toString(16).padStart(4, '0')} at ${i}`);
    }
  }
  const body = xml.replace(/^<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const open: string[] = [];
  let last = 0;
  for (const match of body.matchAll(/<[^<>]*>/g)) {
    const text = body.slice(last, match.index);
    if (/<|&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text))
      throw new Error(`bad text near ${match.index}`);
    last = match.index + match[0].length;
    const tag = match[0];
    const name = /^<\/?([\w:.-]+)/.exec(tag)?.[1];
    if (!name) throw new Error(`bad tag ${tag}`);
    if (!/^<\/?[\w:.-]+(\s+[\w:.-]+="[^"]*")*\s*\/?>$/.test(tag)) throw new Error(`bad attributes in ${tag}`);
    if (tag.startsWith('</')) {
      if (open.pop() !== name) throw new Error(`unbalanced </${name}> at ${match.index}`);
    } else if (!tag.endsWith('/>')) open.push(name);
  }
  if (open.length > 0 || body.slice(last).trim() !== '') throw new Error(`unclosed <${open.at(-1)}>`);
}
