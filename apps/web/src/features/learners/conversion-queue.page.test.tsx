import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, renderPage, signIn } from '@/test/render-page';
import type { Conversion, ConversionRule, CreditAccount, OutcomeListItem } from './types';

/** POSTs as the signed-in user; the parsed answer. */
async function post<T>(url: string, body: unknown, status: number): Promise<T> {
  const { csrfToken } = await getJson<{ csrfToken: string }>('/api/auth/me');
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

const balanceOf = async (learnerId: string) =>
  (await getJson<{ account: CreditAccount }>(`/api/learners/${learnerId}/credit-account`)).account.balance;

/**
 * 待审转换 and 撤销转换 on the demo district: 区职业高中's clerk applies for a learner's conversion;
 * the coordinator finds it in the queue (the tab counts it), approves it in the row, then reverses
 * it with a reason on the learner's page — the balance comes back and the conversion reads 已撤销.
 */
describe('the conversion queue (/learners/conversions, 待审转换) and 撤销转换', () => {
  let holder = '';
  let conversion: Conversion;

  beforeAll(() => signIn('vhs'), 240_000);

  it('shows the coordinator the pending application with the count, approves it there, and reverses it on the learner’s page', async () => {
    const recognised = (
      await getJson<{ items: OutcomeListItem[] }>('/api/learning-outcomes?status=recognised&limit=500')
    ).items;
    const rules = (await getJson<{ items: ConversionRule[] }>('/api/conversion-rules')).items;
    for (const o of recognised) {
      const existing = (await getJson<{ items: Conversion[] }>(`/api/learners/${o.learnerId}/conversions`))
        .items;
      if (existing.length > 0) continue;
      for (const rule of rules.filter((r) => r.schoolId === o.schoolId)) {
        const { csrfToken } = await getJson<{ csrfToken: string }>('/api/auth/me');
        const res = await fetch(`/api/learners/${o.learnerId}/conversions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
          body: JSON.stringify({ ruleId: rule.id }),
        });
        if (res.status === 201) {
          conversion = ((await res.json()) as { conversion: Conversion }).conversion;
          holder = o.learnerId;
          break;
        }
      }
      if (holder) break;
    }
    expect(holder).not.toBe('');

    await signIn('coordinator');
    renderPage('/learners/conversions');
    const approve = await screen.findByTestId(`queue-approve-${conversion.id}`, {}, { timeout: 45_000 });
    await waitFor(() =>
      expect(Number(screen.getByTestId('learners-tab-conversions-count').dataset.count)).toBeGreaterThan(0),
    );
    expect(screen.getByTestId('conversion-queue').textContent).toContain(conversion.explanationZh);
    const before = await balanceOf(holder);
    fireEvent.click(approve);
    await waitFor(() => expect(screen.queryByTestId(`queue-approve-${conversion.id}`)).toBeNull(), {
      timeout: 30_000,
    });
    expect(await balanceOf(holder)).toBe(before - conversion.credits);

    cleanup();
    renderPage(`/learners/${holder}`);
    fireEvent.click(
      await screen.findByTestId(`conversion-reverse-${conversion.id}`, {}, { timeout: 45_000 }),
    );
    fireEvent.change(await screen.findByTestId('conversion-reverse-reason'), {
      target: { value: '证书信息有误，撤销转换' },
    });
    fireEvent.click(screen.getByTestId('conversion-reverse-save'));
    await waitFor(
      () => expect(screen.getByTestId(`conversion-status-${conversion.id}`).textContent).toContain('已撤销'),
      { timeout: 30_000 },
    );
    expect(screen.getByTestId(`conversion-status-${conversion.id}`).textContent).toContain('证书信息有误');
    expect(await balanceOf(holder)).toBe(before);
    expect(screen.getByTestId('credit-bank-export').textContent).toContain('导出（国家学分银行格式）');
    // A second reversal is refused by the server with its reason.
    await post<unknown>(`/api/credit-conversions/${conversion.id}/reverse`, { reason: '再撤' }, 409);
  }, 240_000);
});
