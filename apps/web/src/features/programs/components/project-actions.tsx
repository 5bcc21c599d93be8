import { PROJECT_LEVEL_LABELS, PROJECT_LEVELS } from '@zhijiao/contracts';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '@/lib/i18n';
import type { MessageKey } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { useProjectStep } from '../api/projects';
import type { ProjectDetail } from '../types';
import { FileUpload, uploadedIds, type ProgramFile } from './file-upload';

type Step = 'score' | 'approval' | 'rejection' | 'midterm' | 'acceptance';
const TITLES: Record<Step, MessageKey> = {
  score: 'programs.projects.scoreAction',
  approval: 'programs.projects.approve',
  rejection: 'programs.projects.reject',
  midterm: 'programs.projects.midterm',
  acceptance: 'programs.projects.acceptance',
};

/**
 * The buttons a project's abilities allow: 申报 / 撤回 for its school; 评分, 立项 / 不予立项,
 * 中期检查 and 验收 for the district's reviewers (each opens its form).
 */
export function ProjectActions({ project }: { project: ProjectDetail }) {
  const t = useT();
  const step = useProjectStep();
  const showError = useShowError();
  const { modal } = App.useApp();
  const [open, setOpen] = useState<Step | null>(null);
  const a = project.abilities;
  const direct = (name: 'submission' | 'withdrawal', label: MessageKey) =>
    modal.confirm({
      title: t(label),
      content: project.title,
      onOk: () => step.mutateAsync({ id: project.id, step: name }).catch((e: unknown) => showError(e)),
    });
  return (
    <>
      <Space wrap>
        {a.submit && (
          <Button type="primary" onClick={() => direct('submission', 'programs.projects.submit')}>
            {t('programs.projects.submit')}
          </Button>
        )}
        {a.withdraw && (
          <Button onClick={() => direct('withdrawal', 'programs.projects.withdraw')}>
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
      {open && <StepModal project={project} step={open} onClose={() => setOpen(null)} />}
    </>
  );
}

type StepValues = {
  score?: number;
  opinion?: string;
  level?: string;
  note?: string;
  reason?: string;
  passed?: boolean;
  on?: Dayjs;
};

function StepModal({ project, step, onClose }: { project: ProjectDetail; step: Step; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const [form] = Form.useForm<StepValues>();
  const mutation = useProjectStep();
  const showError = useShowError();
  const [files, setFiles] = useState<ProgramFile[]>([]);
  const required = [{ required: true, message: t('common.required') }];
  const submit = (v: StepValues) => {
    const on = v.on?.format('YYYY-MM-DD');
    const body =
      step === 'score'
        ? { score: v.score, opinion: v.opinion }
        : step === 'approval'
          ? { level: v.level, note: v.note ?? '', on }
          : step === 'rejection'
            ? { reason: v.reason, on }
            : { passed: v.passed, opinion: v.opinion, on, fileIds: uploadedIds(files) };
    mutation.mutate(
      { id: project.id, step, body },
      { onSuccess: onClose, onError: (e) => showError(e, form) },
    );
  };
  return (
    <Modal
      open
      title={`${t(TITLES[step])}：${project.title}`}
      okText={t('programs.save')}
      cancelText={t('programs.cancel')}
      confirmLoading={mutation.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ passed: true, level: 'provincial' }}
        onFinish={submit}
      >
        {step === 'score' && (
          <Form.Item name="score" label={t('programs.projects.yourScore')} rules={required}>
            <InputNumber min={0} max={100} step={0.5} data-testid="score-input" />
          </Form.Item>
        )}
        {step === 'approval' && (
          <>
            <Form.Item name="level" label={t('programs.projects.level')} rules={required}>
              <Select
                options={PROJECT_LEVELS.map((l) => ({
                  value: l,
                  label: pick(PROJECT_LEVEL_LABELS[l], lang),
                }))}
              />
            </Form.Item>
            <Form.Item name="note" label={t('programs.projects.note')}>
              <Input maxLength={2000} />
            </Form.Item>
          </>
        )}
        {step === 'rejection' && (
          <Form.Item name="reason" label={t('programs.projects.reason')} rules={required}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
        {(step === 'midterm' || step === 'acceptance') && (
          <Form.Item name="passed">
            <Radio.Group>
              <Radio value>{t('programs.projects.passed')}</Radio>
              <Radio value={false}>{t('programs.projects.failed')}</Radio>
            </Radio.Group>
          </Form.Item>
        )}
        {(step === 'score' || step === 'midterm' || step === 'acceptance') && (
          <Form.Item name="opinion" label={t('programs.projects.opinion')} rules={required}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="opinion-input" />
          </Form.Item>
        )}
        {step !== 'score' && (
          <Form.Item name="on" label={t('programs.projects.date')}>
            <DatePicker />
          </Form.Item>
        )}
        {(step === 'midterm' || step === 'acceptance') && (
          <Form.Item label={t('programs.projects.files')}>
            <FileUpload value={files} onChange={setFiles} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
