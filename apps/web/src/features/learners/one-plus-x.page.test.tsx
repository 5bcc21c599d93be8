import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '@/lib/lang';
import { getJson, renderPage, signIn } from '@/test/render-page';
import type { OnePlusXStatistics } from './api/one-plus-x';

const YEAR = 2021;

/**
 * 1+X统计 on the demo district, whose schools' students sat the 1+X assessments of December 2021
 * (certificates and failures imported): the coordinator reads the schools, a school's majors and the
 * district's total as the server counts them; a school's clerk sees its own school only.
 */
describe('1+X statistics (/learners/one-plus-x, 1+X统计)', () => {
  afterEach(() => act(() => setLang('zh')));

  beforeAll(() => signIn('coordinator'), 240_000);

  it('shows the coordinator each school, its majors and the district total, with the rates', async () => {
    const api = await getJson<OnePlusXStatistics>(`/api/learners/one-plus-x?year=${YEAR}`);
    expect(api.total.sittings).toBeGreaterThan(api.total.passes);
    renderPage(`/learners/one-plus-x?year=${YEAR}`);
    const table = await screen.findByTestId('one-plus-x-table', {}, { timeout: 45_000 });
    const total = within(table).getByTestId('one-plus-x-row-total');
    expect(total.textContent).toContain('全区合计');
    const rate = (n: number | null) => `${n}%`;
    expect(within(total).getByTestId('one-plus-x-passRate').textContent).toBe(rate(api.total.passRate));
    expect(within(total).getByTestId('one-plus-x-participationRate').textContent).toBe(
      rate(api.total.participationRate),
    );
    expect(within(total).getByTestId('one-plus-x-sittings').textContent).toBe(String(api.total.sittings));
    const schools = within(table).getAllByTestId('one-plus-x-row-school');
    expect(schools.map((r) => r.textContent)).toEqual([
      expect.stringContaining(api.schools[0]!.school.name),
      expect.stringContaining(api.schools[1]!.school.name),
    ]);
    expect(screen.getByTestId('one-plus-x-as-of').textContent).toContain(`${YEAR}-12-31`);
    // A school opens into its majors.
    expect(within(table).queryAllByTestId('one-plus-x-row-major')).toHaveLength(0);
    fireEvent.click(schools[0]!.querySelector('.ant-table-row-expand-icon')!);
    const majors = await within(table).findAllByTestId('one-plus-x-row-major');
    expect(majors).toHaveLength(api.schools[0]!.majors.length);
    expect(majors[0]!.textContent).toContain(api.schools[0]!.majors[0]!.majorName);
    act(() => setLang('en'));
    await waitFor(() =>
      expect(screen.getByTestId('one-plus-x-row-total').textContent).toContain('District total'),
    );
    expect(screen.getByTestId('one-plus-x-page').textContent).toContain('Pass rate');
  }, 120_000);

  it('shows 区职业高中’s clerk its own school only', async () => {
    await signIn('vhs');
    cleanup();
    renderPage(`/learners/one-plus-x?year=${YEAR}`);
    const table = await screen.findByTestId('one-plus-x-table', {}, { timeout: 45_000 });
    const rows = within(table).getAllByTestId('one-plus-x-row-school');
    expect(rows.map((r) => r.textContent)).toEqual([expect.stringContaining('区职业高中')]);
    expect(within(table).queryByTestId('one-plus-x-row-total')).toBeNull();
    expect(table.textContent).not.toContain('区职教中心');
  }, 120_000);
});
