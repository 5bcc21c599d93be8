import type { ApiResponse } from '@zhijiao/contracts/api';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, renderPage, signIn } from '@/test/render-page';

type Orders = ApiResponse<'get', '/api/supervision/orders'>;
type Order = ApiResponse<'get', '/api/supervision/orders/{id}'>['order'];

describe('a rectification order (/supervision/orders/:id)', () => {
  let answered: Order;
  beforeAll(async () => {
    await signIn('inspector');
    const { items } = await getJson<Orders>('/api/supervision/orders?limit=500');
    const id = items.find((o) => o.state === 'answered')!.id;
    answered = (await getJson<{ order: Order }>(`/api/supervision/orders/${id}`)).order;
  });

  it('shows the notice, the unit’s measures and its timeline, and the inspector’s steps from the abilities', async () => {
    renderPage(`/supervision/orders/${answered.id}`);
    await waitFor(() => expect(screen.getByTestId('order-page')).toBeTruthy(), { timeout: 30_000 });
    const page = screen.getByTestId('order-page');
    expect(page.textContent).toContain(answered.title);
    expect(page.textContent).toContain(answered.unit.name);
    expect(page.textContent).toContain(answered.dueDate);
    expect(screen.getByTestId('order-measures-view')).toBeTruthy();
    const timeline = screen.getByTestId('order-timeline');
    expect(within(timeline).getAllByRole('listitem').length).toBe(answered.events.length);
    expect(Boolean(screen.queryByTestId('order-verify-button'))).toBe(answered.abilities.verify);
    expect(Boolean(screen.queryByTestId('order-return-button'))).toBe(answered.abilities.sendBack);
    expect(screen.queryByTestId('order-extension-button')).toBeNull();
  });
});
