import {
  RESOURCE_LICENCE_LABELS,
  RESOURCE_LICENCES,
  RESOURCE_TYPE_LABELS,
  RESOURCE_TYPES,
} from '@zhijiao/contracts';
import { Checkbox, Form, Input, Select, Typography } from 'antd';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useCreateResource, type ResourceInput } from '../api/create-resource';
import type { Resource } from '../types';
import { EvidenceUpload, uploadedIds, type EvidenceFile } from '@/components/evidence-upload';
import { OwnCourseSelect, OwnMajorSelect } from './own-record-select';

type Values = Omit<ResourceInput, 'fileId'> & { files: EvidenceFile[] };

/** 上传资源: the file (through the file guard), then its title, type, major, course, licence. */
export function ResourceUploadModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const save = useCreateResource();
  return (
    <FormModal<Values, ResourceInput, Resource>
      open={open}
      onClose={onClose}
      width={620}
      title={t('programs.resources.add')}
      okText={t('programs.save')}
      mutation={save}
      toInput={({ files, ...v }) => ({
        ...v,
        fileId: uploadedIds(files)[0]!,
        requestSharing: !!v.requestSharing && v.licence !== 'school_only',
      })}
      successMessage={(_, v) =>
        t(
          v.requestSharing && v.licence !== 'school_only'
            ? 'programs.done.resourceShared'
            : 'programs.done.resourceUploaded',
        )
      }
      initialValues={{
        resourceType: 'courseware',
        licence: 'cc_by_nc_4',
        description: '',
        requestSharing: true,
        files: [],
      }}
    >
      <ResourceFields />
    </FormModal>
  );
}

/** The fields; sharing is offered unless the licence keeps the resource in its school. */
function ResourceFields() {
  const t = useT();
  const lang = useLang();
  const licence = Form.useWatch('licence', Form.useFormInstance<Values>());
  return (
    <>
      <Form.Item
        name="files"
        label={t('programs.resources.file')}
        extra={t('programs.resources.fileHint')}
        rules={[
          {
            // Checked on submit; a file still uploading is not refused meanwhile.
            validator: (_, files: EvidenceFile[] = []) =>
              uploadedIds(files).length > 0 || files.some((f) => f.status === 'uploading')
                ? Promise.resolve()
                : Promise.reject(new Error(t('programs.resources.fileRequired'))),
          },
        ]}
      >
        <EvidenceUpload max={1} buttonTestId="resource-file" buttonLabel={t('programs.upload')} />
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
        <OwnMajorSelect allowClear />
      </Form.Item>
      <Form.Item name="courseId" label={t('programs.course')}>
        <OwnCourseSelect allowClear />
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
        <Typography.Text type="secondary">{pick(RESOURCE_LICENCE_LABELS.school_only, lang)}</Typography.Text>
      )}
    </>
  );
}
