import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useNavigate } from 'react-router';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { useCreateSeason, type SeasonBody } from '../api/create-season';
import { chinaYear } from '@/lib/format';

/** The 中考 subjects most districts examine, in the exam office's column order. */
const DEFAULT_SUBJECTS = [
  { key: 'chinese', name: '语文' },
  { key: 'math', name: '数学' },
  { key: 'english', name: '英语' },
];

/** Creates a season: admission year, name, exam subjects and the tie-break order of 投档分. */
export function CreateSeasonModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const create = useCreateSeason();
  const navigate = useNavigate();
  const year = chinaYear() + 1;
  return (
    <FormModal
      open={open}
      onClose={onClose}
      title={t('enrollment.seasons.create')}
      width={620}
      okText={t('enrollment.create')}
      testId="season-form-submit"
      mutation={create}
      toInput={(v: SeasonBody) => ({
        ...v,
        name: v.name.trim(),
        subjects: v.subjects.map((s) => ({ key: s.key.trim(), name: s.name.trim() })),
      })}
      successMessage={t('enrollment.seasons.created')}
      onSaved={(season) => navigate(`/enrollment/seasons/${season.id}`)}
      initialValues={{
        admissionYear: year,
        name: t('enrollment.seasons.defaultName', { year }),
        subjects: DEFAULT_SUBJECTS,
        tieBreak: ['math', 'chinese', 'english'],
      }}
    >
      <Space align="start" wrap>
        <Form.Item
          name="admissionYear"
          label={t('enrollment.field.admissionYear')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={2000} max={2100} precision={0} data-testid="season-year" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('enrollment.field.seasonName')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}
        >
          <Input maxLength={100} style={{ width: 360 }} data-testid="season-name" />
        </Form.Item>
      </Space>
      <Form.List name="subjects">
        {(fields, { add, remove }) => (
          <Form.Item label={t('enrollment.field.subjects')} extra={t('enrollment.field.subjectsHint')}>
            {fields.map((field) => (
              <Space key={field.key} align="baseline">
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                >
                  <Input placeholder={t('enrollment.field.subjectName')} style={{ width: 140 }} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'key']}
                  rules={[
                    { required: true, message: t('common.required') },
                    { pattern: /^[a-z][a-zA-Z0-9]{0,31}$/, message: t('enrollment.field.subjectKeyRule') },
                  ]}
                >
                  <Input placeholder={t('enrollment.field.subjectKey')} style={{ width: 140 }} />
                </Form.Item>
                {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', name: '' })}>
              {t('enrollment.field.addSubject')}
            </Button>
          </Form.Item>
        )}
      </Form.List>
      <TieBreakField />
    </FormModal>
  );
}

/** The tie-break order, chosen among the subjects as typed so far. */
function TieBreakField() {
  const t = useT();
  const form = Form.useFormInstance<SeasonBody>();
  const subjects = (Form.useWatch('subjects', form) ?? []) as Partial<SeasonBody['subjects'][number]>[];
  return (
    <Form.Item
      name="tieBreak"
      label={t('enrollment.field.tieBreak')}
      extra={t('enrollment.field.tieBreakHint')}
    >
      <Select
        mode="multiple"
        options={subjects
          .filter((s) => s?.key)
          .map((s) => ({ value: s.key!, label: s.name ? `${s.name}（${s.key}）` : s.key }))}
      />
    </Form.Item>
  );
}
