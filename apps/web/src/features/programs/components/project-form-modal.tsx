import {
  PROJECT_KIND_LABELS,
  PROJECT_KINDS,
  TEACHER_PROJECT_KINDS,
  type ProjectKind,
} from '@zhijiao/contracts';
import { App, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { useCourses } from '../api/courses';
import { useMajors } from '../api/majors';
import { useCreateProject, type ProjectBody } from '../api/projects';
import { FileUpload, uploadedIds, type ProgramFile } from './file-upload';

type Values = Omit<ProjectBody, 'fileIds'>;

/** 项目申报: kind, name, summary, what it is about (major, course or teacher), materials. */
export function ProjectFormModal({ open, onClose }: { open: boolean; onClose: (id?: string) => void }) {
  const t = useT();
  const lang = useLang();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) as ProjectKind | undefined;
  const majors = useMajors();
  const courses = useCourses();
  const save = useCreateProject();
  const showError = useShowError();
  const { message } = App.useApp();
  const [files, setFiles] = useState<ProgramFile[]>([]);
  return (
    <Modal
      open={open}
      width={640}
      title={t('programs.projects.add')}
      okText={t('programs.save')}
      cancelText={t('programs.cancel')}
      confirmLoading={save.isPending}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      destroyOnHidden
      afterClose={() => setFiles([])}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'brand_major', summary: '', teacherName: '', submit: true }}
        onFinish={(v) =>
          save.mutate(
            { ...v, fileIds: uploadedIds(files) },
            {
              onSuccess: (res) => {
                void message.success(t('programs.saved'));
                onClose(res.project.id);
              },
              onError: (e) => showError(e, form),
            },
          )
        }
      >
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
            <Select
              options={(majors.data ?? [])
                .filter((m) => m.abilities.edit)
                .map((m) => ({ value: m.id, label: m.name }))}
            />
          </Form.Item>
        )}
        {(kind === 'quality_course' || kind === 'ideology_micro_course') && (
          <Form.Item
            name="courseId"
            label={t('programs.course')}
            rules={kind === 'quality_course' ? [{ required: true, message: t('common.required') }] : []}
          >
            <Select
              allowClear
              options={(courses.data ?? [])
                .filter((c) => c.abilities.edit)
                .map((c) => ({ value: c.id, label: c.name }))}
            />
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
        <Form.Item label={t('programs.projects.materials')}>
          <FileUpload value={files} onChange={setFiles} />
        </Form.Item>
        <Form.Item name="submit" valuePropName="checked">
          <Checkbox>{t('programs.projects.submitNow')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
