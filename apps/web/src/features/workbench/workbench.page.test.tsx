import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, renderPage, signIn } from '@/test/render-page';
import type { Todo } from './api/get-todos';

const todosOf = async () => (await getJson<{ items: Todo[] }>('/api/todos?lang=zh')).items;

/** The menu's entries, in order, by their `nav-<key>` test ids. */
const menuKeys = () =>
  within(screen.getByTestId('nav'))
    .queryAllByTestId(/^nav-/)
    .map((a) => a.getAttribute('data-testid')!.slice('nav-'.length));

const waitForWorkbench = () =>
  waitFor(() => expect(screen.getByTestId('workbench-page').textContent).not.toContain('加载中'), {
    timeout: 30_000,
  });

describe('the workbench (/workbench, 工作台)', () => {
  let todos: Todo[];
  beforeAll(async () => {
    // The first sign-in waits for the page server to finish loading the demo.
    await signIn('coordinator');
    todos = await todosOf();
  });

  it('is where the coordinator lands: every todo with its module, deadline and link, and the plan dashboard', async () => {
    expect(todos.length).toBeGreaterThan(0);
    const { router } = renderPage('/start');
    await waitFor(() => expect(router.state.location.pathname).toBe('/workbench'), { timeout: 30_000 });
    await waitFor(() => expect(screen.getByTestId(`todo-${todos[0]!.id}`)).toBeTruthy(), { timeout: 30_000 });
    for (const todo of todos) {
      const row = screen.getByTestId(`todo-${todo.id}`);
      expect(row.textContent).toContain(todo.title);
      const deadline = within(row).getByTestId('todo-deadline').textContent;
      if (todo.daysLate === null) expect(deadline).toBe('无截止日期');
      else if (todo.daysLate > 0) expect(deadline).toBe(`逾期 ${todo.daysLate} 天`);
      else if (todo.daysLate < 0) expect(deadline).toBe(`剩余 ${-todo.daysLate} 天`);
      expect(within(row).getByTestId('todo-link').getAttribute('href')).toBe(todo.link);
    }
    expect(menuKeys()[0]).toBe('workbench');
    fireEvent.click(screen.getByTestId('workbench-dashboard'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/plans'));
  });

  it('says nothing is waiting when nothing is, with no dashboard link for a unit’s clerk', async () => {
    // A junior high's liaison after the windows closed (hs1 is the TOTP page test's own account).
    await signIn('jhs2');
    expect(await todosOf()).toEqual([]);
    renderPage('/workbench');
    await waitFor(() => expect(screen.getByTestId('workbench-empty')).toBeTruthy(), { timeout: 30_000 });
    expect(screen.getByTestId('workbench-empty').textContent).toContain('暂无待办事项');
    expect(screen.queryByTestId('workbench-dashboard')).toBeNull();
  });
});

describe('menus by role and unit', () => {
  it('gives a junior high’s liaison the workbench and the enrolment, no teacher register or majors', async () => {
    await signIn('jhs1');
    renderPage('/workbench');
    await waitForWorkbench();
    const keys = menuKeys();
    expect(keys[0]).toBe('workbench');
    expect(keys).toContain('enrollment');
    expect(keys).not.toContain('teachers');
    expect(keys).not.toContain('programs');
    // Opened by its address, the register offers a junior high nothing to add or import.
    renderPage('/teachers');
    await waitFor(() => expect(screen.getByTestId('teachers-page')).toBeTruthy(), { timeout: 30_000 });
    expect(screen.queryByTestId('teachers-add')).toBeNull();
  });

  it('gives the finance bureau’s clerk no majors, no teacher register and no enrolment', async () => {
    await signIn('finance');
    renderPage('/workbench');
    await waitForWorkbench();
    const keys = menuKeys();
    expect(keys[0]).toBe('workbench');
    expect(keys).toEqual(expect.arrayContaining(['overview', 'progress', 'supervision', 'meetings']));
    expect(keys).not.toContain('programs');
    expect(keys).not.toContain('teachers');
    expect(keys).not.toContain('enrollment');
  });

  it('gives an enterprise’s account its posts and register, and none of the plan’s reporting, inspection or meeting menus', async () => {
    await signIn('zhendong');
    renderPage('/workbench');
    await waitForWorkbench();
    const keys = menuKeys();
    expect(keys).toEqual(expect.arrayContaining(['workbench', 'enterprises', 'internships', 'alerts']));
    for (const key of ['progress', 'supervision', 'meetings', 'action-items'])
      expect(keys).not.toContain(key);
  });

  it('keeps the register and its 新增教师 for a vocational school’s clerk', async () => {
    await signIn('vhs');
    renderPage('/teachers');
    await waitFor(() => expect(screen.getByTestId('teachers-page')).toBeTruthy(), { timeout: 30_000 });
    expect(menuKeys()).toEqual(expect.arrayContaining(['workbench', 'teachers', 'programs', 'enrollment']));
    await waitFor(() => expect(screen.getByTestId('teachers-add')).toBeTruthy(), { timeout: 30_000 });
  });
});
