import {
  RESOURCE_LICENCE_LABELS,
  RESOURCE_LICENCES,
  RESOURCE_TYPE_LABELS,
  RESOURCE_TYPES,
} from '@zhijiao/contracts';
import { App, Checkbox, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { useCourses } from '../api/courses';
import { useMajors } from '../api/majors';
import { useCreateResource, type ResourceBody } from '../api/resources';
import { FileUpload, uploadedIds, type ProgramFile } from './file-upload';

type Values = Omit<ResourceBody, 'fileId'>;

/** 上传资源: the file (through the file guard), then its title, type, major, course, licence. */
export function ResourceUploadModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<ProgramFile[]>([]);
  const majors = useMajors();
  const courses = useCourses();
  const save = useCreateResource();
  const showError = useShowError();
  const { message } = App.useApp();
  const licence = Form.useWatch('licence', form);
  return (
    <Modal
      open={open}
      width={620}
      title={t('programs.resources.add')}
      okText={t('programs.save')}
      cancelText={t('programs.cancel')}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      afterClose={() => setFiles([])}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          resourceType: 'courseware',
          licence: 'cc_by_nc_4',
          description: '',
          requestSharing: true,
        }}
        onFinish={(v) => {
          const [fileId] = uploadedIds(files);
          if (!fileId) {
            void message.warning(t('programs.resources.fileRequired'));
            return;
          }
          save.mutate(
            { ...v, fileId, requestSharing: v.requestSharing && v.licence !== 'school_only' },
            {
              onSuccess: () => {
                void message.success(t('programs.saved'));
                onClose();
              },
              onError: (e) => showError(e, form),
            },
          );
        }}
      >
        <Form.Item label={t('programs.resources.file')} extra={t('programs.resources.fileHint')}>
          <FileUpload value={files} onChange={setFiles} max={1} testId="resource-file" />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('programs.resources.name')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input maxLength={200} data-testid="resource-title" />
        </Form.Item>
        <Form.Item name="resourceType" label={t('programs.resources.type')}>
          <Select
            options={RESOURCE_TYPES.map((r) => ({ value: r, label: pick(RESOURCE_TYPE_LABELS[r], lang) }))}
          />
        </Form.Item>
        <Form.Item name="majorId" label={t('programs.major')}>
          <Select
            allowClear
            options={(majors.data ?? [])
              .filter((m) => m.abilities.edit)
              .map((m) => ({ value: m.id, label: m.name }))}
          />
        </Form.Item>
        <Form.Item name="courseId" label={t('programs.course')}>
          <Select
            allowClear
            options={(courses.data ?? [])
              .filter((c) => c.abilities.edit)
              .map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="licence" label={t('programs.resources.licence')}>
          <Select
            options={RESOURCE_LICENCES.map((l) => ({
              value: l,
              label: pick(RESOURCE_LICENCE_LABELS[l], lang),
            }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t('programs.resources.description')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="requestSharing" valuePropName="checked">
          <Checkbox disabled={licence === 'school_only'}>{t('programs.resources.requestNow')}</Checkbox>
        </Form.Item>
        {licence === 'school_only' && (
          <Typography.Text type="secondary">
            {pick(RESOURCE_LICENCE_LABELS.school_only, lang)}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
