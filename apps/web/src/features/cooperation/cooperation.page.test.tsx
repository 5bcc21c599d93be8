import type { ApiResponse } from '@zhijiao/contracts/api';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getJson, renderPage, signIn } from '@/test/render-page';

type Agreement = ApiResponse<'get', '/api/cooperation-agreements'>['items'][number];
type ApprenticeshipItem = ApiResponse<'get', '/api/apprenticeships'>['items'][number];
type Centre = ApiResponse<'get', '/api/cooperation-centres'>['items'][number];

/** happy-dom's window: its viewport decides antd's breakpoints (`matchMedia`). */
const setViewport = (width: number) =>
  (
    window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }
  ).happyDOM.setViewport({ width, height: 844 });

/** Writes as the signed-in user through the API (what the test sets up, not what it checks). */
async function send(method: 'POST' | 'PUT', path: string, body: unknown) {
  const { csrfToken } = await getJson<{ csrfToken: string }>('/api/auth/me');
  const res = await fetch(path, {
    method,
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

/**
 * The cooperation pages (校企合作) on the demo district: the coordinator reads every agreement by
 * its Chinese names; 区职教中心 is refused the school's approval of a programme without its
 * training plan, with the reason; 易通集团 approves the class waiting for it; 区职业高中's teaching
 * factory shows its projects and totals; on a phone the lists are cards.
 */
describe('the cooperation pages (校企合作)', () => {
  afterEach(() => setViewport(1440));

  describe('as the coordinator', () => {
    // The file's first sign-in waits for the page server to finish loading the demo district.
    beforeAll(() => signIn('coordinator'), 240_000);

    it('lists the district’s agreements for the coordinator, in Chinese, filtered by status', async () => {
      const all = (await getJson<{ items: Agreement[] }>('/api/cooperation-agreements?limit=500')).items;
      expect(all.length).toBeGreaterThanOrEqual(4);
      const { container } = renderPage('/cooperation/agreements');
      await waitFor(() => expect(screen.getAllByTestId('agreement-link')).toHaveLength(all.length), {
        timeout: 45_000,
      });
      const text = container.querySelector('.ant-table')!.textContent!;
      for (const shown of [
        '区职教中心—振东集团校企合作协议',
        '振东集团',
        '易通集团',
        '现代学徒制',
        '有效',
        '已到期',
      ])
        expect(text).toContain(shown);
      for (const code of ['in_force', 'expired', 'modern_apprenticeship']) expect(text).not.toContain(code);
      // The coordinator keeps no school's records: no button to record one.
      expect(screen.queryByTestId('new-agreement')).toBeNull();
      cleanup();
      renderPage('/cooperation/agreements?status=expired');
      const expired = all.filter((a) => a.status === 'expired');
      await waitFor(() => expect(screen.getAllByTestId('agreement-link')).toHaveLength(expired.length), {
        timeout: 45_000,
      });
    });

    it('shows the apprenticeships as cards on a 390 px phone', async () => {
      const all = (await getJson<{ items: ApprenticeshipItem[] }>('/api/apprenticeships?limit=500')).items;
      setViewport(390);
      const { container } = renderPage('/cooperation/apprenticeships');
      await waitFor(() => expect(container.querySelector('[data-cards]')).not.toBeNull(), {
        timeout: 45_000,
      });
      expect(container.querySelector('.ant-table')).toBeNull();
      const cards = container.querySelectorAll('[data-cards] .ant-card');
      expect(cards).toHaveLength(Math.min(all.length, 20));
      expect(
        within(container as HTMLElement).getAllByText(/现代学徒制|企业新型学徒制/).length,
      ).toBeGreaterThan(0);
    });
  });

  it('refuses the school’s approval without a training plan, naming the reason', async () => {
    await signIn('vec');
    const agreements = (await getJson<{ items: Agreement[] }>('/api/cooperation-agreements?status=in_force'))
      .items;
    const agreement = agreements.find((a) => a.scopes.includes('modern_apprenticeship'))!;
    const year = Number(agreement.endsOn.slice(0, 4));
    const made = (await send('POST', '/api/apprenticeships', {
      agreementId: agreement.id,
      scheme: 'modern',
      title: '页面测试学徒班',
      occupation: '药剂',
      startsOn: agreement.startsOn,
      endsOn: `${year}-01-31`,
      apprenticeCount: 10,
      schoolMentors: ['李红梅'],
      enterpriseMentors: ['张振华'],
      planSummary: '工学交替',
      planFileId: null,
      stages: [{ title: '岗位培养', plannedEndOn: `${year}-01-15` }],
    })) as { apprenticeship: { id: string } };
    renderPage(`/cooperation/apprenticeships/${made.apprenticeship.id}`);
    const reason = await screen.findByTestId('reason-TRAINING_PLAN_MISSING', {}, { timeout: 45_000 });
    expect(reason.textContent).toBe('未上传校企共同制定的人才培养方案，不能审批');
    fireEvent.click(screen.getByTestId('school-approval'));
    expect(await screen.findByText('学徒制项目不满足审批或完成的条件', {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.getByText('草稿')).toBeTruthy();
  });

  it('lets 易通集团 approve the class its school partner approved', async () => {
    await signIn('yitong');
    const waiting = (
      await getJson<{ items: ApprenticeshipItem[] }>('/api/apprenticeships?state=school_approved')
    ).items;
    expect(waiting).toHaveLength(1);
    renderPage(`/cooperation/apprenticeships/${waiting[0]!.id}`);
    fireEvent.click(await screen.findByTestId('enterprise-approval', {}, { timeout: 45_000 }));
    expect(await screen.findByText('校企已批准，实施中', {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.queryByTestId('enterprise-approval')).toBeNull();
    // The history names the party that took the step (its unit and account).
    expect(screen.getByText(/企业审批通过 · .*易通/)).toBeTruthy();
  });

  it('shows 区职业高中’s teaching factory with its projects and totals', async () => {
    await signIn('vhs');
    const centres = (await getJson<{ items: Centre[] }>('/api/cooperation-centres')).items;
    const factory = centres.find((c) => c.kind === 'teaching_factory')!;
    renderPage(`/cooperation/centres/${factory.id}`);
    const totals = await screen.findByTestId('centre-totals', {}, { timeout: 45_000 });
    expect(totals.textContent).toContain(`${factory.totals.projects} 个项目`);
    expect(totals.textContent).toContain('培训职工 45 人次');
    expect(screen.getByText('生产经营')).toBeTruthy();
    expect(screen.getByTestId('new-project')).toBeTruthy();
  });
});
