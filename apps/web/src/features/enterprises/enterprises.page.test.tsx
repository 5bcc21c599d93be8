import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getJson, renderPage, signIn } from '@/test/render-page';
import type { EnterpriseDetail, EnterpriseList } from './types';

/** happy-dom's window: its viewport decides antd's breakpoints (`matchMedia`). */
const setViewport = (width: number) =>
  (
    window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }
  ).happyDOM.setViewport({ width, height: 844 });

describe('the enterprise register (/enterprises, 企业名录)', () => {
  afterEach(() => setViewport(1440));

  describe('as 区工信局 (the registrar)', () => {
    // The file's first sign-in waits for the page server to finish loading the demo district.
    beforeAll(() => signIn('iit'), 240_000);

    it('lists the district’s enterprises for the latest year to 区工信局, with register and import', async () => {
      const expected = await getJson<EnterpriseList>('/api/enterprises?limit=20');
      expect(expected.total).toBeGreaterThanOrEqual(30);
      renderPage('/enterprises');
      const table = await screen.findByTestId('enterprises-table', {}, { timeout: 45_000 });
      for (const e of expected.items.slice(0, 5)) expect(table.textContent).toContain(e.legalName);
      expect(screen.getByTestId('enterprises-add')).toBeTruthy();
      expect(screen.getByTestId('enterprises-import')).toBeTruthy();
    });

    it('shows an enterprise’s years with the 2 % posts required and its contacts masked', async () => {
      const list = await getJson<EnterpriseList>('/api/enterprises?year=2021&q=%E6%8C%AF%E4%B8%9C');
      const id = list.items[0]!.id;
      const e = await getJson<EnterpriseDetail>(`/api/enterprises/${id}`).then(
        (r) => (r as unknown as { enterprise: EnterpriseDetail }).enterprise,
      );
      renderPage(`/enterprises/${id}`);
      const years = await screen.findByTestId('enterprise-years', {}, { timeout: 45_000 });
      const y2021 = e.years.find((y) => y.year === 2021)!;
      expect(y2021.duty.required).toBe(Math.ceil(y2021.staff! * 0.02));
      expect(years.textContent).toContain(`${y2021.duty.required} 个`);
      const contacts = screen.getByTestId('enterprise-contacts');
      expect(contacts.textContent).toContain(e.contacts[0]!.phoneMasked!);
      expect(contacts.textContent).toMatch(/\d{3}\*{4}\d{4}/);
      expect(screen.getByTestId('enterprise-edit')).toBeTruthy();
    });
  });

  it('shows 振东集团 its own 2 % duty with the places its posts offer, from the internship records', async () => {
    await signIn('zhendong');
    const [own] = (await getJson<EnterpriseList>('/api/enterprises')).items;
    const e = (await getJson<{ enterprise: EnterpriseDetail }>(`/api/enterprises/${own!.id}`)).enterprise;
    const latest = e.years.find((y) => y.duty.status === 'applies')!;
    const table = await getJson<{
      enterprises: { items: Array<{ enterprise: { id: string }; offered: number; required: number | null }> };
    }>(`/api/internships/duty?year=${latest.year}&enterpriseId=${e.id}`);
    const row = table.enterprises.items[0]!;
    expect(row.enterprise.id).toBe(e.id);
    renderPage(`/enterprises/${e.id}`);
    const duty = await screen.findByTestId('enterprise-duty', {}, { timeout: 45_000 });
    await waitFor(() => expect(duty.textContent).toContain(`已发布实习岗位名额 ${row.offered} 个`), {
      timeout: 30_000,
    });
    expect(duty.textContent).toContain(`应提供 ${row.required} 个`);
    expect(duty.textContent).not.toContain('将由');
  });

  it('shows 易通集团’s account only its own enterprise, as cards on a phone, without keeping buttons', async () => {
    await signIn('yitong');
    setViewport(390);
    renderPage('/enterprises');
    await screen.findByTestId('enterprises-table', {}, { timeout: 45_000 });
    await waitFor(() =>
      expect(screen.getByTestId('enterprises-table').hasAttribute('data-cards')).toBe(true),
    );
    const table = screen.getByTestId('enterprises-table');
    expect(within(table).getAllByTestId(/^enterprise-row-/)).toHaveLength(1);
    expect(table.textContent).toContain('易通集团');
    expect(screen.queryByTestId('enterprises-add')).toBeNull();
    expect(screen.queryByTestId('enterprises-import')).toBeNull();
  });
});
