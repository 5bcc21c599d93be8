import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '@/lib/lang';
import { getJson, renderPage, signIn } from '@/test/render-page';
import type {
  Catalogue,
  Conversion,
  CreditAccount,
  LearnerList,
  LearningOutcome,
  OutcomeListItem,
} from './types';

/** happy-dom's window: its viewport decides antd's breakpoints (`matchMedia`). */
const setViewport = (width: number) =>
  (
    window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }
  ).happyDOM.setViewport({ width, height: 844 });

/** Records an outcome through the API as the signed-in school clerk; its id. */
async function recordOutcome(learnerId: string, body: Record<string, unknown>): Promise<string> {
  const { csrfToken } = await getJson<{ csrfToken: string }>('/api/auth/me');
  const res = await fetch(`/api/learners/${learnerId}/outcomes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  expect(res.status, text).toBe(201);
  return (JSON.parse(text) as { outcome: { id: string } }).outcome.id;
}

/** A valid 居民身份证号 (GB 11643-1999 check character) for a birth date `YYYYMMDD` and a sequence. */
function residentId(birth: string, seq: number): string {
  const body = `110105${birth}${String(seq).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

/** An .xlsx of these header and rows. */
async function sheet(name: string, header: string[], rows: string[][]): Promise<File> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return new File([new Uint8Array(await wb.xlsx.writeBuffer())], `${name}.xlsx`, {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}

const RESULT_HEADER = ['身份证号', '证书名称', '证书代码', '等级', '培训评价组织', '证书编号', '发证日期'];

const balanceOf = async (learnerId: string) =>
  (await getJson<{ account: CreditAccount }>(`/api/learners/${learnerId}/credit-account`)).account.balance;

const statusOf = async (learnerId: string, outcomeId: string) =>
  (await getJson<{ items: LearningOutcome[] }>(`/api/learners/${learnerId}/outcomes`)).items.find(
    (o) => o.id === outcomeId,
  )!.status;

/**
 * 学分银行 on the demo district (its 2021 catalogue: 1+X at 初级 4 credits, 中级 8): 区职业高中's
 * clerk records an outcome on the learner's page (refused on its fields until complete, in zh and
 * en); the coordinator finds a pending 1+X certificate in the 待认定 queue, recognises it with the
 * catalogue's suggestion and the learner's balance moves by it; a refusal of the catalogue shows
 * its reason; on a phone the queue is cards.
 */
describe('the credit bank (/learners/outcomes, 学分银行)', () => {
  let learnerId = '';
  let pendingId = '';
  let uncataloguedId = '';

  afterEach(() => {
    setViewport(1440);
    act(() => setLang('zh'));
  });

  // The file's first sign-in waits for the page server to finish loading the demo district.
  beforeAll(() => signIn('vhs'), 240_000);

  it('lets 区职业高中’s clerk record an outcome on the learner’s page, refused on its fields first (zh, en)', async () => {
    const [learner] = (await getJson<LearnerList>('/api/learners?limit=1')).items;
    learnerId = learner!.id;
    renderPage(`/learners/${learnerId}`);
    fireEvent.click(await screen.findByTestId('outcome-record', {}, { timeout: 45_000 }));
    fireEvent.change(await screen.findByTestId('outcome-title'), { target: { value: '网店运营推广' } });
    fireEvent.change(screen.getByTestId('outcome-issuer'), { target: { value: '北京鸿科经纬科技有限公司' } });
    const date = within(screen.getByTestId('outcome-date').closest('.ant-picker')!).getByRole('textbox');
    fireEvent.mouseDown(date);
    fireEvent.change(date, { target: { value: '2021-06-15' } });
    fireEvent.keyDown(date, { key: 'Enter' });
    // A 1+X certificate without level and number: the server's reasons on their fields.
    fireEvent.click(screen.getByTestId('outcome-save'));
    const levelItem = screen.getByTestId('outcome-level').closest('.ant-form-item')!;
    const numberItem = screen.getByTestId('outcome-number').closest('.ant-form-item')!;
    await waitFor(() => expect(levelItem.textContent).toContain('1+X 证书须填写等级'), { timeout: 30_000 });
    expect(numberItem.textContent).toContain('1+X 证书须填写证书编号');
    act(() => setLang('en'));
    fireEvent.click(screen.getByTestId('outcome-save'));
    await waitFor(() => expect(levelItem.textContent).toContain('A 1+X certificate needs its level'), {
      timeout: 30_000,
    });
    act(() => setLang('zh'));

    fireEvent.mouseDown(within(screen.getByTestId('outcome-level')).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle('初级'));
    const number = `WEB-${learnerId.slice(0, 8)}`;
    fireEvent.change(screen.getByTestId('outcome-number'), { target: { value: number } });
    fireEvent.click(screen.getByTestId('outcome-save'));
    await waitFor(() => expect(screen.queryByTestId('outcome-save')).toBeNull(), { timeout: 30_000 });
    const table = screen.getByTestId('learner-outcomes');
    await waitFor(() => expect(table.textContent).toContain('网店运营推广'), { timeout: 30_000 });
    const saved = (
      await getJson<{ items: LearningOutcome[] }>(`/api/learners/${learnerId}/outcomes`)
    ).items.find((o) => o.number === number)!;
    expect(saved).toMatchObject({ status: 'pending', level: 'elementary', achievedOn: '2021-06-15' });
    expect(screen.getByTestId(`outcome-status-${saved.id}`).textContent).toContain('待认定');
    pendingId = saved.id;
    // One the catalogue does not list (no catalogue for 2019), for the refusal below.
    uncataloguedId = await recordOutcome(learnerId, {
      type: 'one_plus_x_certificate',
      title: '网店运营推广',
      level: 'intermediate',
      issuer: '北京鸿科经纬科技有限公司',
      number: `OLD-${learnerId.slice(0, 8)}`,
      achievedOn: '2019-06-15',
    });
  }, 120_000);

  it('lets the coordinator recognise the pending certificate from the 待认定 queue: 已认定 and the balance moves', async () => {
    await signIn('coordinator');
    const before = await balanceOf(learnerId);
    renderPage('/learners/outcomes');
    const table = await screen.findByTestId('outcomes-table', {}, { timeout: 45_000 });
    const row = await within(table).findByTestId(`outcome-row-${pendingId}`, {}, { timeout: 30_000 });
    expect(row.textContent).toContain('区职业高中');
    expect(row.textContent).toContain('待认定');
    expect(screen.queryByTestId('outcomes-import')).toBeNull();
    fireEvent.click(within(row).getByTestId(`recognise-${pendingId}`));
    // The catalogue's suggestion for 1+X 初级 in 2021: 4 credits.
    const credits = (await screen.findByTestId(
      'recognise-credits',
      {},
      { timeout: 30_000 },
    )) as HTMLInputElement;
    await waitFor(() => expect(credits.value).toBe('4.0'));
    fireEvent.click(screen.getByTestId('recognise-save'));
    await waitFor(() => expect(screen.queryByTestId(`outcome-row-${pendingId}`)).toBeNull(), {
      timeout: 30_000,
    });
    expect(await statusOf(learnerId, pendingId)).toBe('recognised');
    expect(await balanceOf(learnerId)).toBe(before + 40);

    // The learner's page shows it 已认定, the balance and the 积累 entry.
    cleanup();
    renderPage(`/learners/${learnerId}`);
    const status = await screen.findByTestId(`outcome-status-${pendingId}`, {}, { timeout: 45_000 });
    expect(status.textContent).toContain('已认定');
    await waitFor(() =>
      expect(screen.getByTestId('credit-balance').textContent).toContain(String((before + 40) / 10)),
    );
    expect(screen.getByTestId('credit-entries').textContent).toMatch(/积累.*网店运营推广.*\+4/);
  }, 120_000);

  it('shows the catalogue’s reason when an outcome cannot be recognised, in zh and en', async () => {
    renderPage('/learners/outcomes');
    const row = await screen.findByTestId(`outcome-row-${uncataloguedId}`, {}, { timeout: 45_000 });
    fireEvent.click(within(row).getByTestId(`recognise-${uncataloguedId}`));
    fireEvent.click(await screen.findByTestId('recognise-save', {}, { timeout: 30_000 }));
    await waitFor(() => expect(document.body.textContent).toContain('2019 年学习成果名录未收录'), {
      timeout: 30_000,
    });
    act(() => setLang('en'));
    fireEvent.click(screen.getByTestId('recognise-save'));
    await waitFor(
      () => expect(document.body.textContent).toContain('The 2019 learning-outcome catalogue does not list'),
      { timeout: 30_000 },
    );
    expect(await statusOf(learnerId, uncataloguedId)).toBe('pending');
  }, 120_000);

  it('shows the queue as cards on a phone, and the page in English', async () => {
    setViewport(390);
    renderPage('/learners/outcomes');
    await screen.findByTestId('outcomes-table', {}, { timeout: 45_000 });
    await waitFor(() => expect(screen.getByTestId('outcomes-table').hasAttribute('data-cards')).toBe(true));
    expect(screen.getByTestId(`outcome-row-${uncataloguedId}`).textContent).toContain('待认定');
    act(() => setLang('en'));
    await waitFor(() => expect(screen.getByTestId('outcomes-page').textContent).toContain('Credit bank'));
    expect(screen.getByTestId(`outcome-row-${uncataloguedId}`).textContent).toContain('Pending');
  }, 120_000);

  it('applies for a conversion on the learner’s page (区职业高中’s clerk) and the coordinator approves it: 转换 in the entries', async () => {
    await signIn('vhs');
    // A learner of the demo holding a recognised certificate whose credits are not converted yet.
    const recognised = (
      await getJson<{ items: OutcomeListItem[] }>('/api/learning-outcomes?status=recognised&limit=500')
    ).items;
    let holder = '';
    for (const o of recognised) {
      const conversions = (await getJson<{ items: Conversion[] }>(`/api/learners/${o.learnerId}/conversions`))
        .items;
      if (conversions.length === 0 && o.learnerId !== learnerId) {
        holder = o.learnerId;
        break;
      }
    }
    expect(holder).not.toBe('');
    renderPage(`/learners/${holder}`);
    fireEvent.click(await screen.findByTestId('conversion-apply', {}, { timeout: 45_000 }));
    fireEvent.mouseDown(within(await screen.findByTestId('conversion-rule')).getByRole('combobox'));
    const option = await waitFor(() => {
      const o = document.querySelector('.ant-select-item-option');
      expect(o).not.toBeNull();
      return o!;
    });
    fireEvent.click(option);
    fireEvent.click(screen.getByTestId('conversion-apply-save'));
    await waitFor(() => expect(screen.queryByTestId('conversion-apply-save')).toBeNull(), {
      timeout: 30_000,
    });
    const [applied] = (await getJson<{ items: Conversion[] }>(`/api/learners/${holder}/conversions`)).items;
    expect(applied!.status).toBe('applied');
    await waitFor(() =>
      expect(screen.getByTestId(`conversion-status-${applied!.id}`).textContent).toContain('申请中'),
    );
    const before = await balanceOf(holder);

    cleanup();
    await signIn('coordinator');
    renderPage(`/learners/${holder}`);
    fireEvent.click(await screen.findByTestId(`conversion-approve-${applied!.id}`, {}, { timeout: 45_000 }));
    await waitFor(
      () => expect(screen.getByTestId(`conversion-status-${applied!.id}`).textContent).toContain('已批准'),
      { timeout: 30_000 },
    );
    expect(await balanceOf(holder)).toBe(before - applied!.credits);
    await waitFor(() => expect(screen.getByTestId('credit-entries').textContent).toContain('转换'));
  }, 120_000);

  it('shows the coordinator the 2021 catalogue in force and publishes its next version, which is then in force', async () => {
    renderPage('/learners/catalogue');
    const v1 = await screen.findByTestId('catalogue-2021-1', {}, { timeout: 45_000 });
    expect(v1.textContent).toContain('现行');
    expect(v1.textContent).toContain('初级');
    fireEvent.click(screen.getByTestId('catalogue-create'));
    fireEvent.change(await screen.findByTestId('catalogue-note'), { target: { value: '页面测试修订' } });
    fireEvent.click(screen.getByTestId('catalogue-save'));
    const v2 = await screen.findByTestId('catalogue-2021-2', {}, { timeout: 30_000 });
    expect(v2.textContent).toContain('现行');
    expect(v2.textContent).toContain('页面测试修订');
    await waitFor(() => expect(screen.getByTestId('catalogue-2021-1').textContent).not.toContain('现行'));
    const versions = (await getJson<{ items: Catalogue[] }>('/api/outcome-catalogues?year=2021')).items;
    expect(versions.map((c) => [c.version, c.inForce])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(versions[0]!.entries).toEqual(versions[1]!.entries);
  }, 120_000);

  it('imports 1+X results on the page for 区职业高中’s clerk: every problem by row first, nothing written; then the counts; the same file again changes nothing', async () => {
    await signIn('vhs');
    // A student of the school whose ID number the test knows, put on the register by its import.
    const id = residentId('20050303', 21);
    const { csrfToken } = await getJson<{ csrfToken: string }>('/api/auth/me');
    const form = new FormData();
    form.append(
      'file',
      await sheet(
        '学籍导入',
        ['姓名', '身份证号', '性别', '专业代码', '专业名称', '班级', '入学年份', '学籍状态', '状态日期'],
        [['成果导入生', id, '男', '660301', '焊接技术应用', '1班', '2021', '在籍', '']],
      ),
    );
    const res = await fetch('/api/learners/imports', {
      method: 'POST',
      headers: { 'x-csrf-token': csrfToken },
      body: form,
    });
    expect(res.status, await res.text()).toBe(200);
    const before = (await getJson<{ total: number }>('/api/learning-outcomes?limit=1')).total;

    renderPage('/learners/outcomes');
    fireEvent.click(await screen.findByTestId('outcomes-import', {}, { timeout: 45_000 }));
    expect(screen.getByTestId('outcomes-template')).toBeTruthy();
    const input = () => screen.getByTestId('outcomes-import-file').querySelector('input[type=file]')!;
    const good = [
      id,
      'Web 前端开发',
      '',
      '初级',
      '工业和信息化部教育与考试中心',
      'IMP-PAGE-0001',
      '2021-06-01',
    ];
    const bad = [
      id,
      'Web 前端开发',
      '',
      '特级',
      '工业和信息化部教育与考试中心',
      'IMP-PAGE-0002',
      '2021-06-01',
    ];
    fireEvent.change(input(), { target: { files: [await sheet('1+X', RESULT_HEADER, [good, bad])] } });
    const problems = await screen.findByTestId('outcomes-import-problems', {}, { timeout: 30_000 });
    expect(problems.textContent).toContain('等级');
    expect(problems.textContent).toContain('3');
    expect((await getJson<{ total: number }>('/api/learning-outcomes?limit=1')).total).toBe(before);

    const file = await sheet('1+X', RESULT_HEADER, [good]);
    fireEvent.change(input(), { target: { files: [file] } });
    const result = await screen.findByTestId('outcomes-import-result', {}, { timeout: 30_000 });
    expect(result.textContent).toMatch(/新登记\s*1/);
    // A file without 考核结果 is passes only.
    expect(within(result).getByTestId('outcomes-import-passed').textContent).toBe('1');
    expect(within(result).getByTestId('outcomes-import-failed').textContent).toBe('0');
    expect((await getJson<{ total: number }>('/api/learning-outcomes?limit=1')).total).toBe(before + 1);
    fireEvent.change(input(), { target: { files: [file] } });
    await waitFor(
      () => expect(screen.getByTestId('outcomes-import-result').textContent).toContain('该文件此前已导入'),
      { timeout: 30_000 },
    );
    expect((await getJson<{ total: number }>('/api/learning-outcomes?limit=1')).total).toBe(before + 1);
  }, 120_000);
});
