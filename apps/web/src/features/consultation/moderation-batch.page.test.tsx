import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, renderPage, signIn } from '@/test/render-page';

interface Listed {
  items: Array<{ id: string; status: string }>;
}
interface Detail {
  comments: Array<{ id: string; seq: number; status: string }>;
}

describe('the moderation queue (/consultation/:id): several comments at once', () => {
  let id: string;
  let pending: Detail['comments'];
  beforeAll(async () => {
    await signIn('coordinator');
    id = (await getJson<Listed>('/api/consultations')).items.find((c) => c.status === 'open')!.id;
    pending = (await getJson<Detail>(`/api/consultations/${id}`)).comments.filter(
      (c) => c.status === 'pending',
    );
  });

  it('publishes the ticked comments only, and leaves the others pending', async () => {
    expect(pending.length).toBeGreaterThanOrEqual(2);
    const [first, second] = pending;
    renderPage(`/consultation/${id}`);
    fireEvent.click(await screen.findByTestId('tab-queue', {}, { timeout: 30_000 }));
    const publish = await screen.findByTestId('moderation-batch-publish');
    expect(publish.closest('button')!.disabled).toBe(true);
    fireEvent.click(await screen.findByTestId(`moderation-select-${first!.seq}`));
    fireEvent.click(screen.getByTestId(`moderation-select-${second!.seq}`));
    expect(publish.textContent).toContain('批量公开（2）');
    fireEvent.click(publish);
    await waitFor(() => expect(screen.queryByTestId(`comment-row-${first!.seq}`)).toBeNull(), {
      timeout: 30_000,
    });
    const after = (await getJson<Detail>(`/api/consultations/${id}`)).comments;
    const statusOf = (cid: string) => after.find((c) => c.id === cid)!.status;
    expect([statusOf(first!.id), statusOf(second!.id)]).toEqual(['published', 'published']);
    expect(pending.slice(2).map((c) => statusOf(c.id))).toEqual(pending.slice(2).map(() => 'pending'));
  });
});
