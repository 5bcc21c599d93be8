import type { ApiResponse } from '@zhijiao/contracts/api';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getJson, renderPage, signIn } from '@/test/render-page';

type Row = ApiResponse<'get', '/api/certification/applications'>['items'][number];
type Ledger = ApiResponse<'get', '/api/certification/incentives'>;

/** A minimal valid PDF: the upload guard checks the magic bytes. */
const pdf = (name: string) =>
  new File(['%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'], name, {
    type: 'application/pdf',
  });

/** happy-dom's window: its viewport decides antd's breakpoints (`matchMedia`). */
const setViewport = (width: number) =>
  (
    window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }
  ).happyDOM.setViewport({ width, height: 844 });

/**
 * The certification pages (产教融合型企业) on the demo district: 区发改科技局 reads the 2021
 * applications of 易通集团 and 振东集团, the review page's criteria table with each criterion's
 * requirement, measured number, met / unmet and basis, the 会签单 with 区税务局's
 * disagreement and 区工信局's line recused, and the refusal's reason; 区财政局 reads the
 * incentive ledger with its totals.
 */
describe('the certification pages (产教融合型企业)', () => {
  afterEach(() => {
    cleanup();
    setViewport(1440);
  }, 120_000);

  describe('as 区发改科技局', () => {
    // The file's first sign-in waits for the page server to finish loading the demo district.
    beforeAll(() => signIn('drc'), 240_000);

    it('lists the district’s applications for 区发改科技局 in Chinese, with the joint review’s progress', async () => {
      const items = (await getJson<{ items: Row[] }>('/api/certification/applications')).items;
      expect(new Set(items.map((a) => a.enterprise.name))).toEqual(new Set(['易通集团', '振东集团']));
      renderPage('/certification/applications');
      await waitFor(() => expect(screen.getAllByTestId('application-link')).toHaveLength(items.length), {
        timeout: 45_000,
      });
      const text = document.querySelector('.ant-table')!.textContent!;
      expect(text).toContain('未通过');
      expect(text).toContain('7 / 7');
      for (const code of ['submitted', 'refused', 'certified'])
        expect(text).not.toMatch(new RegExp(`\\b${code}\\b`));
    }, 120_000);

    it('shows each criterion with its requirement, the measured number, the verdict and its basis', async () => {
      const items = (await getJson<{ items: Row[] }>('/api/certification/applications')).items;
      const yitong = items.find((a) => a.enterprise.name === '易通集团')!;
      renderPage(`/certification/applications/${yitong.id}`);
      const page = await screen.findByTestId('certification-application-page', {}, { timeout: 45_000 });
      await waitFor(() => expect(page.textContent).toContain('认定条件核查'), { timeout: 45_000 });
      const criteria = page.querySelector('[data-testid="criteria"]') ?? page;
      const text = criteria.textContent!;
      for (const shown of ['校企合作年限', '3 个月以上实习实训学生', '共同开发课程', '2% 实习岗位', '第五条'])
        expect(text).toContain(shown);
      // Every criterion is measured from the records (cooperation and training bases wired): none 未接入.
      expect(text).not.toContain('未接入');
      expect(within(page).getByText('会签单')).toBeTruthy();
    }, 120_000);

    it('shows 振东集团’s refusal with its reason and 区税务局’s disagreement on the joint-review sheet', async () => {
      const items = (await getJson<{ items: Row[] }>('/api/certification/applications')).items;
      const zhendong = items.find((a) => a.enterprise.name === '振东集团')!;
      expect(zhendong.state).toBe('refused');
      renderPage(`/certification/applications/${zhendong.id}`);
      const note = await screen.findByTestId('decision-note', {}, { timeout: 45_000 });
      expect(note.textContent).toContain('区税务局会签不同意');
      const page = screen.getByTestId('certification-application-page');
      expect(page.textContent).toContain('不同意');
      // 区工信局 filed it: its line of the 会签单 is recused (回避), not signed.
      expect(page.textContent).toContain('回避');
      expect(page.textContent).toContain('决定时');
      expect(screen.queryByTestId('certify')).toBeNull();
    }, 120_000);
  });

  describe('as 区财政局 (a granting bureau)', () => {
    beforeAll(() => signIn('finance'));

    it('shows the incentive ledger with totals by kind, and the grant button to a granting bureau, on a phone too', async () => {
      setViewport(390);
      renderPage('/certification/incentives');
      const totals = await screen.findByTestId('totals-by-kind', {}, { timeout: 45_000 });
      for (const kind of ['金融', '财政', '土地', '信用', '税收']) expect(totals.textContent).toContain(kind);
      expect(await screen.findByTestId('grant')).toBeTruthy();
    }, 120_000);

    it('registers an incentive with its basis document uploaded through the form, and links the document in the ledger', async () => {
      // A day of 易通集团's first certification (the demo's incentives are of that year).
      const GRANTED_ON = '2021-12-15';
      renderPage('/certification/incentives');
      fireEvent.click(await screen.findByTestId('grant', {}, { timeout: 45_000 }));
      const modal = (await screen.findByTestId('upload-basis')).closest('.ant-modal') as HTMLElement;
      const [enterprise, kind] = within(modal).getAllByRole('combobox');
      fireEvent.change(enterprise!, { target: { value: '易通集团' } });
      fireEvent.click(await screen.findByTitle('易通集团'));
      fireEvent.mouseDown(kind!);
      fireEvent.click(await screen.findByTitle('财政'));
      fireEvent.change(screen.getByTestId('grant-amount'), { target: { value: '30000' } });
      const date = within(screen.getByTestId('grant-date').closest('.ant-picker')!).getByRole('textbox');
      fireEvent.mouseDown(date);
      fireEvent.change(date, { target: { value: GRANTED_ON } });
      fireEvent.keyDown(date, { key: 'Enter' });

      // The shared upload's own pre-check refuses a program before any upload; a PDF is stored.
      // (The picker's input is a new element after each choice.)
      const input = () => screen.getByTestId('upload-basis').querySelector('input[type=file]')!;
      fireEvent.change(input(), { target: { files: [new File(['MZ'], '依据.exe')] } });
      expect(await screen.findByText('“依据.exe”的文件类型不支持')).toBeTruthy();
      expect(screen.queryAllByTestId('upload-basis-item')).toHaveLength(0);
      fireEvent.change(input(), { target: { files: [pdf('财政奖补通知.pdf')] } });
      await waitFor(() =>
        expect(
          screen.getByTestId('upload-basis-item').querySelector('.ant-upload-list-item-done'),
        ).not.toBeNull(),
      );
      expect(screen.getAllByTestId('upload-basis-item')).toHaveLength(1);

      // No 文号: the file alone is the basis.
      fireEvent.click(screen.getByTestId('grant-save'));
      expect(await screen.findByText('已登记激励措施', {}, { timeout: 20_000 })).toBeTruthy();
      const granted = (await getJson<Ledger>('/api/certification/incentives')).items.find(
        (i) => i.basisFile?.name === '财政奖补通知.pdf',
      );
      expect(granted).toMatchObject({
        kind: 'fiscal',
        amount: 30000,
        basisNumber: '',
        grantedOn: GRANTED_ON,
      });
      await waitFor(() =>
        expect(screen.getAllByTestId('basis-file').map((a) => a.getAttribute('href'))).toContain(
          `/api/files/${granted!.basisFile!.id}`,
        ),
      );
    }, 120_000);
  });
});
