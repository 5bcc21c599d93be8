import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, renderPage, signIn } from '@/test/render-page';
import type { LearnerList, LearningOutcome } from './types';

/**
 * From the register to a verified credential, on the demo district: 区职业高中's clerk opens a
 * graduate whose 1+X certificate the credit bank recognised, downloads it as a signed credential
 * (下载电子证书), and the public page 证书验证 says it is valid, issued by the
 * district to that student for that certificate.
 */
describe('a recognised 1+X certificate downloaded as a credential and verified on the public page', () => {
  const saved: Blob[] = [];
  const create = URL.createObjectURL.bind(URL);
  beforeAll(async () => {
    // The download is a `blob:` URL the browser saves: keep the blob as the page hands it over.
    URL.createObjectURL = (blob: Blob) => {
      saved.push(blob);
      return create(blob);
    };
    await signIn('vhs');
  }, 240_000);
  afterAll(() => {
    URL.createObjectURL = create;
  });

  it('downloads the credential on the learner’s page and verifies it on the public page', async () => {
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
    renderPage(`/learners/${holder!.id}`);
    const button = await screen.findByTestId(
      `outcome-credential-${holder!.outcome.id}`,
      {},
      { timeout: 45_000 },
    );
    expect(button.textContent).toContain('下载电子证书');
    fireEvent.click(button);
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
    expect(screen.getByTestId('credential-achievement').textContent).toContain(holder!.outcome.title);
    expect(screen.getByTestId('credential-issuer').textContent).toContain('教育局');
    expect(screen.getByTestId('credential-status').textContent).toBe('未撤销');
  }, 120_000);
});
