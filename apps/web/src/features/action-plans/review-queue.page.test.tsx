import type { ApiResponse } from '@zhijiao/contracts/api';
import { screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, renderPage, signIn } from '@/test/render-page';

type Reports = ApiResponse<'get', '/api/progress-reports'>;

describe('the review queue (/review)', () => {
  let queue: Reports['items'];
  beforeAll(async () => {
    await signIn('coordinator');
    queue = (await getJson<Reports>('/api/progress-reports?state=submitted&planCode=shangdang-vet-2020'))
      .items;
  });

  it('lists every submitted report of the plan, each with its task and unit, and opens one for review', async () => {
    expect(queue.length).toBeGreaterThan(0);
    renderPage('/review');
    await waitFor(() => expect(screen.getByTestId(`review-row-${queue[0]!.id}`)).toBeTruthy(), {
      timeout: 30_000,
    });
    const shown = queue.slice(0, 20);
    for (const report of shown) {
      const row = screen.getByTestId(`review-row-${report.id}`);
      expect(row.textContent).toContain(report.unit.name);
    }
    expect(screen.getAllByTestId('review-open')).toHaveLength(shown.length);
  });
});
