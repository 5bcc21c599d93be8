import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '@/lib/lang';
import { getJson, renderPage, signIn } from '@/test/render-page';
import type { LearnerDetail, LearnerList } from './types';

/** A masked resident ID: the region, eight stars, the last four (`140421********1234`). */
const MASKED_ID = /^\d{6}\*{8}\d{3}[\dX]$/;
/** An ID number in clear: none may reach the page. */
const CLEAR_ID = /\d{17}[\dX]/;

/** A valid 居民身份证号 (GB 11643-1999 check character) for a birth date `YYYYMMDD` and a sequence. */
function residentId(birth: string, seq: number): string {
  const body = `110105${birth}${String(seq).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

/** An import file of the template's columns with these rows. */
async function importFile(rows: string[][]): Promise<File> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学籍导入');
  ws.addRow(['姓名', '身份证号', '性别', '专业代码', '专业名称', '班级', '入学年份', '学籍状态', '状态日期']);
  for (const r of rows) ws.addRow(r);
  return new File([new Uint8Array(await wb.xlsx.writeBuffer())], '学籍.xlsx', {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}

/** happy-dom's window: its viewport decides antd's breakpoints (`matchMedia`). */
const setViewport = (width: number) =>
  (
    window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }
  ).happyDOM.setViewport({ width, height: 844 });

/** Makes the signed-in school's cohort from the newest season's 报到 on the page; the number added. */
async function makeCohortOnPage(): Promise<{ created: number; skipped: number }> {
  cleanup();
  renderPage('/learners');
  fireEvent.click(await screen.findByTestId('learners-cohort', {}, { timeout: 45_000 }));
  fireEvent.click(await screen.findByTestId('cohort-save', {}, { timeout: 30_000 }));
  const result = await screen.findByTestId('cohort-result', {}, { timeout: 60_000 });
  const [, created, skipped] =
    /新建学籍 (\d+) 条，已在学籍中跳过 (\d+) 条/.exec(result.textContent ?? '') ?? [];
  return { created: Number(created), skipped: Number(skipped) };
}

/**
 * The student register (/learners) on the demo district, whose earlier seasons' students the demo
 * put on the register: the schools make this year's cohorts from the 报到 of the newest season, each
 * sees only its own learners with ID numbers masked, a status
 * change made on a learner's page shows in the history (and a refused one on its field), and the
 * coordinator reads every school's with a school filter.
 */
describe('the student register (/learners, 学籍)', () => {
  let vecCreated = 0;
  /** 区职业高中's learners once its cohort is made: the demo's earlier cohorts and this one. */
  let vhsTotal = 0;
  /** The learners on a school's register before its cohort is made (the demo's closed seasons). */
  const registerSize = async () => (await getJson<LearnerList>('/api/learners?limit=1')).total;
  afterEach(() => {
    setViewport(1440);
    act(() => setLang('zh'));
  });

  // The file's first sign-in waits for the page server to finish loading the demo district.
  beforeAll(() => signIn('vec'), 240_000);

  it('makes 区职教中心’s cohort from its 报到, and making it again skips them all', async () => {
    const before = await registerSize();
    const first = await makeCohortOnPage();
    expect(first.created).toBeGreaterThan(0);
    vecCreated = first.created;
    expect(await registerSize()).toBe(before + vecCreated);
    expect(await makeCohortOnPage()).toEqual({ created: 0, skipped: vecCreated });
  }, 120_000);

  it('puts two of the new cohort into a class (分班) and filters the register by it and by 未分班', async () => {
    const unassigned = await getJson<LearnerList>('/api/learners?className=&status=enrolled&limit=500');
    expect(unassigned.total).toBeGreaterThanOrEqual(2);
    cleanup();
    renderPage('/learners?class=-&status=enrolled');
    await screen.findByTestId('learners-table', {}, { timeout: 45_000 });
    await waitFor(() =>
      expect(screen.getByTestId('learners-total').textContent).toContain(`共 ${unassigned.total} 名学生`),
    );
    const button = screen.getByTestId('learners-assign-class');
    expect(button.hasAttribute('disabled')).toBe(true);
    for (const row of ['learner-row-0', 'learner-row-1'])
      fireEvent.click(within(screen.getByTestId(row)).getByRole('checkbox'));
    await waitFor(() => expect(button.textContent).toContain('分班（2）'));
    expect(window.location.pathname).toBe('/learners');
    fireEvent.click(button);
    expect((await screen.findByTestId('class-assignment-chosen')).textContent).toContain(
      '区职教中心 学生 2 名',
    );
    const name =
      screen.getByTestId('class-assignment-name').querySelector('input') ??
      screen.getByTestId('class-assignment-name');
    fireEvent.change(name, { target: { value: '护理2027-1班' } });
    fireEvent.click(screen.getByTestId('class-assignment-save'));
    await screen.findByText('已分班：调整 2 名，原已在该班 0 名', {}, { timeout: 30_000 });

    const inClass = await getJson<LearnerList>(
      `/api/learners?className=${encodeURIComponent('护理2027-1班')}`,
    );
    expect(inClass.items.map((l) => l.name).sort()).toEqual(
      unassigned.items
        .slice(0, 2)
        .map((l) => l.name)
        .sort(),
    );
    cleanup();
    renderPage(`/learners?class=${encodeURIComponent('护理2027-1班')}`);
    await waitFor(() => expect(screen.getByTestId('learners-total').textContent).toContain('共 2 名学生'), {
      timeout: 45_000,
    });
    expect(screen.getByTestId('learner-row-0').textContent).toContain('护理2027-1班');
  }, 120_000);

  it('lists to 区职业高中’s clerk only its own learners, ID numbers masked', async () => {
    await signIn('vhs');
    const before = await registerSize();
    const { created, skipped } = await makeCohortOnPage();
    expect(created).toBeGreaterThan(0);
    expect(skipped).toBe(0);
    const own = await getJson<LearnerList>('/api/learners?limit=50');
    expect(own.total).toBe(before + created);
    vhsTotal = own.total;
    expect(new Set(own.items.map((l) => l.school.name))).toEqual(new Set(['区职业高中']));

    renderPage('/learners');
    const table = await screen.findByTestId('learners-table', {}, { timeout: 45_000 });
    expect(screen.getByTestId('learners-total').textContent).toContain(`共 ${vhsTotal} 名学生`);
    for (const l of own.items.slice(0, 5)) {
      expect(l.idMasked).toMatch(MASKED_ID);
      expect(table.textContent).toContain(l.idMasked);
      expect(table.textContent).toContain(l.name);
    }
    expect(table.textContent).not.toMatch(CLEAR_ID);
    expect(table.textContent).not.toContain('区职教中心');
    expect(screen.queryByTestId('learners-filter-school')).toBeNull();

    // On a phone each learner is a card, the masked ID on it.
    cleanup();
    setViewport(390);
    renderPage('/learners');
    await screen.findByTestId('learners-table', {}, { timeout: 45_000 });
    await waitFor(() => expect(screen.getByTestId('learners-table').hasAttribute('data-cards')).toBe(true));
    const card = screen.getByTestId('learner-row-0');
    expect(card.textContent).toContain(own.items[0]!.idMasked);
  }, 120_000);

  it('changes a learner to 休学 on the learner’s page, shows it in the history, and refuses 休学 → 转学 on its field in zh and en', async () => {
    const [learner] = (await getJson<LearnerList>('/api/learners?limit=1&status=enrolled')).items;
    renderPage(`/learners/${learner!.id}`);
    fireEvent.click(await screen.findByTestId('learner-change-status', {}, { timeout: 45_000 }));
    const choose = (status: string) =>
      fireEvent.click(
        screen.getByTestId(`status-change-to-${status}`).closest('label')!.querySelector('input')!,
      );
    choose('suspended');
    fireEvent.change(screen.getByTestId('status-change-reason'), { target: { value: '因病休学' } });
    fireEvent.click(screen.getByTestId('status-change-save'));
    const history = screen.getByTestId('learner-history');
    await waitFor(() => expect(within(history).getAllByTestId(/^history-row-/)).toHaveLength(2), {
      timeout: 30_000,
    });
    const line = screen.getByTestId('history-row-1');
    expect(line.textContent).toContain('在籍');
    expect(line.textContent).toContain('休学');
    expect(line.textContent).toContain('因病休学');
    expect(screen.getByTestId('learner-status').textContent).toBe('休学');
    const saved = (await getJson<{ learner: LearnerDetail }>(`/api/learners/${learner!.id}`)).learner;
    expect(saved.history.map((h) => h.toStatus)).toEqual(['enrolled', 'suspended']);

    // 转学 is not open to a suspended student: the server's reason shows on 变更类型, in Chinese.
    await waitFor(() => expect(screen.queryByTestId('status-change-save')).toBeNull());
    fireEvent.click(screen.getByTestId('learner-change-status'));
    await screen.findByTestId('status-change-reason');
    choose('transferred');
    fireEvent.change(screen.getByTestId('status-change-reason'), { target: { value: '转入外区学校' } });
    fireEvent.click(screen.getByTestId('status-change-save'));
    const field = screen.getByTestId('status-change-status').closest('.ant-form-item')!;
    await waitFor(() => expect(field.textContent).toContain('不能从“休学”变更为“转学”'), { timeout: 30_000 });
    // In English the same refusal reads in English.
    act(() => setLang('en'));
    fireEvent.click(screen.getByTestId('status-change-save'));
    await waitFor(
      () => expect(field.textContent).toContain('A student cannot go from suspended to transferred out'),
      { timeout: 30_000 },
    );
    expect(within(history).getAllByTestId(/^history-row-/)).toHaveLength(2);
  }, 120_000);

  it('lists a learner’s outcomes, 待认定, and the credit balance on the learner’s page', async () => {
    const [learner] = (await getJson<LearnerList>('/api/learners?limit=1')).items;
    const { csrfToken } = await getJson<{ csrfToken: string }>('/api/auth/me');
    const res = await fetch(`/api/learners/${learner!.id}/outcomes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({
        type: 'one_plus_x_certificate',
        title: 'Web 前端开发',
        level: 'intermediate',
        issuer: '工业和信息化部教育与考试中心',
        number: `PAGE-${learner!.id.slice(0, 8)}`,
        achievedOn: '2021-03-01',
      }),
    });
    const text = await res.text();
    expect(res.status, text).toBe(201);
    const { outcome } = JSON.parse(text) as { outcome: { id: string } };
    renderPage(`/learners/${learner!.id}`);
    const table = await screen.findByTestId('learner-outcomes', {}, { timeout: 45_000 });
    expect(table.textContent).toContain('Web 前端开发');
    expect(table.textContent).toContain('1+X 职业技能等级证书');
    expect(table.textContent).toContain('中级');
    expect(screen.getByTestId(`outcome-status-${outcome.id}`).textContent).toContain('待认定');
    await waitFor(() => expect(screen.getByTestId('credit-balance').textContent).toContain('0'));
  }, 120_000);

  it('shows the coordinator every school’s learners with a school filter', async () => {
    await signIn('coordinator');
    const all = await registerSize();
    expect(all).toBeGreaterThan(vhsTotal + vecCreated);
    const { router } = renderPage('/learners');
    await screen.findByTestId('learners-table', {}, { timeout: 45_000 });
    expect(screen.getByTestId('learners-total').textContent).toContain(`共 ${all} 名学生`);
    expect(screen.queryByTestId('learners-cohort')).toBeNull();
    // The school filter narrows the list to 区职业高中's and keeps the choice in the URL.
    const school = within(screen.getByTestId('learners-filter-school')).getByRole('combobox');
    fireEvent.mouseDown(school);
    fireEvent.click(await screen.findByTitle('区职业高中'));
    await waitFor(() =>
      expect(screen.getByTestId('learners-total').textContent).toContain(`共 ${vhsTotal} 名学生`),
    );
    expect(router.state.location.search).toMatch(/school=/);
  }, 120_000);

  it('imports earlier students into 区职业高中’s register: every problem by row first, nothing written; then the counts', async () => {
    // The coordinator (signed in last) exports the list but imports into no register.
    renderPage('/learners');
    await screen.findByTestId('learners-table', {}, { timeout: 45_000 });
    expect(screen.getByTestId('export-button')).toBeTruthy();
    expect(screen.queryByTestId('learners-import')).toBeNull();

    cleanup();
    await signIn('vhs');
    const before = await registerSize();
    renderPage('/learners');
    fireEvent.click(await screen.findByTestId('learners-import', {}, { timeout: 45_000 }));
    expect(screen.getByTestId('learners-template')).toBeTruthy();
    const input = () => screen.getByTestId('learners-import-file').querySelector('input[type=file]')!;
    const good = [
      '导入生甲',
      residentId('20040101', 11),
      '男',
      '660301',
      '焊接技术应用',
      '1班',
      '2020',
      '在籍',
      '',
    ];
    const bad = [
      '导入生乙',
      `${residentId('20040202', 12).slice(0, 17)}Y`,
      '女',
      '660301',
      '焊接技术应用',
      '',
      '2020',
      '毕业',
      '',
    ];
    fireEvent.change(input(), { target: { files: [await importFile([good, bad])] } });
    const problems = await screen.findByTestId('learners-import-problems', {}, { timeout: 30_000 });
    expect(problems.textContent).toContain('身份证号应为 18 位');
    expect(problems.textContent).toContain('状态日期');
    expect(await registerSize()).toBe(before);

    fireEvent.change(input(), { target: { files: [await importFile([good])] } });
    const result = await screen.findByTestId('learners-import-result', {}, { timeout: 30_000 });
    expect(result.textContent).toMatch(/新增学生\s*1/);
    expect(await registerSize()).toBe(before + 1);
    // The same file again: the student is skipped, nothing added.
    fireEvent.change(input(), { target: { files: [await importFile([good])] } });
    await waitFor(
      () => expect(screen.getByTestId('learners-import-result').textContent).toMatch(/跳过）\s*1/),
      {
        timeout: 30_000,
      },
    );
    expect(await registerSize()).toBe(before + 1);
  }, 120_000);

  it('registers a social learner (社会学习者) at 区职业高中 and opens the record; the same ID again opens it, not a second', async () => {
    await signIn('vhs');
    const id = residentId('19880808', 31);
    const register = async () => {
      cleanup();
      renderPage('/learners');
      fireEvent.click(await screen.findByTestId('learners-register-social', {}, { timeout: 45_000 }));
      fireEvent.change(await screen.findByTestId('social-learner-name'), { target: { value: '周志强' } });
      fireEvent.change(screen.getByTestId('social-learner-id'), { target: { value: id } });
      fireEvent.click(screen.getByTestId('social-learner-save'));
      // Saved, the learner's page opens in place of the list.
      return screen.findByTestId('learner-record', {}, { timeout: 30_000 });
    };
    const record = await register();
    expect(record.textContent).toContain('社会学习者');
    expect(record.textContent).not.toContain(id);
    expect(screen.queryByTestId('learner-change-status')).toBeNull();
    expect((await register()).textContent).toContain('周志强');
    await screen.findByText('该身份证号已在本校登记，已打开其记录', {}, { timeout: 10_000 });
    const social = await getJson<LearnerList>('/api/learners?kind=social');
    expect(social.items.filter((l) => l.name === '周志强')).toHaveLength(1);
  }, 120_000);
});
