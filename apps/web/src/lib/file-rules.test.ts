import { describe, expect, it } from 'vitest';
import { checkFile, MAX_FILE_BYTES } from './file-rules';

describe('checkFile', () => {
  it('accepts the evidence types in any letter case up to 20 MB', () => {
    for (const name of ['a.pdf', 'b.PNG', 'c.jpg', 'd.jpeg', 'e.docx', 'f.xlsx', 'g.DOC', 'h.xls']) {
      expect(checkFile({ name, size: 1000 })).toBeNull();
    }
    for (const name of ['汇报.wps', '统计.et', '红头文件.OFD']) {
      expect(checkFile({ name, size: 1000 })).toBeNull();
    }
    expect(checkFile({ name: 'big.pdf', size: MAX_FILE_BYTES })).toBeNull();
  });

  it('rejects other types, names without an extension, and files over 20 MB', () => {
    expect(checkFile({ name: 'run.exe', size: 10 })).toBe('type');
    expect(checkFile({ name: 'page.html', size: 10 })).toBe('type');
    expect(checkFile({ name: 'pdf', size: 10 })).toBe('type');
    expect(checkFile({ name: 'big.pdf', size: MAX_FILE_BYTES + 1 })).toBe('size');
  });
});
