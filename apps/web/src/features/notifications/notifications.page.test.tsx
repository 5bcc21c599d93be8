import type { ApiResponse } from '@zhijiao/contracts/api';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, renderPage, signIn } from '@/test/render-page';

type Page = ApiResponse<'get', '/api/notifications'>;

describe('the message centre (/notifications)', () => {
  let first: Page;
  beforeAll(async () => {
    // 区人社局's reports were reviewed in the demo: the district told the unit of each decision.
    await signIn('hrss');
    first = await getJson<Page>('/api/notifications?limit=20');
  });

  it('lists the unit’s notifications newest first, unread ones marked, with the count in the header bell', async () => {
    expect(first.total).toBeGreaterThan(0);
    expect(first.unread).toBeGreaterThan(0);
    renderPage('/notifications');
    await waitFor(() => expect(screen.getByTestId('notifications-page')).toBeTruthy(), { timeout: 30_000 });
    const rows = screen.getAllByTestId(/^notification-[0-9a-f-]{36}$/);
    expect(rows.map((r) => r.dataset.testid)).toEqual(first.items.map((n) => `notification-${n.id}`));
    for (const [i, n] of first.items.entries()) {
      expect(rows[i]!.textContent).toContain(n.title.zh);
      expect(rows[i]!.dataset.unread).toBe(String(n.readAt === null));
    }
    await waitFor(() =>
      expect(screen.getByTestId('notifications-badge').dataset.count).toBe(String(first.unread)),
    );
  });

  it('opens an unread notification’s record and marks it read for this account', async () => {
    const unread = first.items.find((n) => n.readAt === null)!;
    const { router } = renderPage('/notifications');
    const row = await screen.findByTestId(`notification-${unread.id}`, {}, { timeout: 30_000 });
    fireEvent.click(within(row).getByTestId('notification-link'));
    // The record's page loads its code on first visit: the location moves once it has.
    await waitFor(
      () => expect(router.state.location.pathname + router.state.location.search).toBe(unread.link),
      { timeout: 30_000 },
    );
    await waitFor(
      async () => {
        const after = await getJson<Page>('/api/notifications?limit=20');
        expect(after.items.find((n) => n.id === unread.id)!.readAt).not.toBeNull();
      },
      { timeout: 10_000 },
    );
  });

  it('marks everything read with 全部标为已读', async () => {
    renderPage('/notifications');
    const button = await screen.findByTestId('notifications-read-all', {}, { timeout: 30_000 });
    fireEvent.click(button);
    // The list and the bell are asked again after the marking.
    await waitFor(
      () => {
        expect(screen.getByTestId('notifications-badge').dataset.count).toBe('0');
        const rows = screen.getAllByTestId(/^notification-[0-9a-f-]{36}$/);
        expect(rows.filter((r) => r.dataset.unread !== 'false')).toEqual([]);
      },
      { timeout: 30_000 },
    );
    expect((await getJson<{ unread: number }>('/api/notifications/unread-count')).unread).toBe(0);
  });
});
