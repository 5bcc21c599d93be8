import type { ApiResponse } from '@zhijiao/contracts/api';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, renderPage, signIn } from '@/test/render-page';

type Seasons = ApiResponse<'get', '/api/enrollment/seasons'>;
type Admissions = ApiResponse<'get', '/api/enrollment/seasons/{id}/admissions'>;

describe('录取名单与报到 (/enrollment/admissions): 报到 of several candidates at once', () => {
  let admissions: Admissions;
  let seasonId: string;
  beforeAll(async () => {
    await signIn('vhs');
    seasonId = (await getJson<Seasons>('/api/enrollment/seasons')).items[0]!.id;
    admissions = await getJson<Admissions>(`/api/enrollment/seasons/${seasonId}/admissions`);
  });

  it('confirms the ticked candidates who had not enrolled, and no one else', async () => {
    expect(admissions.abilities.register).toBe(true);
    // After 报到 in August, the demo's open cases are the candidates recorded as not enrolled.
    const open = admissions.items.filter((a) => a.registration?.status !== 'registered').slice(0, 2);
    expect(open.length).toBeGreaterThan(0);
    const registeredBefore =
      admissions.items.length -
      admissions.items.filter((a) => a.registration?.status !== 'registered').length;
    renderPage('/enrollment/admissions');
    const button = await screen.findByTestId('registration-batch-confirm', {}, { timeout: 30_000 });
    expect(button.closest('button')!.disabled).toBe(true);
    for (const a of open) fireEvent.click(await screen.findByLabelText(`选择 ${a.name}`));
    expect(button.textContent).toContain(`批量确认报到（${open.length}）`);
    fireEvent.click(button);
    fireEvent.click(await screen.findByTestId('registration-batch-ok'));
    await waitFor(
      async () => {
        const after = await getJson<Admissions>(`/api/enrollment/seasons/${seasonId}/admissions`);
        const registered = after.items.filter((x) => x.registration?.status === 'registered');
        for (const a of open) expect(registered.map((x) => x.candidateId)).toContain(a.candidateId);
        expect(registered).toHaveLength(registeredBefore + open.length);
      },
      { timeout: 30_000 },
    );
  });
});
