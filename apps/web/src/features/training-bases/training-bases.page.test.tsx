import type { ApiResponse } from '@zhijiao/contracts/api';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getJson, renderPage, signIn } from '@/test/render-page';

type BaseSummary = ApiResponse<'get', '/api/training-bases'>['items'][number];

/** happy-dom's window: its viewport decides antd's breakpoints (`matchMedia`). */
const setViewport = (width: number) =>
  (
    window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }
  ).happyDOM.setViewport({ width, height: 844 });

/**
 * The training-bases pages (实训基地, 职教集团) on the demo district: 区发改科技局 keeps the two
 * high-level bases and reads their utilisation; 区职业高中 sees the bases in operation it may book
 * and books through the page's form; the coordinator reads the district's group and programmes; on
 * a phone the bases are cards.
 */
describe('the training-bases pages (实训基地、职教集团)', { timeout: 180_000 }, () => {
  afterEach(() => {
    setViewport(1440);
    cleanup();
  });

  describe('as 区发改科技局', () => {
    // The file's first sign-in waits for the page server to finish loading the demo district.
    beforeAll(() => signIn('drc'), 240_000);

    it('shows 区发改科技局 the district’s bases in Chinese, and a base’s utilisation per year', async () => {
      const { container } = renderPage('/training-bases');
      await waitFor(() => expect(screen.getAllByTestId('base-link').length).toBe(4), { timeout: 45_000 });
      const text = container.querySelector('.ant-table')!.textContent!;
      for (const shown of [
        '易通集团新能源汽车高水平专业化实训基地',
        '高水平专业化实训基地',
        '校企共建实训基地',
        '建成运行',
      ])
        expect(text).toContain(shown);
      for (const code of ['high_level', 'co_built', 'operating']) expect(text).not.toContain(code);
      expect(screen.getByTestId('new-base').textContent).toContain('登记实训基地');
      cleanup();
      // The base's own page (opened directly: happy-dom renders the busiest base's tables slowly).
      const bases = (await getJson<{ items: BaseSummary[] }>('/api/training-bases')).items;
      const zhendong = bases.find((b) => b.name.startsWith('振东集团'))!;
      renderPage(`/training-bases/${zhendong.id}`);
      const utilisation = await screen.findByTestId('base-utilisation', {}, { timeout: 90_000 });
      expect(within(utilisation).getByText('2022')).toBeTruthy();
      expect(utilisation.textContent).toContain('工作日 08:00–18:00');
      expect(screen.getByTestId('edit-base')).toBeTruthy();
    });
  });

  it('lets 区职业高中 book a base in operation through the form, and shows its booking', async () => {
    await signIn('vhs');
    const bases = (await getJson<{ items: BaseSummary[] }>('/api/training-bases')).items;
    const zhendong = bases.find((b) => b.name.startsWith('振东集团'))!;
    expect(zhendong.abilities).toEqual({ edit: false, book: true });
    renderPage(`/training-bases/${zhendong.id}`);
    fireEvent.click(await screen.findByTestId('book-base', {}, { timeout: 90_000 }));
    expect((await screen.findByText(/同一时段最多 30 个工位/)).textContent).toContain('工作日 08:00–18:00');
    // A group larger than the base is refused on its field by the server, in Chinese.
    const size = screen.getByTestId('booking-size');
    fireEvent.change(size, { target: { value: '31' } });
    const date = within(screen.getByTestId('booking-date').closest('.ant-picker')!).getByRole('textbox');
    fireEvent.mouseDown(date);
    fireEvent.change(date, { target: { value: nextWeekday() } });
    fireEvent.keyDown(date, { key: 'Enter' });
    const start = within(screen.getByTestId('booking-start').closest('.ant-picker')!).getByRole('textbox');
    fireEvent.mouseDown(start);
    fireEvent.change(start, { target: { value: '09:00' } });
    fireEvent.keyDown(start, { key: 'Enter' });
    fireEvent.click(screen.getByTestId('booking-save'));
    expect(await screen.findByText(/超过实训基地工位数 30/, {}, { timeout: 20_000 })).toBeTruthy();
  });

  it('shows the coordinator 上党区职业教育集团 with its members’ kinds and the joint programmes', async () => {
    await signIn('coordinator');
    renderPage('/vet-groups');
    const group = await screen.findByTestId('vet-group', {}, { timeout: 45_000 });
    const text = group.textContent!;
    for (const shown of [
      '上党区职业教育集团',
      '山西机电',
      '应用型本科高校',
      '理事长单位',
      '中高职衔接招生',
      '企业新型学徒制班',
    ])
      expect(text).toContain(shown);
    for (const code of ['articulation', 'vocational_school', 'vice_chair']) expect(text).not.toContain(code);
    expect(screen.getByTestId('new-group')).toBeTruthy();
    // Each 中高职衔接 programme offers its keeper the link to an enrolment program; the classes do not.
    expect(within(group).getAllByTestId('enrollment-link').length).toBe(3);
    expect(text).toContain('关联招生计划');
  });

  it('shows the bases as cards on a phone', async () => {
    setViewport(390);
    await signIn('vec');
    const { container } = renderPage('/training-bases');
    await waitFor(() => expect(screen.getAllByTestId('base-link').length).toBeGreaterThanOrEqual(2), {
      timeout: 45_000,
    });
    expect(container.querySelector('.ant-table')).toBeNull();
  });
});

/** The next Monday-to-Friday day at least a week ahead, `YYYY-MM-DD`. */
function nextWeekday(): string {
  const d = new Date(Date.now() + 8 * 86_400_000);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
