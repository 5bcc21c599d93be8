import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { firstSignIn, launchBrowser, shot, startServer, type RunningServer } from './support.ts';

const COMMENT = '建议在（三）中明确统一招生平台向社会公开各校招生计划的时间节点。';
const REPLY = '感谢您的建议，修订稿将明确每年5月底前公开各校招生计划。';

describe('a public comment from the portal to its reply (征求意见)', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a citizen comments without an account; the coordinator publishes and answers it; the public sees the reply', async () => {
    const { items } = (await fetch(`${server.url}/api/public/consultations`).then((r) => r.json())) as {
      items: Array<{ id: string; status: string }>;
    };
    const open = items.find((c) => c.status === 'open');
    expect(open, 'the demo opens a consultation').toBeDefined();

    // The public reads the draft clause by clause and comments on （三）, solving the challenge.
    const citizen = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await citizen.goto(server.url);
    await citizen.getByTestId('public-consultations-link').click();
    await citizen.getByTestId(`public-consultation-${open!.id}`).waitFor();
    await shot(citizen, '21-public-consultations');
    await citizen.goto(`${server.url}/consultations/${open!.id}`);
    await citizen.getByTestId('consultation-clause-task-3').waitFor();
    await citizen.getByTestId('comment-open-task-3').click();
    const form = citizen.getByTestId('comment-form-task-3');
    await form.getByTestId('comment-body').fill(COMMENT);
    await form.getByTestId('comment-contact').fill('13800138000');
    await shot(citizen, '22-public-comment-form');
    await form.getByTestId('comment-submit').click();
    await citizen.getByTestId('comment-success').waitFor({ timeout: 30_000 });
    // Pending moderation: not shown to the public yet.
    await citizen.reload();
    await citizen.getByTestId('consultation-clause-task-3').waitFor();
    expect(await citizen.getByText(COMMENT).count()).toBe(0);

    // The coordinator publishes it and answers with an adoption decision.
    const editor = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await firstSignIn(editor, server, 'coordinator');
    await editor.goto(`${server.url}/consultation/${open!.id}`);
    await editor.getByTestId('tab-queue').click();
    const pending = editor.locator('[data-testid^="comment-row-"]', { hasText: COMMENT }).first();
    await pending.waitFor();
    const seq = (await pending.getAttribute('data-testid'))!.replace('comment-row-', '');
    // The contact is never shown in full, even to the editors.
    expect(await editor.getByText('13800138000').count()).toBe(0);
    await shot(editor, '23-editor-moderation');
    await editor.getByTestId(`moderation-publish-${seq}`).click();
    await editor.getByTestId('tab-clauses').click();
    await editor.getByTestId(`reply-open-${seq}`).click();
    await editor.getByTestId('reply-text').fill(REPLY);
    await editor.getByTestId('reply-decision-adopted').click();
    await shot(editor, '24-editor-reply');
    await editor.getByTestId('reply-submit').click();
    await expect
      .poll(async () => (await editor.getByTestId(`comment-row-${seq}`).innerText()).includes(REPLY), {
        timeout: 10_000,
      })
      .toBe(true);

    // The public sees the comment and the reply, and never the contact.
    await citizen.reload();
    await citizen.getByTestId(`public-reply-${seq}`).waitFor();
    await expect(citizen.getByTestId(`public-reply-${seq}`).innerText()).resolves.toContain(REPLY);
    await expect(citizen.getByTestId(`public-comment-${seq}`).innerText()).resolves.toContain(COMMENT);
    expect(await citizen.content()).not.toContain('13800138000');
    await shot(citizen, '25-public-reply');
  });
});
