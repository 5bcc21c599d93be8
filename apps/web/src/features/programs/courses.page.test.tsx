import type { ApiResponse } from '@zhijiao/contracts/api';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaYear } from '@/lib/format';
import { getJson, renderPage, signIn } from '@/test/render-page';

type Course = ApiResponse<'get', '/api/courses'>['items'][number];

/**
 * 课程与教材 (/programs/courses) on the demo district, as 区职业高中's clerk: a course is added with
 * an enterprise of the register that co-develops it (共同开发课程), and the list names its partners.
 */
describe('the courses page (课程与教材)', () => {
  // The file's first sign-in waits for the page server to finish loading the demo district.
  beforeAll(() => signIn('vhs'), 240_000);

  it('adds a course with its partner enterprise from the register, and lists the partner with its year', async () => {
    const name = `校企共建课程${Math.floor(Math.random() * 1e6)}`;
    renderPage('/programs/courses');
    fireEvent.click(await screen.findByRole('button', { name: /新增课程/ }, { timeout: 45_000 }));
    const modal = (await screen.findByTestId('course-save')).closest('.ant-modal') as HTMLElement;
    fireEvent.change(within(modal).getByLabelText('课程名称'), { target: { value: name } });
    fireEvent.click(within(modal).getByRole('button', { name: /添加合作企业/ }));
    await within(modal).findByTestId('course-partner');
    // The row's enterprise is the form's last select (after the major and the category).
    const partner = within(modal).getAllByRole('combobox').at(-1)!;
    fireEvent.change(partner, { target: { value: '振东集团' } });
    fireEvent.click(await screen.findByTitle('振东集团'));
    expect(within(modal).getByLabelText('合作开发起始年份')).toHaveProperty('value', String(chinaYear()));
    fireEvent.click(screen.getByTestId('course-save'));
    // Saved: the server has it (the form closes with an animation happy-dom never ends).
    const { courses, course } = await waitFor(
      async () => {
        const all = (await getJson<{ items: Course[] }>('/api/courses')).items;
        const found = all.find((c) => c.name === name);
        expect(found).toBeDefined();
        return { courses: all, course: found! };
      },
      { timeout: 20_000 },
    );
    // The list shows 20 a page, in the server's order.
    const page = Math.floor(courses.indexOf(course) / 20) + 1;
    if (page > 1) fireEvent.click(await screen.findByTitle(String(page)));
    expect(await screen.findByText(name, {}, { timeout: 20_000 })).toBeTruthy();
    expect(course.partnerEnterprises).toEqual([
      expect.objectContaining({ name: '振东集团', sinceYear: chinaYear() }),
    ]);
    const row = screen.getByText(name).closest('tr')!;
    await waitFor(() =>
      expect(within(row).getByTestId('course-partners').textContent).toBe(`振东集团（${chinaYear()} 年起）`),
    );
  }, 120_000);
});
