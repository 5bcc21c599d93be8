import { PROJECT_LEVEL_LABELS, PROJECT_LEVELS } from '@zhijiao/contracts';
import { DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '@/components/form-modal';
import { useT, type MessageKey } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useApproveProject, type ApprovalInput } from '../api/approve-project';
import { useRecordAcceptance } from '../api/record-acceptance';
import { useRecordMidterm, type CheckInput } from '../api/record-midterm';
import { useRejectProject, type RejectionInput } from '../api/reject-project';
import { useScoreProject, type ScoreInput } from '../api/score-project';
import type { ProjectDetail } from '../types';
import { EvidenceUpload, uploadedIds, type EvidenceFile } from '@/components/evidence-upload';

/** The steps of a project that open a form. */
export type Step = 'score' | 'approval' | 'rejection' | 'midterm' | 'acceptance';

const TITLES: Record<Step, MessageKey> = {
  score: 'programs.projects.scoreAction',
  approval: 'programs.projects.approve',
  rejection: 'programs.projects.reject',
  midterm: 'programs.projects.midterm',
  acceptance: 'programs.projects.acceptance',
};

interface StepModalProps {
  project: ProjectDetail;
  open: boolean;
  onClose: () => void;
}

/** The modal's title and buttons, the same for every step. */
function useStepModal(step: Step, { project, open, onClose }: StepModalProps) {
  const t = useT();
  return { open, onClose, title: `${t(TITLES[step])}：${project.title}`, okText: t('programs.save') };
}

/** `on` of the form as the API's date (YYYY-MM-DD), or absent for today. */
const dateOf = (on: Dayjs | undefined) => on?.format('YYYY-MM-DD');

/** 评分: the reviewer's score and opinion. */
export function ScoreModal(props: StepModalProps) {
  const t = useT();
  const modal = useStepModal('score', props);
  const required = useRequired();
  const save = useScoreProject();
  return (
    <FormModal<ScoreInput, { id: string; body: ScoreInput }, ProjectDetail>
      {...modal}
      mutation={save}
      toInput={(body) => ({ id: props.project.id, body })}
    >
      <Form.Item name="score" label={t('programs.projects.yourScore')} rules={required}>
        <InputNumber min={0} max={100} step={0.5} data-testid="score-input" />
      </Form.Item>
      <OpinionField />
    </FormModal>
  );
}

type ApprovalValues = Omit<ApprovalInput, 'on'> & { on?: Dayjs };

/** 立项: the level, a note (the document number), the date. */
export function ApprovalModal(props: StepModalProps) {
  const t = useT();
  const lang = useLang();
  const modal = useStepModal('approval', props);
  const required = useRequired();
  const save = useApproveProject();
  return (
    <FormModal<ApprovalValues, { id: string; body: ApprovalInput }, ProjectDetail>
      {...modal}
      mutation={save}
      toInput={(v) => ({
        id: props.project.id,
        body: { level: v.level, note: v.note ?? '', on: dateOf(v.on) },
      })}
      initialValues={{ level: 'provincial' }}
    >
      <Form.Item name="level" label={t('programs.projects.level')} rules={required}>
        <Select
          options={PROJECT_LEVELS.map((l) => ({ value: l, label: pick(PROJECT_LEVEL_LABELS[l], lang) }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('programs.projects.note')}>
        <Input maxLength={2000} />
      </Form.Item>
      <DateField />
    </FormModal>
  );
}

type RejectionValues = Omit<RejectionInput, 'on'> & { on?: Dayjs };

/** 不予立项: the reason and the date. */
export function RejectionModal(props: StepModalProps) {
  const t = useT();
  const modal = useStepModal('rejection', props);
  const required = useRequired();
  const save = useRejectProject();
  return (
    <FormModal<RejectionValues, { id: string; body: RejectionInput }, ProjectDetail>
      {...modal}
      mutation={save}
      toInput={(v) => ({ id: props.project.id, body: { reason: v.reason, on: dateOf(v.on) } })}
    >
      <Form.Item name="reason" label={t('programs.projects.reason')} rules={required}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <DateField />
    </FormModal>
  );
}

type CheckValues = Omit<CheckInput, 'on' | 'fileIds'> & { on?: Dayjs; files: EvidenceFile[] };

/** 中期检查 or 验收: passed or failed, the opinion, the date, files. */
export function CheckModal({ stage, ...props }: StepModalProps & { stage: 'midterm' | 'acceptance' }) {
  const t = useT();
  const modal = useStepModal(stage, props);
  const midterm = useRecordMidterm();
  const acceptance = useRecordAcceptance();
  return (
    <FormModal<CheckValues, { id: string; body: CheckInput }, ProjectDetail>
      {...modal}
      mutation={stage === 'midterm' ? midterm : acceptance}
      toInput={({ on, files, ...v }) => ({
        id: props.project.id,
        body: { ...v, on: dateOf(on), fileIds: uploadedIds(files) },
      })}
      initialValues={{ passed: true, files: [] }}
    >
      <Form.Item name="passed">
        <Radio.Group>
          <Radio value>{t('programs.projects.passed')}</Radio>
          <Radio value={false}>{t('programs.projects.failed')}</Radio>
        </Radio.Group>
      </Form.Item>
      <OpinionField />
      <DateField />
      <Form.Item name="files" label={t('programs.projects.files')}>
        <EvidenceUpload buttonLabel={t('programs.upload')} />
      </Form.Item>
    </FormModal>
  );
}

function useRequired() {
  const t = useT();
  return [{ required: true, message: t('common.required') }];
}

function OpinionField() {
  const t = useT();
  const required = useRequired();
  return (
    <Form.Item name="opinion" label={t('programs.projects.opinion')} rules={required}>
      <Input.TextArea rows={3} maxLength={2000} data-testid="opinion-input" />
    </Form.Item>
  );
}

function DateField() {
  const t = useT();
  return (
    <Form.Item name="on" label={t('programs.projects.date')}>
      <DatePicker />
    </Form.Item>
  );
}
