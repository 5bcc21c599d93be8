import type { ApiResponse } from '@zhijiao/contracts/api';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatDateTime } from '@/lib/format';
import { getJson, renderPage, signIn } from '@/test/render-page';
import { residentIdCheckChar } from '../../../../server/src/platform/validation/identifiers.ts';

type Post = ApiResponse<'get', '/api/internship-posts'>['items'][number];
type Placement = ApiResponse<'get', '/api/internship-placements/{id}'>['placement'];

/** happy-dom's window: its viewport decides antd's breakpoints (`matchMedia`). */
const setViewport = (width: number) =>
  (
    window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }
  ).happyDOM.setViewport({ width, height: 844 });

/** A synthetic, valid 居民身份证号 (上党区 140404) of a second-year student of 19, unique per call. */
function studentId(): string {
  const year = new Date().getFullYear() - 19;
  const body = `140404${year}0315${String(Math.floor(Math.random() * 900) + 100)}`;
  return body + residentIdCheckChar(body);
}

/** A minimal valid PDF: the upload guard checks the magic bytes. */
const pdf = (name: string) =>
  new File(['%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'], name, {
    type: 'application/pdf',
  });

/** Writes as the signed-in user through the API (what the test sets up, not what it checks). */
async function send(method: 'POST' | 'PUT', path: string, body: unknown) {
  const { csrfToken } = await getJson<{ csrfToken: string }>('/api/auth/me');
  const res = await fetch(path, {
    method,
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    body: body instanceof FormData ? body : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

async function uploadPdf(name: string): Promise<string> {
  const { csrfToken } = await getJson<{ csrfToken: string }>('/api/auth/me');
  const form = new FormData();
  form.append('file', pdf(name), name);
  const res = await fetch('/api/files', {
    method: 'POST',
    headers: { 'x-csrf-token': csrfToken },
    body: form,
  });
  if (!res.ok) throw new Error(`upload ${name}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** 振东集团's running 药品生产线岗位实习, on which 区职业高中 may place its students. */
async function runningPost(): Promise<Post> {
  const posts = (await getJson<{ items: Post[] }>('/api/internship-posts?state=published&limit=500')).items;
  const post = posts.find((p) => p.abilities.place && p.title === '药品生产线岗位实习');
  if (!post) throw new Error('no post of 振东集团 open to 区职业高中');
  return post;
}

/**
 * The internships pages (学生实习) on the demo district: 振东集团 reads its own posts; 区职业高中
 * places a student on 振东集团's post, is refused at 启动实习 with each missing document named, and
 * starts the internship once the insurance is on file through the page; on a phone the placements
 * are cards. The page server is shared: the placement this file makes is its own.
 */
describe('the internships pages (学生实习)', () => {
  afterEach(() => setViewport(1440));

  describe('as 振东集团 (an enterprise)', () => {
    // The file's first sign-in waits for the page server to finish loading the demo district.
    beforeAll(() => signIn('zhendong'), 240_000);

    it('lists 振东集团’s own posts by their Chinese names, without its own name in every row', async () => {
      const own = (await getJson<{ items: Post[] }>('/api/internship-posts?limit=500')).items;
      expect(new Set(own.map((p) => p.enterprise.name))).toEqual(new Set(['振东集团']));
      const { container } = renderPage('/internships/posts');
      await waitFor(() => expect(screen.getAllByTestId('post-link')).toHaveLength(own.length), {
        timeout: 45_000,
      });
      const table = container.querySelector('.ant-table')!;
      const headers = [...table.querySelectorAll('th')].map((th) => th.textContent);
      expect(headers).not.toContain('实习单位');
      expect(headers).toContain('实习报酬（元/月）');
      const text = table.textContent!;
      for (const shown of ['认识实习', '岗位实习', '草稿', '已发布', '已关闭', '无报酬', '2,800'])
        expect(text).toContain(shown);
      // No enum value or code reaches the page.
      for (const code of ['cognitive', 'published', 'draft', 'closed', 'post'])
        expect(text).not.toMatch(new RegExp(`\\b${code}\\b`));
      expect(screen.getByTestId('new-post').textContent).toContain('发布实习岗位');
    });

    it('names the internships todo on 振东集团’s workbench by the module, and it leads to the draft post', async () => {
      renderPage('/workbench');
      const todo = await screen.findByTestId(/^todo-internships:post:/, {}, { timeout: 45_000 });
      expect(todo.textContent).toContain('学生实习');
      expect(todo.textContent).not.toContain('workbench.source');
      expect(within(todo).getByTestId('todo-link').getAttribute('href')).toMatch(
        /^\/internships\/posts\/[\w-]+$/,
      );
    });

    it('shows 振东集团 the consent and the policy of its intern as on file, without a link, and names each document filed', async () => {
      const running = (
        await getJson<{ items: Array<{ id: string }> }>('/api/internship-placements?state=active&limit=500')
      ).items;
      renderPage(`/internships/placements/${running[0]!.id}`);
      const consent = await screen.findByTestId('document-consent', {}, { timeout: 45_000 });
      expect(within(consent).getByTestId('document-consent-on-file').textContent).toBe('已备案');
      expect(consent.querySelector('a[href^="/api/files/"]')).toBeNull();
      expect(screen.getByTestId('document-insurance').querySelector('a[href^="/api/files/"]')).toBeNull();
      expect(screen.getByTestId('document-agreement').querySelector('a[href^="/api/files/"]')).not.toBeNull();
      const steps = screen.getAllByTestId('placement-event').map((e) => e.textContent);
      expect(steps.filter((s) => s?.startsWith('更新实习材料'))).toContain(
        '更新实习材料：三方协议、知情同意书、实习责任保险',
      );
    });
  });

  describe('as 区职业高中 (a vocational school)', () => {
    beforeAll(() => signIn('vhs'));

    it('refuses 启动实习 naming what is missing, and starts once the insurance is uploaded', async () => {
      const post = await runningPost();
      const { router } = renderPage(`/internships/posts/${post.id}`);
      // 安排学生: the form fills the major, pay and period from the post.
      fireEvent.click(await screen.findByTestId('place-student', {}, { timeout: 45_000 }));
      fireEvent.change(await screen.findByTestId('placement-student'), { target: { value: '页面测试学生' } });
      fireEvent.change(screen.getByTestId('placement-id'), { target: { value: studentId() } });
      fireEvent.click(screen.getByTestId('placement-save'));
      await waitFor(() =>
        expect(router.state.location.pathname).toMatch(/^\/internships\/placements\/[\w-]+$/),
      );
      const id = router.state.location.pathname.split('/').pop()!;

      // The checklist names each missing document, each with its upload button; the rules pass.
      const checklist = await screen.findByTestId('activation-checklist');
      for (const item of ['agreement', 'consent', 'insurance']) {
        const row = within(checklist).getByTestId(`check-${item}`);
        expect(row.dataset.ok).toBe('false');
        expect(within(row).getByText('未满足')).toBeTruthy();
        expect(within(row).getByTestId(`check-upload-${item}`)).toBeTruthy();
      }
      expect(within(checklist).getByTestId('reason-AGREEMENT_MISSING').textContent).toBe(
        '未签订学校、实习单位、学生三方实习协议',
      );
      expect(within(checklist).getByTestId('reason-INSURANCE_MISSING').textContent).toBe(
        '未投保学生实习责任保险',
      );
      expect(within(checklist).getByTestId('check-rules').dataset.ok).toBe('true');

      // The agreement and the consent are put on file (as the school's clerk would, by the API here).
      const placement = (await getJson<{ placement: Placement }>(`/api/internship-placements/${id}`))
        .placement;
      await send('PUT', `/api/internship-placements/${id}/documents`, {
        agreement: { fileId: await uploadPdf('三方协议.pdf'), signedOn: placement.startsOn },
        consent: {
          fileId: await uploadPdf('知情同意书.pdf'),
          studentSignedOn: placement.startsOn,
          guardianSignedOn: null,
        },
      });
      // The page again, as the clerk comes back to it (a fresh app, so nothing cached).
      cleanup();
      renderPage(`/internships/placements/${id}`);
      await waitFor(() => expect(screen.getByTestId('check-agreement').dataset.ok).toBe('true'), {
        timeout: 45_000,
      });
      expect(screen.getByTestId('check-consent').dataset.ok).toBe('true');
      // 启动实习 is refused: the insurance is still missing, and the message says so.
      fireEvent.click(screen.getByTestId('activate'));
      expect(await screen.findByText('不满足启动实习的条件', {}, { timeout: 15_000 })).toBeTruthy();
      expect(screen.getAllByText('未投保学生实习责任保险').length).toBeGreaterThan(1);
      expect(screen.getByTestId('placement-history').textContent).not.toContain('启动实习');

      // The policy through the page: the period comes filled with the placement's, the payer 学校.
      fireEvent.click(screen.getByTestId('check-upload-insurance'));
      const upload = (await screen.findByTestId('upload-insurance')).querySelector('input[type=file]')!;
      fireEvent.change(upload, { target: { files: [pdf('实习责任保险单.pdf')] } });
      await screen.findByText('实习责任保险单.pdf', {}, { timeout: 15_000 });
      await waitFor(() =>
        expect(
          screen.getByTestId('upload-insurance-item').querySelector('.ant-upload-list-item-done'),
        ).not.toBeNull(),
      );
      fireEvent.change(screen.getByTestId('insurance-insurer'), {
        target: { value: '中国人民财产保险股份有限公司长治市分公司' },
      });
      fireEvent.change(screen.getByTestId('insurance-policy'), { target: { value: 'PZBA-PAGE-0001' } });
      fireEvent.click(screen.getByTestId('documents-save'));
      await waitFor(() => expect(screen.getByTestId('check-insurance').dataset.ok).toBe('true'));
      expect(screen.getByTestId('checklist-ready').textContent).toBe('条件已满足，可以启动实习');

      fireEvent.click(screen.getByTestId('activate'));
      expect(await screen.findByText('实习已启动', {}, { timeout: 15_000 })).toBeTruthy();
      await waitFor(() => expect(screen.queryByTestId('activation-checklist')).toBeNull());
      expect(screen.getByTestId('placement-history').textContent).toContain('启动实习');
      const started = (await getJson<{ placement: Placement }>(`/api/internship-placements/${id}`)).placement;
      expect(started.state).toBe('active');
      expect(started.insurance?.file.name).toBe('实习责任保险单.pdf');
    });

    it('shows each placement as a card with its document ticks on a 390 px phone', async () => {
      const own = (await getJson<{ items: Array<{ id: string }> }>('/api/internship-placements?limit=500'))
        .items;
      setViewport(390);
      const { container } = renderPage('/internships/placements');
      await waitFor(() => expect(container.querySelector('[data-cards]')).not.toBeNull(), {
        timeout: 45_000,
      });
      expect(container.querySelector('.ant-table')).toBeNull();
      const cards = container.querySelectorAll('[data-cards] .ant-card');
      expect(cards).toHaveLength(Math.min(own.length, 20));
      const first = cards[0]!.textContent!;
      for (const label of ['身份证号', '实习材料', '协议', '同意书', '保险']) expect(first).toContain(label);
      // A school's own list does not repeat its name on every card.
      expect(first).not.toContain('学校');
      expect(first).toMatch(/140404\*{8}\d{3}[\dX]/);
    });
    it('says on a running placement that its policy ends before the placement (extended past it)', async () => {
      type Row = {
        id: string;
        state: string;
        documents: { insurance: boolean };
        insuredUntil: string | null;
      };
      const rows = (await getJson<{ items: Row[] }>('/api/internship-placements?state=active&limit=500'))
        .items;
      // The demo's 区职业高中 placement extended past its policy (the red alert's case) and one covered.
      const gap = rows.find((r) => r.insuredUntil !== null && !r.documents.insurance);
      const covered = rows.find((r) => r.documents.insurance);
      if (!gap || !covered)
        throw new Error('the demo has no running placement of 区职业高中 with and without cover');
      setViewport(1440);
      renderPage(`/internships/placements/${gap.id}`);
      const alert = await screen.findByTestId('insurance-gap', {}, { timeout: 45_000 });
      expect(alert.textContent).toContain(`未覆盖整个实习期`);
      expect(alert.textContent).toContain(gap.insuredUntil!);
      cleanup();
      renderPage(`/internships/placements/${covered.id}`);
      await screen.findByTestId('document-insurance', {}, { timeout: 45_000 });
      expect(screen.queryByTestId('insurance-gap')).toBeNull();
    });
  });

  describe('as 区职教中心 (a vocational school with past and running placements)', () => {
    beforeAll(() => signIn('vec'));

    it('shows a past placement’s evaluations, result and incidents, with the insurer’s notification', async () => {
      const done = (
        await getJson<{ items: Array<{ id: string }> }>(
          '/api/internship-placements?state=completed&limit=500',
        )
      ).items;
      let withIncident: Placement | undefined;
      for (const p of done) {
        const full = (await getJson<{ placement: Placement }>(`/api/internship-placements/${p.id}`))
          .placement;
        if (!full.incidents.some((i) => i.injury)) continue;
        withIncident = full;
        break;
      }
      expect(withIncident).toBeDefined();
      renderPage(`/internships/placements/${withIncident!.id}`);
      const evaluations = await screen.findByTestId('evaluations-card', {}, { timeout: 45_000 });
      expect(within(evaluations).getByTestId('placement-result').textContent).toMatch(
        /综合考核结果(优秀|良好|合格)/,
      );
      expect(within(evaluations).getByTestId('evaluation-enterprise').textContent).toContain(
        '企业指导教师评价',
      );
      expect(within(evaluations).getByTestId('evaluation-school').textContent).toContain('学校指导教师评价');
      const incidents = screen.getByTestId('incidents-card');
      expect(incidents.textContent).toContain('已于');
      expect(incidents.textContent).toMatch(/工伤|意外伤害/);
      for (const code of ['work_injury', 'accidental_injury', 'enterprise', 'excellent', 'good'])
        expect(incidents.textContent! + evaluations.textContent!).not.toMatch(new RegExp(`\\b${code}\\b`));
    });

    it('names what completing still needs on a 390 px phone, and takes the school supervisor’s evaluation', async () => {
      const running = (
        await getJson<{ items: Array<{ id: string; post: { kind: string } }> }>(
          '/api/internship-placements?state=active&limit=500',
        )
      ).items.find((p) => p.post.kind === 'post');
      setViewport(390);
      renderPage(`/internships/placements/${running!.id}`);
      const complete = await screen.findByText('实习结束', { selector: 'button span' }, { timeout: 45_000 });
      fireEvent.click(complete);
      expect(await screen.findByTestId('reason-ENTERPRISE_EVALUATION_MISSING')).toBeTruthy();
      expect(screen.getByTestId('reason-SCHOOL_EVALUATION_MISSING').textContent).toBe(
        '缺少学校指导教师的考核评价',
      );
      expect((screen.getByTestId('end-ok') as HTMLButtonElement).disabled).toBe(true);
      fireEvent.click(document.querySelector('.ant-modal-footer button')!);

      fireEvent.click(screen.getByTestId('evaluate-school'));
      const grade = await screen.findByTestId('evaluation-grade');
      fireEvent.click(within(grade).getByText('良好'));
      fireEvent.change(screen.getByTestId('evaluation-comments'), { target: { value: '实习周志完整' } });
      fireEvent.click(screen.getByTestId('evaluation-save'));
      await waitFor(() => expect(screen.getByTestId('evaluation-school').textContent).toContain('良好'), {
        timeout: 15_000,
      });
      expect(screen.getByTestId('evaluation-school').textContent).toContain('实习周志完整');
    });

    it('puts the server’s refusal of an insurer notification before the incident on the time field', async () => {
      const running = (
        await getJson<{ items: Array<{ id: string; post: { kind: string } }> }>(
          '/api/internship-placements?state=active&limit=500',
        )
      ).items.find((p) => p.post.kind === 'post');
      const hourAgo = new Date(Date.now() - 3_600_000);
      const { placement } = (await send('POST', `/api/internship-placements/${running!.id}/incidents`, {
        occurredAt: hourAgo.toISOString(),
        kind: 'property_loss',
        severity: 'minor',
        description: '设备轻微损坏',
        measures: '',
        insurerNotifiedAt: null,
        claimReference: '',
        fileIds: [],
      })) as { placement: Placement };
      const incident = placement.incidents.find((i) => i.description === '设备轻微损坏')!;
      renderPage(`/internships/placements/${running!.id}`);
      const item = await screen.findByTestId(`incident-${incident.id}`, {}, { timeout: 45_000 });
      fireEvent.click(within(item).getByTestId('incident-notify'));
      const save = await screen.findByTestId('incident-notify-save');
      const modal = save.closest('.ant-modal') as HTMLElement;
      const time = within(modal.querySelector('.ant-picker') as HTMLElement).getByRole('textbox');
      // Two hours ago on China's clock: before the incident.
      const before = formatDateTime(new Date(Date.now() - 7_200_000).toISOString());
      fireEvent.mouseDown(time);
      fireEvent.change(time, { target: { value: before } });
      fireEvent.keyDown(time, { key: 'Enter' });
      fireEvent.click(save);
      await waitFor(
        () =>
          expect(modal.querySelector('.ant-form-item-explain-error')?.textContent).toBe(
            '报保险公司的时间早于事故发生时间',
          ),
        { timeout: 15_000 },
      );
    });
  });
});
