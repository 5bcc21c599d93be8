import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getJson, renderPage, signIn } from '@/test/render-page';
import type { SearchResult } from './api/search';

/** happy-dom's window: its viewport decides antd's breakpoints (`matchMedia`). */
const setViewport = (width: number) =>
  (
    window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }
  ).happyDOM.setViewport({ width, height: 844 });

const LABEL = '搜索任务、指标、单位、教师、项目、文件和企业';
const KIND_TITLES = {
  task: '任务',
  indicator: '指标',
  unit: '单位',
  teacher: '教师',
  project: '项目',
  document: '文件/材料',
  enterprise: '企业',
  internship_post: '实习岗位',
  cooperation_agreement: '校企合作协议',
};

describe('the search (/search, 搜索)', () => {
  beforeAll(async () => {
    // The first sign-in waits for the page server to finish loading the demo.
    await signIn('coordinator');
  }, 240_000);
  afterEach(() => setViewport(1440));

  it('shows the hits grouped by kind, each linking to its page, as the API finds them', async () => {
    const q = '双师型';
    const expected = await getJson<SearchResult>(`/api/search?q=${encodeURIComponent(q)}&lang=zh`);
    expect(expected.groups.length).toBeGreaterThan(1);
    renderPage(`/search?q=${encodeURIComponent(q)}`);
    await screen.findByTestId(`search-group-${expected.groups[0]!.kind}`, {}, { timeout: 45_000 });
    for (const group of expected.groups) {
      const card = screen.getByTestId(`search-group-${group.kind}`);
      expect(within(card).getByRole('heading').textContent).toBe(KIND_TITLES[group.kind]);
      for (const hit of group.hits) {
        const row = within(card).getByTestId(`search-hit-${hit.kind}-${hit.id}`);
        expect(row.textContent).toContain(hit.title);
        expect(within(row).getByTestId('search-hit-link').getAttribute('href')).toBe(hit.link);
      }
    }
    const total = expected.groups.reduce((n, g) => n + g.total, 0);
    expect(screen.getByTestId('search-summary').textContent).toBe(`与“${q}”相关的结果共 ${total} 条`);
  });

  it('says when nothing matches, and asks for a longer query than one letter', async () => {
    renderPage('/search?q=qxzqxz');
    await screen.findByTestId('search-empty', {}, { timeout: 45_000 });
    expect(screen.getByTestId('search-empty').textContent).toContain('未找到与“qxzqxz”相关的结果');
    renderPage('/search?q=a');
    const [hint] = await screen.findAllByTestId('search-hint');
    expect(hint!.textContent).toContain('请输入至少 1 个汉字或 2 个字母');
  });

  it('takes a query in the header and opens its results on Enter', async () => {
    const { router } = renderPage('/workbench');
    const box = await screen.findByLabelText(LABEL, {}, { timeout: 45_000 });
    fireEvent.change(box, { target: { value: '职业高中' } });
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(router.state.location.pathname).toBe('/search'));
    expect(new URLSearchParams(router.state.location.search).get('q')).toBe('职业高中');
    await screen.findByTestId('search-group-unit', {}, { timeout: 45_000 });
  });

  it('fits a 390 px phone: a search button in the header opens the page with a full-width box', async () => {
    setViewport(390);
    const { router } = renderPage('/workbench');
    const open = await screen.findByTestId('header-search-open', {}, { timeout: 45_000 });
    expect(open.getAttribute('aria-label')).toBe('打开搜索');
    expect(screen.queryByTestId('header-search')).toBeNull();
    fireEvent.click(open);
    await waitFor(() => expect(router.state.location.pathname).toBe('/search'));
    expect(await screen.findByTestId('search-input', {}, { timeout: 45_000 })).toBeTruthy();
  });
});
