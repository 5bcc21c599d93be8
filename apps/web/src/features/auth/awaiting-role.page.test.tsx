import { screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPage, signIn } from '@/test/render-page';

describe('an account without a role (/account/awaiting-role)', () => {
  beforeAll(async () => {
    // The demo's newcomer: created without a role, as the system administrator creates accounts.
    await signIn('newcomer');
  });

  it('sends every business page to a page saying the account waits for a role from the security administrator', async () => {
    const { router } = renderPage('/plans');
    await waitFor(() => expect(screen.getByTestId('awaiting-role-page')).toBeTruthy(), { timeout: 30_000 });
    expect(router.state.location.pathname).toBe('/account/awaiting-role');
    const page = screen.getByTestId('awaiting-role-page');
    expect(page.textContent).toContain('账号尚未获授角色');
    expect(page.textContent).toContain('安全管理员');
    expect(page.textContent).toContain('修改密码');
    expect(screen.queryByRole('link', { name: /行动计划|计划/ })).toBeNull();
  });
});
