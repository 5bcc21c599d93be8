import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPage, signIn } from '@/test/render-page';

/**
 * The teacher register (/teachers) on the demo district, as 区职业高中's clerk: what the age
 * column means reaches a keyboard and a screen reader, not only a pointer.
 */
describe('the teacher register (/teachers)', () => {
  // The file's first sign-in waits for the page server to finish loading the demo district.
  beforeAll(() => signIn('vhs'), 240_000);

  it('names the sortable age header and explains it to the keyboard’s focus, in Chinese', async () => {
    renderPage('/teachers');
    const header = await screen.findByTestId('age-header', {}, { timeout: 45_000 });
    expect(header.getAttribute('tabindex')).toBe('0');
    expect(header.getAttribute('aria-label')).toBe('年龄');
    const hint = document.getElementById(header.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toContain('当年年龄');
    fireEvent.focus(header);
    await waitFor(() => expect(screen.getByRole('tooltip').textContent).toContain('当年年龄'));
  });
});
