import type { ApiResponse } from '@zhijiao/contracts/api';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { zh } from '@/app/i18n/zh';
import { getJson, renderPage, signIn } from '@/test/render-page';

type Alert = ApiResponse<'get', '/api/alerts'>['items'][number];

/** happy-dom's window: its viewport decides antd's breakpoints (`matchMedia`). */
const setViewport = (width: number) =>
  (
    window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }
  ).happyDOM.setViewport({ width, height: 844 });

const open = async () =>
  (await getJson<{ items: Alert[] }>('/api/alerts?acknowledged=false')).items.filter(
    (a) => a.abilities.acknowledge,
  );

/**
 * The alerts page (/alerts) on the demo district: 区职业高中's clerk acknowledges its own alerts one
 * at a time and in a batch (知悉 / 批量知悉), and the coordinator sees who took notice (知悉情况).
 * The page server is shared: each test acknowledges alerts no other page test looks at.
 */
describe('the alerts page (预警): 知悉情况, 知悉 and 批量知悉', () => {
  afterEach(() => setViewport(1440));

  describe('as 区职业高中', () => {
    // The file's first sign-in waits for the page server to finish loading the demo district.
    beforeAll(() => signIn('vhs'), 240_000);

    it('renders each alert as a card with its tick on a 390 px phone', async () => {
      const [next] = await open();
      setViewport(390);
      const { container } = renderPage('/alerts?ack=pending');
      await waitFor(() => expect(container.querySelector('[data-cards]')).not.toBeNull(), {
        timeout: 45_000,
      });
      expect(container.querySelector('.ant-table')).toBeNull();
      const card = screen.getByTestId(`alert-row-${next!.id}`);
      expect(card.querySelector('.ant-card')).not.toBeNull();
      expect(within(card).getByRole('checkbox')).toBeTruthy();
      expect(within(card).getByText('未知悉')).toBeTruthy();
      expect(within(card).getByTestId(`alert-ack-${next!.id}`)).toBeTruthy();
      // The kind's column is the desktop's; the card names it in its title.
      const kind = zh[`alerts.kind.${next!.kind}` as keyof typeof zh];
      expect(kind).toBeTruthy();
      expect(within(card).getByText(kind)).toBeTruthy();
    });

    it('acknowledges one alert with a note, then ticked ones at once', async () => {
      const before = await open();
      expect(before.length).toBeGreaterThan(2);
      const [first, ...rest] = before;
      renderPage('/alerts?ack=pending');
      const row = await screen.findByTestId(`alert-row-${first!.id}`, {}, { timeout: 45_000 });
      expect(within(row).getByText('未知悉')).toBeTruthy();

      fireEvent.click(within(row).getByTestId(`alert-ack-${first!.id}`));
      fireEvent.change(await screen.findByTestId('alerts-ack-note'), { target: { value: '已安排专人跟进' } });
      fireEvent.click(screen.getByTestId('alerts-ack-ok'));
      expect(await screen.findByText('1 条已知悉', {}, { timeout: 15_000 })).toBeTruthy();
      // 未知悉 is filtered: the acknowledged alert leaves the list.
      await waitFor(() => expect(screen.queryByTestId(`alert-row-${first!.id}`)).toBeNull());

      const batch = rest.slice(0, 2);
      for (const a of batch)
        fireEvent.click(within(await screen.findByTestId(`alert-row-${a.id}`)).getByRole('checkbox'));
      const button = screen.getByTestId('alerts-ack-batch');
      expect(button.textContent).toContain('批量知悉（2）');
      fireEvent.click(button);
      expect(within(await screen.findByTestId('alerts-ack-list')).getAllByRole('listitem')).toHaveLength(2);
      fireEvent.click(screen.getByTestId('alerts-ack-ok'));
      expect(await screen.findByText('2 条已知悉', {}, { timeout: 15_000 })).toBeTruthy();

      const after = (await getJson<{ items: Alert[] }>('/api/alerts?acknowledged=true')).items;
      const byId = new Map(after.map((a) => [a.id, a]));
      expect(byId.get(first!.id)?.acknowledgement).toMatchObject({
        by: '区职业高中 填报员',
        note: '已安排专人跟进',
      });
      for (const a of batch) expect(byId.get(a.id)?.acknowledgement?.by).toBe('区职业高中 填报员');
    });
  });

  it('shows the coordinator which unit acknowledged, and offers no 知悉 for another unit’s alert', async () => {
    await signIn('coordinator');
    const done = (await getJson<{ items: Alert[] }>('/api/alerts?acknowledged=true')).items.find(
      (a) => a.unit.code === 'SD-VHS',
    )!;
    expect(done).toBeTruthy();
    renderPage('/alerts?ack=done');
    const row = await screen.findByTestId(`alert-row-${done.id}`, {}, { timeout: 45_000 });
    expect(row.textContent).toContain('已知悉');
    expect(row.textContent).toContain('区职业高中 填报员');
    expect(within(row).queryByTestId(`alert-ack-${done.id}`)).toBeNull();
    expect((within(row).getByRole('checkbox') as HTMLInputElement).disabled).toBe(true);
  });
});
