import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useT } from '@/lib/i18n';
import type { MessageKey } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { useSubmitProject } from '../api/submit-project';
import { useWithdrawProject } from '../api/withdraw-project';
import type { ProjectDetail } from '../types';
import { ApprovalModal, CheckModal, RejectionModal, ScoreModal, type Step } from './project-step-modals';

/**
 * The buttons a project's abilities allow: 申报 / 撤回 for its school; 评分, 立项 / 不予立项,
 * 中期检查 and 验收 for the district's reviewers (each opens its form).
 */
export function ProjectActions({ project }: { project: ProjectDetail }) {
  const t = useT();
  const submit = useSubmitProject();
  const withdraw = useWithdrawProject();
  const showError = useShowError();
  const { modal } = App.useApp();
  const [open, setOpen] = useState<Step | null>(null);
  const a = project.abilities;
  const confirm = (mutation: typeof submit, label: MessageKey) =>
    modal.confirm({
      title: t(label),
      content: project.title,
      onOk: () => mutation.mutateAsync(project.id).catch((e: unknown) => showError(e)),
    });
  const close = () => setOpen(null);
  return (
    <>
      <Space wrap>
        {a.submit && (
          <Button type="primary" onClick={() => confirm(submit, 'programs.projects.submit')}>
            {t('programs.projects.submit')}
          </Button>
        )}
        {a.withdraw && (
          <Button onClick={() => confirm(withdraw, 'programs.projects.withdraw')}>
            {t('programs.projects.withdraw')}
          </Button>
        )}
        {a.score && (
          <Button data-testid="project-score" onClick={() => setOpen('score')}>
            {t('programs.projects.scoreAction')}
          </Button>
        )}
        {a.decide && project.averageScore !== null && (
          <Button type="primary" data-testid="project-approve" onClick={() => setOpen('approval')}>
            {t('programs.projects.approve')}
          </Button>
        )}
        {a.decide && (
          <Button danger onClick={() => setOpen('rejection')}>
            {t('programs.projects.reject')}
          </Button>
        )}
        {a.midterm && (
          <Button type="primary" onClick={() => setOpen('midterm')}>
            {t('programs.projects.midterm')}
          </Button>
        )}
        {a.acceptance && (
          <Button type="primary" onClick={() => setOpen('acceptance')}>
            {t('programs.projects.acceptance')}
          </Button>
        )}
      </Space>
      <ScoreModal project={project} open={open === 'score'} onClose={close} />
      <ApprovalModal project={project} open={open === 'approval'} onClose={close} />
      <RejectionModal project={project} open={open === 'rejection'} onClose={close} />
      <CheckModal project={project} stage="midterm" open={open === 'midterm'} onClose={close} />
      <CheckModal project={project} stage="acceptance" open={open === 'acceptance'} onClose={close} />
    </>
  );
}
