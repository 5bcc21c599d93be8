import type { ApiResponse } from '@zhijiao/contracts/api';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getJson, renderPage, signIn } from '@/test/render-page';

type Settings = ApiResponse<'get', '/api/dq-settings'>;
type Periods = ApiResponse<'get', '/api/plans/{code}/periods'>;
type Catalogue = ApiResponse<'get', '/api/programs/catalogue'>;
type Rules = ApiResponse<'get', '/api/files/rules'>;

const PLAN = 'shangdang-vet-2020';
const wait = { timeout: 30_000 };
const STATUS_ZH = { upcoming: '未开始', open: '填报中', closed: '已截止' } as const;

async function put(body: unknown) {
  const { csrfToken } = await getJson<{ csrfToken: string }>('/api/auth/me');
  const res = await fetch('/api/dq-settings', {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
}

describe('区级设置 (/settings)', () => {
  let before: Settings;
  afterEach(cleanup);
  afterAll(async () => {
    await signIn('coordinator');
    await put({ countPartTime: false, criteria: null });
  });

  describe('as the coordinator', () => {
    // The file's first sign-in waits for the page server to finish loading the demo district.
    beforeAll(async () => {
      await signIn('coordinator');
      before = await getJson<Settings>('/api/dq-settings');
    });

    it('shows the coordinator every tab, the criteria with each value’s basis, and saves a change with who and when', async () => {
      renderPage('/settings');
      await waitFor(() => expect(screen.getByTestId('dq-criteria')).toBeTruthy(), wait);
      for (const tab of ['dq', 'periods', 'catalogue', 'uploads'])
        expect(screen.getByTestId(`settings-tab-${tab}`)).toBeTruthy();
      expect(screen.getByTestId('dq-criteria-source').textContent).toBe(before.criteria.source);
      expect(screen.getByTestId('dq-basis-practice_hours').textContent).toBe(before.basis.practice_hours.zh);
      expect(screen.getByTestId('dq-criteria-changed').textContent).toContain('默认');

      fireEvent.click(screen.getByTestId('dq-criteria-edit'));
      const inputs = await screen.findAllByRole('spinbutton');
      fireEvent.change(inputs[0]!, { target: { value: '2' } });
      fireEvent.click(screen.getByTestId('dq-criteria-save'));
      await waitFor(
        () => expect(screen.getByTestId('dq-criteria-changed').textContent).toContain('区教育局'),
        wait,
      );
      const after = await getJson<Settings>('/api/dq-settings');
      expect(after.criteriaOverridden).toBe(true);
      expect(after.criteria.levels.junior.minTeachingYears).toBe(2);
      expect(await screen.findByTestId('dq-criteria-reset', {}, wait)).toBeTruthy();
    });

    it('lists the plan’s reporting periods with their status, read-only', async () => {
      const periods = (await getJson<Periods>(`/api/plans/${PLAN}/periods`)).items;
      renderPage('/settings?tab=periods');
      await waitFor(
        () => expect(screen.getByTestId(`period-${periods.at(-1)!.startsOn}`)).toBeTruthy(),
        wait,
      );
      const latest = periods.at(-1)!;
      const row = screen.getByTestId(`period-${latest.startsOn}`).closest('tr')!;
      expect(row.textContent).toContain(STATUS_ZH[latest.status]);
      expect(screen.getByText('填报周期由行动计划文件生成，此处仅供查看')).toBeTruthy();
    });

    it('searches the major catalogue and flags the codes to verify', async () => {
      const catalogue = await getJson<Catalogue>('/api/programs/catalogue');
      const unverified = catalogue.items.find((m) => !m.verified)!;
      const verified = catalogue.items.find((m) => m.verified)!;
      renderPage('/settings?tab=catalogue');
      await waitFor(() => expect(screen.getByTestId(`catalogue-${verified.code}`)).toBeTruthy(), wait);
      expect(screen.getByTestId(`catalogue-${unverified.code}`).textContent).toContain('代码待核实');
      expect(screen.getByTestId(`catalogue-${verified.code}`).textContent).not.toContain('代码待核实');
      fireEvent.change(within(screen.getByTestId('catalogue-search')).getByRole('searchbox'), {
        target: { value: verified.name },
      });
      await waitFor(() => expect(screen.queryByTestId(`catalogue-${unverified.code}`)).toBeNull(), wait);
      expect(screen.getByTestId(`catalogue-${verified.code}`)).toBeTruthy();
    });

    it('shows the upload rules the server applies', async () => {
      const rules = await getJson<Rules>('/api/files/rules');
      renderPage('/settings?tab=uploads');
      await waitFor(() => expect(screen.getByTestId('upload-max')).toBeTruthy(), wait);
      expect(screen.getByTestId('upload-max').textContent).toBe(
        `${(rules.maxBytes / 1024 / 1024).toFixed(1)} MB`,
      );
      const evidence = screen.getByTestId('upload-evidence').textContent!;
      for (const kind of rules.evidence)
        for (const ext of kind.extensions) expect(evidence).toContain(`.${ext}`);
    });
  });

  it('is not offered to a school’s clerk, who gets the 403 card', async () => {
    await signIn('vhs');
    renderPage('/settings');
    await waitFor(() => expect(screen.getByText('无权访问')).toBeTruthy(), wait);
    expect(screen.queryByTestId('nav-settings')).toBeNull();
    expect(screen.queryByTestId('settings-page')).toBeNull();
  });
});
