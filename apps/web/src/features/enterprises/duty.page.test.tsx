import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, renderPage, signIn } from '@/test/render-page';
import type { DutyTable } from './api/get-duty-table';

/** The demo's last year with both the register's staff counts (2020–2022) and the enterprises' posts. */
const YEAR = 2022;

describe('the 2 % table (/enterprises/internship-duty, 实习岗位 2% 落实)', () => {
  // The file's first sign-in waits for the page server to finish loading the demo district.
  beforeAll(() => signIn('iit'), 240_000);

  it('shows 区工信局 the district’s enterprises with their 2 % duty, 振东集团 and 易通集团 among them', async () => {
    const expected = await getJson<DutyTable>(`/api/internships/duty?year=${YEAR}&limit=500`);
    expect(expected.level).toBe('district');
    const rows = new Map(expected.enterprises.items.map((r) => [r.enterprise.name, r]));
    const zhendong = rows.get('振东集团')!;
    const yitong = rows.get('易通集团')!;
    for (const r of [zhendong, yitong]) {
      // The demo has both on the register as 规上 with a staff count: judged, by the plan's rounding.
      expect(r.required).toBe(Math.ceil(r.staff! * 0.02));
      expect(r.offered).toBeGreaterThan(0);
    }
    // The first page: the server's order (short first, largest shortfall first), 20 a page.
    renderPage(`/enterprises/internship-duty?year=${YEAR}`);
    let table = await screen.findByTestId('duty-enterprises', {}, { timeout: 45_000 });
    await waitFor(() =>
      expect(
        within(table)
          .getAllByRole('row')
          .flatMap((tr) => tr.getAttribute('data-id') ?? []),
      ).toEqual(expected.enterprises.items.slice(0, 20).map((r) => r.enterprise.id)),
    );
    const totals = screen.getByTestId('duty-totals').textContent!;
    expect(totals).toContain(`规上企业 ${expected.totals.aboveScale} 家`);
    expect(totals).toContain(`未达标 ${expected.totals.short} 家`);
    // Each named enterprise found by its name, with its figures and a link to its register page.
    for (const r of [zhendong, yitong]) {
      cleanup();
      renderPage(`/enterprises/internship-duty?year=${YEAR}&q=${encodeURIComponent(r.enterprise.name)}`);
      table = await screen.findByTestId('duty-enterprises', {}, { timeout: 45_000 });
      const cells = await waitFor(() => {
        const row = within(table)
          .getAllByRole('row')
          .find((tr) => tr.getAttribute('data-id') === r.enterprise.id);
        expect(row).toBeTruthy();
        return within(row!)
          .getAllByRole('cell')
          .map((c) => c.textContent);
      });
      expect(cells[0]).toBe(r.enterprise.name);
      expect(cells.slice(2, 6)).toEqual([r.staff, r.required, r.offered, r.filled].map(String));
      expect(cells[1]).toBe(r.status === 'met' ? '已达到' : '未达标');
      expect(within(table).getByText(r.enterprise.name).closest('a')!.getAttribute('href')).toBe(
        `/enterprises/${r.enterprise.id}`,
      );
    }
  });

  it('filters to the short ones', async () => {
    const expected = await getJson<DutyTable>(`/api/internships/duty?year=${YEAR}&status=short&limit=500`);
    renderPage(`/enterprises/internship-duty?year=${YEAR}&status=short`);
    const table = await screen.findByTestId('duty-enterprises', {}, { timeout: 45_000 });
    await waitFor(() => expect(within(table).queryAllByText('已达到')).toHaveLength(0));
    expect(screen.getByText(`共 ${expected.enterprises.total} 家企业`)).toBeTruthy();
  });
});
