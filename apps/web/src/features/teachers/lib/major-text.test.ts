import { describe, expect, it } from 'vitest';
import { majorText, majorTexts } from './major-text';

describe('majors taught as text', () => {
  it('writes the name with the code after it, the bare code only when no name is known', () => {
    expect(majorText({ code: '740601', name: '美容美体艺术' })).toBe('美容美体艺术（740601）');
    expect(majorText({ code: '740601', name: ' ' })).toBe('740601');
    expect(
      majorTexts([
        { code: '660107', name: '焊接技术应用' },
        { code: '660301', name: '机电技术应用' },
      ]),
    ).toBe('焊接技术应用（660107）、机电技术应用（660301）');
    expect(majorTexts([])).toBe('—');
  });
});
