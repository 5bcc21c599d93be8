import type { ApiResponse } from '@zhijiao/contracts/api';
import { screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, renderPage, signIn } from '@/test/render-page';

type Seasons = ApiResponse<'get', '/api/enrollment/seasons'>;
type Season = ApiResponse<'get', '/api/enrollment/seasons/{id}'>['season'];

describe('an enrolment season (/enrollment/seasons/:id)', () => {
  let season: Season;
  beforeAll(async () => {
    await signIn('coordinator');
    const { items } = await getJson<Seasons>('/api/enrollment/seasons');
    season = (await getJson<{ season: Season }>(`/api/enrollment/seasons/${items[0]!.id}`)).season;
  });

  it('shows its state, every batch and every program with its quota', async () => {
    renderPage(`/enrollment/seasons/${season.id}`);
    await waitFor(() => expect(screen.getByTestId('season-state')).toBeTruthy(), { timeout: 30_000 });
    const page = screen.getByTestId('enrollment-season-page');
    expect(page.textContent).toContain(season.name);
    expect(season.batches.length).toBeGreaterThan(0);
    for (const batch of season.batches) expect(page.textContent).toContain(batch.name);
    for (const program of season.programs) expect(page.textContent).toContain(program.name);
    // 普高 and 中职 quotas are summed apart (the 职普比 is read from them).
    const totals = screen.getByTestId('program-totals').textContent ?? '';
    for (const track of ['general', 'vocational'] as const) {
      const quota = season.programs.filter((p) => p.track === track).reduce((n, p) => n + p.quota, 0);
      expect(quota).toBeGreaterThan(0);
      expect(totals).toContain(` ${quota} `);
    }
  });
});
