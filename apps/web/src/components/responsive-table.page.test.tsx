import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getJson, renderPage } from '@/test/render-page';

/** happy-dom's window: its viewport decides antd's breakpoints (`matchMedia`). */
const setViewport = (width: number) =>
  (
    window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }
  ).happyDOM.setViewport({ width, height: 844 });

type Seasons = { items: Array<{ id: string }> };
type Cutoffs = { programs: Array<{ code: string; name: string }> };

describe('ResponsiveTable (the public 分数线 page)', () => {
  let cutoffs: Cutoffs;
  // The first request waits for the page server to finish loading the demo.
  beforeAll(async () => {
    const seasons = await getJson<Seasons>('/api/public/enrollment/seasons');
    cutoffs = await getJson<Cutoffs>(`/api/public/enrollment/seasons/${seasons.items[0]!.id}/cutoffs`);
  }, 240_000);
  afterEach(() => setViewport(1440));

  it('renders each programme as a card, with no table, on a 390 px phone', async () => {
    const first = cutoffs.programs[0]!;
    setViewport(390);
    const { container } = renderPage('/public/enrollment/cutoffs');
    await screen.findByTestId('cutoff-row-0', {}, { timeout: 45_000 });
    // antd measures the screen after the first render; from then on the rows are cards.
    await waitFor(() => expect(container.querySelector('[data-cards]')).not.toBeNull());
    const card = screen.getByTestId('cutoff-row-0');
    expect(card.tagName).toBe('DIV');
    expect(card.querySelector('.ant-card')).not.toBeNull();
    // Named as the public knows it: the programme's name, never its code.
    expect(card.textContent).toContain(first.name);
    expect(card.textContent).not.toContain(first.code);
    expect(container.querySelector('.ant-table')).toBeNull();
    expect(container.querySelectorAll('[data-testid^="cutoff-row-"]').length).toBe(
      Math.min(20, cutoffs.programs.length),
    );
  });

  it('keeps the table on a desktop', async () => {
    setViewport(1440);
    const { container } = renderPage('/public/enrollment/cutoffs');
    const row = await screen.findByTestId('cutoff-row-0', {}, { timeout: 45_000 });
    expect(row.tagName).toBe('TR');
    await waitFor(() => expect(container.querySelector('[data-cards]')).toBeNull());
  });
});
