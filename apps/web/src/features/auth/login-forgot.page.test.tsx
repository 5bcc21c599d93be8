import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPage } from '@/test/render-page';

describe('the sign-in page (/login)', () => {
  it('says who resets a forgotten password', async () => {
    renderPage('/login');
    await waitFor(() => expect(screen.getByTestId('login-forgot')).toBeTruthy(), { timeout: 30_000 });
    expect(screen.queryByTestId('login-forgot-help')).toBeNull();
    fireEvent.click(screen.getByTestId('login-forgot'));
    const help = await screen.findByTestId('login-forgot-help');
    expect(help.textContent).toContain('安全管理员');
    expect(help.textContent).toContain('一次性密码');
  });
});
