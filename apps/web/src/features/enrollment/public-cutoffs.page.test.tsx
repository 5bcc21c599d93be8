import type { ApiResponse } from '@zhijiao/contracts/api';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getJson, renderPage } from '@/test/render-page';

type Seasons = ApiResponse<'get', '/api/public/enrollment/seasons'>;
type Cutoffs = ApiResponse<'get', '/api/public/enrollment/seasons/{id}/cutoffs'>;

describe('the public cut-offs (/public/enrollment/cutoffs)', () => {
  it('names each program by its school and name, never by its code', async () => {
    const season = (await getJson<Seasons>('/api/public/enrollment/seasons')).items[0]!;
    const { programs } = await getJson<Cutoffs>(`/api/public/enrollment/seasons/${season.id}/cutoffs`);
    expect(programs.length).toBeGreaterThan(0);
    renderPage(`/public/enrollment/cutoffs?season=${season.id}`);
    const first = programs[0]!;
    // The programme's column shows from antd's md breakpoint, which its responsive observer sets
    // after the first render: wait for the name, not only for the row (a busy machine is slower).
    await waitFor(() => expect(screen.getByTestId('cutoff-row-0').textContent).toContain(first.name), {
      timeout: 60_000,
    });
    const row = screen.getByTestId('cutoff-row-0');
    expect(row.getAttribute('data-code')).toBe(first.code);
    expect(row.textContent).toContain(first.name);
    expect(row.textContent).toContain(first.school);
    expect(row.textContent).toContain(first.batch);
    const page = screen.getByTestId('public-cutoffs-page');
    for (const p of programs) expect(page.textContent).not.toContain(p.code);
  }, 180_000);
});
