import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { getJson, renderPage } from '@/test/render-page';

/** happy-dom's window: its viewport decides antd's breakpoints (`matchMedia`). */
const setViewport = (width: number) =>
  (
    window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }
  ).happyDOM.setViewport({ width, height: 844 });

type Seasons = { items: Array<{ id: string }> };
type Cutoffs = { programs: Array<{ code: string; name: string }> };

describe('ResponsiveTable (the public 分数线 page)', () => {
  afterEach(() => setViewport(1440));

  it('renders each programme as a card, with no table, on a 390 px phone', async () => {
    const seasons = await getJson<Seasons>('/api/public/enrollment/seasons');
    const cutoffs = await getJson<Cutoffs>(`/api/public/enrollment/seasons/${seasons.items[0]!.id}/cutoffs`);
    const first = cutoffs.programs[0]!;
    setViewport(390);
    const { container } = renderPage('/public/enrollment/cutoffs');
    const card = await screen.findByTestId('cutoff-row-0', {}, { timeout: 20_000 });
    expect(card.tagName).toBe('DIV');
    expect(card.querySelector('.ant-card')).not.toBeNull();
    expect(card.textContent).toContain(`${first.code} ${first.name}`);
    expect(container.querySelector('.ant-table')).toBeNull();
    expect(container.querySelectorAll('[data-testid^="cutoff-row-"]').length).toBe(
      Math.min(20, cutoffs.programs.length),
    );
  });

  it('keeps the table on a desktop', async () => {
    setViewport(1440);
    const { container } = renderPage('/public/enrollment/cutoffs');
    const row = await screen.findByTestId('cutoff-row-0', {}, { timeout: 20_000 });
    expect(row.tagName).toBe('TR');
    await waitFor(() => expect(container.querySelector('[data-cards]')).toBeNull());
  });
});
