import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '@/lib/lang';
import { getJson, renderPage, signIn } from '@/test/render-page';
import type { LearnerDetail, LearnerList } from './types';

/** A masked resident ID: the region, eight stars, the last four (`140421********1234`). */
const MASKED_ID = /^\d{6}\*{8}\d{3}[\dX]$/;
/** An ID number in clear: none may reach the page. */
const CLEAR_ID = /\d{17}[\dX]/;

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
 * The student register (/learners) on the demo district: the schools make their cohorts from the
 * 报到 of the newest season, each sees only its own learners with ID numbers masked, a status
 * change made on a learner's page shows in the history (and a refused one on its field), and the
 * coordinator reads every school's with a school filter.
 */
describe('the student register (/learners, 学籍)', () => {
  let vecCreated = 0;
  let vhsCreated = 0;
  afterEach(() => {
    setViewport(1440);
    act(() => setLang('zh'));
  });

  // The file's first sign-in waits for the page server to finish loading the demo district.
  beforeAll(() => signIn('vec'), 240_000);

  it('makes 区职教中心’s cohort from its 报到, and making it again skips them all', async () => {
    const first = await makeCohortOnPage();
    expect(first.created).toBeGreaterThan(0);
    vecCreated = first.created;
    expect((await getJson<LearnerList>('/api/learners?limit=1')).total).toBe(vecCreated);
    expect(await makeCohortOnPage()).toEqual({ created: 0, skipped: vecCreated });
  }, 120_000);

  it('lists to 区职业高中’s clerk only its own learners, ID numbers masked', async () => {
    await signIn('vhs');
    const { created, skipped } = await makeCohortOnPage();
    expect(created).toBeGreaterThan(0);
    expect(skipped).toBe(0);
    vhsCreated = created;
    const own = await getJson<LearnerList>('/api/learners?limit=50');
    expect(own.total).toBe(vhsCreated);
    expect(new Set(own.items.map((l) => l.school.name))).toEqual(new Set(['区职业高中']));

    renderPage('/learners');
    const table = await screen.findByTestId('learners-table', {}, { timeout: 45_000 });
    expect(screen.getByTestId('learners-total').textContent).toContain(`共 ${vhsCreated} 名学生`);
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
    const [learner] = (await getJson<LearnerList>('/api/learners?limit=1')).items;
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
    const { router } = renderPage('/learners');
    await screen.findByTestId('learners-table', {}, { timeout: 45_000 });
    expect(screen.getByTestId('learners-total').textContent).toContain(
      `共 ${vecCreated + vhsCreated} 名学生`,
    );
    expect(screen.queryByTestId('learners-cohort')).toBeNull();
    // The school filter narrows the list to 区职业高中's and keeps the choice in the URL.
    const school = within(screen.getByTestId('learners-filter-school')).getByRole('combobox');
    fireEvent.mouseDown(school);
    fireEvent.click(await screen.findByTitle('区职业高中'));
    await waitFor(() =>
      expect(screen.getByTestId('learners-total').textContent).toContain(`共 ${vhsCreated} 名学生`),
    );
    expect(router.state.location.search).toMatch(/school=/);
  }, 120_000);
});
