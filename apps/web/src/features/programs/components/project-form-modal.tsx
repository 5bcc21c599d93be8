import {
  PROJECT_KIND_LABELS,
  PROJECT_KINDS,
  TEACHER_PROJECT_KINDS,
  type ProjectKind,
} from '@zhijiao/contracts';
import { Checkbox, Form, Input, Select } from 'antd';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useCreateProject, type ProjectInput } from '../api/create-project';
import type { ProjectDetail } from '../types';
import { EvidenceUpload, uploadedIds, type EvidenceFile } from '@/components/evidence-upload';
import { OwnCourseSelect, OwnMajorSelect } from './own-record-select';

type Values = Omit<ProjectInput, 'fileIds'> & { files: EvidenceFile[] };

/** 项目申报: kind, name, summary, what it is about (major, course or teacher), materials. */
export function ProjectFormModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  /** The new project (the page opens it). */
  onCreated: (id: string) => void;
}) {
  const t = useT();
  const save = useCreateProject();
  return (
    <FormModal<Values, ProjectInput, ProjectDetail>
      open={open}
      onClose={onClose}
      width={640}
      title={t('programs.projects.add')}
      okText={t('programs.save')}
      mutation={save}
      toInput={({ files, ...v }) => ({ ...v, fileIds: uploadedIds(files) })}
      successMessage={(_, v) =>
        t(v.submit ? 'programs.done.projectSubmitted' : 'programs.done.projectDrafted')
      }
      onSaved={(project) => onCreated(project.id)}
      initialValues={{ kind: 'brand_major', summary: '', teacherName: '', submit: true, files: [] }}
    >
      <ProjectFields />
    </FormModal>
  );
}

/** The fields; which subject the project names depends on its kind. */
function ProjectFields() {
  const t = useT();
  const lang = useLang();
  const kind = Form.useWatch('kind', Form.useFormInstance<Values>()) as ProjectKind | undefined;
  return (
    <>
      <Form.Item name="kind" label={t('programs.projects.kind')}>
        <Select
          data-testid="project-kind"
          options={PROJECT_KINDS.map((k) => ({ value: k, label: pick(PROJECT_KIND_LABELS[k], lang) }))}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('programs.projects.name')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Input maxLength={200} data-testid="project-title" />
      </Form.Item>
      {kind === 'brand_major' && (
        <Form.Item
          name="majorId"
          label={t('programs.major')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <OwnMajorSelect />
        </Form.Item>
      )}
      {(kind === 'quality_course' || kind === 'ideology_micro_course') && (
        <Form.Item
          name="courseId"
          label={t('programs.course')}
          rules={kind === 'quality_course' ? [{ required: true, message: t('common.required') }] : []}
        >
          <OwnCourseSelect allowClear />
        </Form.Item>
      )}
      {kind && TEACHER_PROJECT_KINDS.includes(kind) && (
        <Form.Item
          name="teacherName"
          label={t('programs.projects.teacher')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
      )}
      <Form.Item name="summary" label={t('programs.projects.summary')}>
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
      <Form.Item name="files" label={t('programs.projects.materials')}>
        <EvidenceUpload buttonLabel={t('programs.upload')} />
      </Form.Item>
      <Form.Item name="submit" valuePropName="checked">
        <Checkbox>{t('programs.projects.submitNow')}</Checkbox>
      </Form.Item>
    </>
  );
}
