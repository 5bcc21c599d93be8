import {
  COURSE_CATEGORIES,
  COURSE_CATEGORY_LABELS,
  TEXTBOOK_TYPE_LABELS,
  TEXTBOOK_TYPES,
} from '@zhijiao/contracts';
import { Form, Input, InputNumber, Select, Switch } from 'antd';
import { FormModal } from '@/components/form-modal';
import { FormRows } from '@/components/form-rows';
import { chinaYear } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useAddCourse, type CourseInput } from '../api/add-course';
import { useAddTextbook, type TextbookInput } from '../api/add-textbook';
import { useEnterpriseOptions } from '@/lib/reads/enterprise-options';
import type { Course } from '../types';
import { OwnMajorSelect } from './own-record-select';

/**
 * 新增课程 at the user's school, optionally under one of its majors, with the enterprises of the
 * district's register that co-develop it (共同开发课程) and the year each began.
 */
export function CourseModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const save = useAddCourse();
  const enterprises = useEnterpriseOptions(open);
  return (
    <FormModal<CourseInput, CourseInput, Course>
      open={open}
      onClose={onClose}
      title={t('programs.courses.add')}
      okText={t('programs.save')}
      mutation={save}
      toInput={(v) => v}
      initialValues={{ category: 'professional', code: '', partnerEnterprises: [] }}
      testId="course-save"
    >
      <Form.Item
        name="name"
        label={t('programs.courses.name')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="majorId" label={t('programs.major')}>
        <OwnMajorSelect allowClear />
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
      <FormRows
        name="partnerEnterprises"
        label={t('programs.courses.partners')}
        addLabel={t('programs.courses.addPartner')}
        removeLabel={t('programs.courses.removePartner')}
        newRow={() => ({ sinceYear: chinaYear() })}
      >
        {(field) => (
          <>
            <Form.Item
              name={[field.name, 'enterpriseId']}
              rules={[{ required: true, message: t('common.required') }]}
              noStyle
            >
              <Select
                showSearch
                optionFilterProp="label"
                style={{ width: 240 }}
                loading={enterprises.isLoading}
                options={enterprises.data ?? []}
                placeholder={t('programs.courses.partner')}
                aria-label={t('programs.courses.partner')}
                data-testid="course-partner"
              />
            </Form.Item>
            <Form.Item name={[field.name, 'sinceYear']} rules={[{ required: true }]} noStyle>
              <InputNumber
                min={2000}
                max={2100}
                precision={0}
                style={{ width: 130 }}
                suffix={t('programs.courses.sinceSuffix')}
                aria-label={t('programs.courses.sinceYear')}
              />
            </Form.Item>
          </>
        )}
      </FormRows>
    </FormModal>
  );
}

/** 添加教材: title, publisher, national planned or not, the form (传统 / 活页式 / 工作手册式), digital resources. */
export function TextbookModal({ course, onClose }: { course: Course | null; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const save = useAddTextbook();
  return (
    <FormModal<TextbookInput, { courseId: string; body: TextbookInput }, Course>
      open={!!course}
      onClose={onClose}
      title={`${t('programs.courses.addTextbook')}：${course?.name ?? ''}`}
      okText={t('programs.save')}
      mutation={save}
      toInput={(body) => ({ courseId: course!.id, body })}
      initialValues={{
        isbn: '',
        publisher: '',
        nationalPlanned: false,
        textbookType: 'traditional',
        hasDigitalResources: false,
        digitalResources: '',
      }}
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
    </FormModal>
  );
}
