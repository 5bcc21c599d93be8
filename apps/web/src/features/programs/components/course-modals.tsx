import {
  COURSE_CATEGORIES,
  COURSE_CATEGORY_LABELS,
  TEXTBOOK_TYPE_LABELS,
  TEXTBOOK_TYPES,
} from '@zhijiao/contracts';
import { Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { useAddCourse, useAddTextbook, type CourseBody, type TextbookBody } from '../api/courses';
import { useMajors } from '../api/majors';
import type { Course } from '../types';

/** 新增课程 at the user's school, optionally under one of its majors. */
export function CourseModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const [form] = Form.useForm<CourseBody>();
  const majors = useMajors();
  const save = useAddCourse();
  const showError = useShowError();
  return (
    <Modal
      open={open}
      title={t('programs.courses.add')}
      okText={t('programs.save')}
      cancelText={t('programs.cancel')}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ category: 'professional', code: '' }}
        onFinish={(v) => save.mutate(v, { onSuccess: onClose, onError: (e) => showError(e, form) })}
      >
        <Form.Item
          name="name"
          label={t('programs.courses.name')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="majorId" label={t('programs.major')}>
          <Select
            allowClear
            options={(majors.data ?? [])
              .filter((m) => m.abilities.edit)
              .map((m) => ({ value: m.id, label: m.name }))}
          />
        </Form.Item>
        <Form.Item name="category" label={t('programs.courses.category')}>
          <Select
            options={COURSE_CATEGORIES.map((c) => ({
              value: c,
              label: pick(COURSE_CATEGORY_LABELS[c], lang),
            }))}
          />
        </Form.Item>
        <Form.Item name="code" label={t('programs.courses.code')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="hours" label={t('programs.courses.hours')}>
          <InputNumber min={1} max={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 添加教材: title, publisher, national planned or not, the form (传统 / 活页式 / 工作手册式), digital resources. */
export function TextbookModal({ course, onClose }: { course: Course | null; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const [form] = Form.useForm<TextbookBody>();
  const save = useAddTextbook();
  const showError = useShowError();
  return (
    <Modal
      open={!!course}
      title={`${t('programs.courses.addTextbook')}：${course?.name ?? ''}`}
      okText={t('programs.save')}
      cancelText={t('programs.cancel')}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          isbn: '',
          publisher: '',
          nationalPlanned: false,
          textbookType: 'traditional',
          hasDigitalResources: false,
          digitalResources: '',
        }}
        onFinish={(body) =>
          save.mutate(
            { courseId: course!.id, body },
            { onSuccess: onClose, onError: (e) => showError(e, form) },
          )
        }
      >
        <Form.Item
          name="title"
          label={t('programs.textbook.title')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="publisher" label={t('programs.textbook.publisher')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="isbn" label={t('programs.textbook.isbn')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="textbookType" label={t('programs.textbook.type')}>
          <Select
            options={TEXTBOOK_TYPES.map((x) => ({ value: x, label: pick(TEXTBOOK_TYPE_LABELS[x], lang) }))}
          />
        </Form.Item>
        <Form.Item name="nationalPlanned" label={t('programs.textbook.planned')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="hasDigitalResources" label={t('programs.textbook.digital')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="digitalResources" label={t('programs.textbook.digitalWhat')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
