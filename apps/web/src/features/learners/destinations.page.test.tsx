import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '@/lib/lang';
import { getJson, renderPage, signIn } from '@/test/render-page';
import type { GraduateDestinations, LearnerDestination } from './destination-types';

const YEAR = 2025;

/**
 * 毕业去向 on the demo district, whose past cohorts graduated with their destinations recorded: the
 * coordinator reads a year's figures for the district and per school, the list with each graduate's
 * destination; a school's clerk corrects a graduate's destination on the learner's page, refused on
 * the field the kind needs (in zh and en) until it is filled.
 */
describe('graduates’ destinations (/learners/destinations, 毕业去向)', () => {
  afterEach(() => act(() => setLang('zh')));

  // The file's first sign-in waits for the page server to finish loading the demo district.
  beforeAll(() => signIn('coordinator'), 240_000);

  it('shows the coordinator a year’s figures, per school, and each graduate’s destination', async () => {
    const api = await getJson<GraduateDestinations>(`/api/graduate-destinations?graduationYear=${YEAR}`);
    expect(api.figures.graduates).toBeGreaterThan(0);
    const { router } = renderPage(`/learners/destinations?year=${YEAR}`);
    const figures = await screen.findByTestId('destinations-figures', {}, { timeout: 45_000 });
    expect(figures.textContent).toContain(`${YEAR} 届毕业生去向`);
    expect(within(figures).getByTestId('figure-graduates').textContent).toContain(
      String(api.figures.graduates),
    );
    const settled = `${Math.round(api.figures.settledShare! * 1000) / 10}%`;
    expect(within(figures).getByTestId('figure-settled').textContent).toContain(settled);
    const bySchool = screen.getByTestId('destinations-schools');
    expect(bySchool.textContent).toContain('区职业高中');
    expect(bySchool.textContent).toContain('区职教中心');
    const list = screen.getByTestId('destinations-graduates');
    const lines = within(list)
      .getAllByTestId('graduate-destination')
      .map((e) => e.textContent);
    expect(lines).toHaveLength(api.graduates.length);
    expect(lines.some((l) => l!.startsWith('就业 · 易通集团'))).toBe(true);
    expect(lines.some((l) => l!.includes('中高职衔接'))).toBe(true);
    expect(list.textContent).not.toMatch(/\d{17}[\dX]/);
    // The 学籍 tab goes back to the register.
    fireEvent.click(screen.getByTestId('learners-tab-register'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/learners'));
  }, 120_000);

  it('lets 区职业高中’s clerk correct a graduate’s destination, refused on the field it misses', async () => {
    await signIn('vhs');
    const own = await getJson<GraduateDestinations>(`/api/graduate-destinations?graduationYear=${YEAR}`);
    expect(new Set(own.graduates.map((g) => g.school.name))).toEqual(new Set(['区职业高中']));
    const graduate = own.graduates.find((g) => g.destination?.kind === 'employed')!;
    cleanup();
    renderPage(`/learners/${graduate.id}`);
    const card = await screen.findByTestId('destination-card', {}, { timeout: 45_000 });
    expect(within(card).getByTestId('destination-text').textContent).toMatch(/^就业 · /);
    fireEvent.click(within(card).getByTestId('destination-record'));
    const choose = (kind: string) =>
      fireEvent.click(
        screen.getByTestId(`destination-kind-${kind}`).closest('label')!.querySelector('input')!,
      );
    choose('other');
    fireEvent.click(screen.getByTestId('destination-save'));
    const field = screen.getByTestId('destination-note').closest('.ant-form-item')!;
    await waitFor(() => expect(field.textContent).toContain('请填写说明'), { timeout: 30_000 });
    act(() => setLang('en'));
    fireEvent.click(screen.getByTestId('destination-save'));
    await waitFor(() => expect(field.textContent).toContain('State a note'), { timeout: 30_000 });
    act(() => setLang('zh'));
    // A phone number in the note is refused on it too: no personal data in free text.
    fireEvent.change(screen.getByTestId('destination-note'), {
      target: { value: '出国务工，电话 13912345678' },
    });
    fireEvent.click(screen.getByTestId('destination-save'));
    await waitFor(() => expect(field.textContent).toContain('请勿填写身份证号、手机号等个人信息'), {
      timeout: 30_000,
    });
    fireEvent.change(screen.getByTestId('destination-note'), { target: { value: '随家人出国务工' } });
    fireEvent.click(screen.getByTestId('destination-save'));
    await waitFor(() => expect(screen.queryByTestId('destination-save')).toBeNull(), { timeout: 30_000 });
    const saved = await getJson<LearnerDestination>(`/api/learners/${graduate.id}/destination`);
    expect(saved.destination).toMatchObject({ kind: 'other', note: '随家人出国务工', source: 'school' });
    await waitFor(() =>
      expect(screen.getByTestId('destination-text').textContent).toBe('其他 · 随家人出国务工'),
    );
  }, 120_000);
});
