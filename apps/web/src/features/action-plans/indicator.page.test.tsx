import type { ApiResponse } from '@zhijiao/contracts/api';
import { screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, renderPage, signIn } from '@/test/render-page';

type Indicators = ApiResponse<'get', '/api/plans/{code}/indicators'>;
type Detail = ApiResponse<'get', '/api/indicators/{id}'>;

const CODE = 'T06-RESOURCE-COVERAGE';

async function coverageIndicator() {
  const { items } = await getJson<Indicators>('/api/plans/shangdang-vet-2020/indicators');
  const indicator = items.find((i) => i.code === CODE)!;
  return getJson<Detail>(`/api/indicators/${indicator.id}`);
}

async function openIndicator(id: string) {
  renderPage(`/indicators/${id}`);
  await waitFor(() => expect(screen.getByTestId('indicator-page')).toBeTruthy(), { timeout: 60_000 });
  return screen.getByTestId('indicator-page');
}

describe('an indicator (/indicators/:id)', () => {
  describe('as an inspector', () => {
    // The file's first sign-in waits for the page server to finish loading the demo district.
    beforeAll(() => signIn('inspector'), 240_000);

    it('shows an official the indicator’s name and how it is computed, never its code or metric name', async () => {
      const detail = await coverageIndicator();
      const page = await openIndicator(detail.indicator.id);
      expect(page.textContent).toContain(detail.indicator.name);
      expect(page.textContent).not.toContain(CODE);
      const method = screen.getByTestId('indicator-metric');
      expect(method.textContent).toBe(detail.metricDescription!.zh);
      expect(method.textContent).toContain('÷');
      expect(page.textContent).not.toContain(detail.indicator.metric!);
      expect(page.querySelector('[data-code]')).toBeNull();
    }, 180_000);
  });

  it('keeps the code and the metric name within the coordinator’s reach, as tooltips', async () => {
    await signIn('coordinator');
    const detail = await coverageIndicator();
    const page = await openIndicator(detail.indicator.id);
    const codes = [...page.querySelectorAll('[data-code]')].map((e) => e.getAttribute('data-code'));
    expect(codes).toEqual(expect.arrayContaining([CODE, detail.indicator.metric]));
    expect(page.textContent).not.toContain(CODE);
  }, 180_000);
});
