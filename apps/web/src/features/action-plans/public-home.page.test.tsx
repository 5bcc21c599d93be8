import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getJson, renderPage } from '@/test/render-page';

describe('the public home page', () => {
  it('shows each published plan with its tasks, as the open-data API has them', async () => {
    const plans = await getJson<{ items: Array<{ code: string; title: string }> }>('/api/public/plans');
    renderPage('/');
    await waitFor(() => expect(screen.getByText(plans.items[0]!.title)).toBeTruthy(), { timeout: 20_000 });
  });
});
