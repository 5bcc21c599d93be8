import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, renderPage, signIn } from '@/test/render-page';
import type { CreditAccount, LearnerList, LearningOutcome } from './types';

/**
 * The transcript on the demo district: 区职业高中's clerk opens a graduate whose 1+X certificate
 * the credit bank recognised, goes from the learner's page to 成绩单, sees the outcome with its
 * credits and the balance the credit account holds, downloads 下载电子成绩单, and the public page
 * 证书验证 says it is valid and shows its lines and that it is a snapshot.
 */
describe('the learner’s transcript: printed page, signed download, public verification', () => {
  const saved: Blob[] = [];
  const create = URL.createObjectURL.bind(URL);
  beforeAll(async () => {
    URL.createObjectURL = (blob: Blob) => {
      saved.push(blob);
      return create(blob);
    };
    await signIn('vhs');
  }, 240_000);
  afterAll(() => {
    URL.createObjectURL = create;
  });

  it('opens the transcript from the learner’s page, downloads it signed and verifies it publicly', async () => {
    const graduates = await getJson<LearnerList>('/api/learners?cohortYear=2020&status=graduated&limit=100');
    let holder: { id: string; name: string; outcome: LearningOutcome } | undefined;
    for (const l of graduates.items) {
      const { items } = await getJson<{ items: LearningOutcome[] }>(`/api/learners/${l.id}/outcomes`);
      const outcome = items.find((o) => o.status === 'recognised');
      if (outcome) {
        holder = { id: l.id, name: l.name, outcome };
        break;
      }
    }
    expect(holder, 'a demo graduate with a recognised certificate').toBeDefined();
    const { account } = await getJson<{ account: CreditAccount }>(
      `/api/learners/${holder!.id}/credit-account`,
    );

    renderPage(`/learners/${holder!.id}`);
    fireEvent.click(await screen.findByTestId('learner-transcript', {}, { timeout: 45_000 }));
    const outcomes = await screen.findByTestId('transcript-outcomes', {}, { timeout: 30_000 });
    expect(outcomes.textContent).toContain(holder!.outcome.title);
    expect(screen.getByTestId('transcript-learner').textContent).toContain(holder!.name);
    expect(screen.getByTestId('transcript-learner').textContent).toMatch(/\d{6}\*{8}[\dX]{4}/);
    expect(screen.getByTestId('transcript-balance').textContent).toBe(String(account.balance / 10));
    expect(screen.getByTestId('print-button').textContent).toContain('打印');
    const download = screen.getByTestId('transcript-credential');
    expect(download.textContent).toContain('下载电子成绩单');
    fireEvent.click(download);
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 30_000 });
    const jwt = await saved[0]!.text();
    expect(jwt).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

    cleanup();
    renderPage('/public/credentials/verify');
    fireEvent.change(await screen.findByTestId('credential-text', {}, { timeout: 30_000 }), {
      target: { value: jwt },
    });
    fireEvent.click(screen.getByTestId('credential-verify'));
    await waitFor(() => expect(screen.getByTestId('credential-verdict').textContent).toBe('证书有效'), {
      timeout: 30_000,
    });
    expect(screen.getByTestId('credential-holder').textContent).toBe(holder!.name);
    expect(screen.getByTestId('credential-achievement').textContent).toContain('学分档案');
    expect(screen.getByTestId('credential-status').textContent).toBe('未撤销');
    expect(screen.getByTestId('credential-snapshot').textContent).toContain('快照');
    const lines = screen.getByTestId('credential-results').textContent ?? '';
    expect(lines).toContain(holder!.outcome.title);
    expect(lines).toContain('学分账户余额');
  }, 180_000);
});
