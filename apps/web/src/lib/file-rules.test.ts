import { describe, expect, it } from 'vitest';
import { checkFile, MAX_FILE_BYTES } from './file-rules';

describe('checkFile', () => {
  it('accepts the evidence types in any letter case up to 20 MB', () => {
    for (const name of ['a.pdf', 'b.PNG', 'c.jpg', 'd.jpeg', 'e.docx', 'f.xlsx']) {
      expect(checkFile({ name, size: 1000 })).toBeNull();
    }
    expect(checkFile({ name: 'big.pdf', size: MAX_FILE_BYTES })).toBeNull();
  });

  it('rejects other types, names without an extension, and files over 20 MB', () => {
    expect(checkFile({ name: 'run.exe', size: 10 })).toBe('type');
    expect(checkFile({ name: 'old.doc', size: 10 })).toBe('type');
    expect(checkFile({ name: 'pdf', size: 10 })).toBe('type');
    expect(checkFile({ name: 'big.pdf', size: MAX_FILE_BYTES + 1 })).toBe('size');
  });
});
