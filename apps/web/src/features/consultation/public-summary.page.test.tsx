import type { ApiResponse } from '@zhijiao/contracts/api';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatDate } from '@/lib/format';
import { getJson, renderPage } from '@/test/render-page';

type Consultations = ApiResponse<'get', '/api/public/consultations'>;

describe('the feedback summary of a consultation still open (/consultations/:id/summary)', () => {
  it('says when the summary will be published, with no error and the downloads disabled', async () => {
    const { items } = await getJson<Consultations>('/api/public/consultations');
    const open = items.find((c) => c.status !== 'closed')!;
    renderPage(`/consultations/${open.id}/summary`);
    await waitFor(() => expect(screen.getByTestId('public-summary-pending')).toBeTruthy(), {
      timeout: 30_000,
    });
    expect(screen.getByTestId('public-summary-pending').textContent).toContain(formatDate(open.closesAt));
    expect(screen.queryByText('重试')).toBeNull();
    for (const format of ['docx', 'pdf'])
      expect((screen.getByTestId(`public-summary-${format}`) as HTMLButtonElement).disabled).toBe(true);
  });
});
