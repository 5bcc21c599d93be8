import type { ApiResponse } from '@zhijiao/contracts/api';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, renderPage, signIn } from '@/test/render-page';

const PLAN = 'shangdang-vet-2020';
type Evaluation = ApiResponse<'get', '/api/plans/{code}/evaluation'>['evaluation'];

/**
 * The final evaluation page (/plans/:code/evaluation) as the coordinator sees the demo plan, which
 * ended on 2022-12-31. The page server is shared, so the plan is never closed here: the test stops
 * at the confirmation.
 */
describe('the final evaluation page (终期评估), as the coordinator sees it', () => {
  let evaluation: Evaluation;
  beforeAll(async () => {
    await signIn('coordinator');
    evaluation = (await getJson<{ evaluation: Evaluation }>(`/api/plans/${PLAN}/evaluation`)).evaluation;
  });

  it('lists every task with its proposed outcome and every indicator with its verdict at the deadline', async () => {
    expect(evaluation.phase).toBe('ended');
    renderPage(`/plans/${PLAN}/evaluation`);
    await waitFor(() => expect(screen.getByTestId('evaluation-tasks')).toBeTruthy(), { timeout: 30_000 });
    const tasks = screen.getByTestId('evaluation-tasks');
    for (const task of evaluation.tasks) expect(tasks.textContent).toContain(task.label);
    const first = evaluation.tasks[0]!;
    const outcome = first.outcome ?? first.proposedOutcome;
    const label = { completed: '已完成', partly: '部分完成', not_completed: '未完成' }[outcome];
    expect(within(screen.getByTestId(`outcome-${first.label}`)).getByText(label)).toBeTruthy();
    const verdicts = within(screen.getByTestId('evaluation-indicators')).getAllByTestId('verdict-tag');
    expect(verdicts).toHaveLength(evaluation.indicators.length);
    expect(verdicts[0]!.textContent).toMatch(/^截止 \d{4}-\d{2}-\d{2} (已达成|未达成|无数据)$/);
    expect(screen.getByTestId('evaluation-page').textContent).not.toMatch(/逾期 \d+ 天/);
    expect(screen.getByTestId('evaluation-summary').textContent).toContain('任务：已完成');
  });

  it('asks for confirmation before closing the plan', async () => {
    renderPage(`/plans/${PLAN}/evaluation`);
    const close = await screen.findByTestId('close-plan', {}, { timeout: 30_000 });
    expect(screen.getByTestId('evaluation-save')).toBeTruthy();
    fireEvent.click(close);
    expect((await screen.findAllByText('确认以此终期评估关闭计划？')).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/此操作不可撤销/).length).toBeGreaterThan(0);
    expect(screen.getAllByTestId('close-plan-confirm').length).toBeGreaterThan(0);
  });
});
