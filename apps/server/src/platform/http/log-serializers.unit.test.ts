import { describe, expect, it } from 'vitest';
import { redactedUrl } from './log-serializers.ts';

describe('request URLs in the log', () => {
  it('never keep the text of a search or a name filter', () => {
    const logged = redactedUrl(`/api/search?q=${encodeURIComponent('张三')}&kind=teacher&lang=zh`);
    expect(decodeURIComponent(logged)).not.toContain('张三');
    expect(logged).toContain('kind=teacher');
    expect(redactedUrl('/api/teachers?q=Li&limit=20')).toBe('/api/teachers?q=%5Bredacted%5D&limit=20');
  });

  it('keep every other URL as sent', () => {
    expect(redactedUrl('/api/todos?lang=en')).toBe('/api/todos?lang=en');
    expect(redactedUrl('/api/plans')).toBe('/api/plans');
  });
});
