import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CERTIFICATE_KINDS,
  CERTIFICATE_KIND_LABELS,
  SKILL_LEVELS,
  SKILL_LEVEL_LABELS,
} from '@zhijiao/contracts';
import { Button, DatePicker, Divider, Flex, Form, Input, InputNumber, Select } from 'antd';
import type { ReactNode } from 'react';
import type { MessageKey } from '@/lib/i18n';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';

const required = { required: true, message: '' };

/** One repeatable part of the record: a heading, rows of fields, an add button. */
function PartList({
  name,
  title,
  empty,
  row,
}: {
  name: string;
  title: MessageKey;
  empty: Record<string, unknown>;
  row: (field: number) => ReactNode;
}) {
  const t = useT();
  return (
    <>
      <Divider titlePlacement="start" plain style={{ margin: '8px 0' }}>
        {t(title)}
      </Divider>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Flex key={f.key} gap={8} align="baseline" wrap>
                {row(f.name)}
                <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="remove" />
              </Flex>
            ))}
            <Button
              type="dashed"
              size="small"
              icon={<PlusOutlined />}
              onClick={() => add(empty)}
              data-testid={`teacher-add-${name}`}
            >
              {t('teachers.addRow')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}

/**
 * The lists of a teacher record as form sections: majors taught, 专业课 periods (from/to), enterprise
 * work history, certificates and practice hours per year. Dates are dayjs values in the form.
 */
export function TeacherFormLists() {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <PartList
        name="majors"
        title="teachers.section.majors"
        empty={{ code: '', name: '' }}
        row={(n) => (
          <>
            <Form.Item name={[n, 'code']} rules={[required]}>
              <Input placeholder={t('teachers.field.majorCode')} style={{ width: 120 }} maxLength={20} />
            </Form.Item>
            <Form.Item name={[n, 'name']}>
              <Input placeholder={t('teachers.field.majorName')} style={{ width: 220 }} maxLength={100} />
            </Form.Item>
          </>
        )}
      />
      <PartList
        name="specialisedPeriods"
        title="teachers.section.periods"
        empty={{}}
        row={(n) => (
          <>
            <Form.Item name={[n, 'startsOn']} rules={[required]}>
              <DatePicker placeholder={t('teachers.col.from')} />
            </Form.Item>
            <Form.Item name={[n, 'endsOn']}>
              <DatePicker placeholder={t('teachers.col.toOngoing')} />
            </Form.Item>
          </>
        )}
      />
      <PartList
        name="workHistory"
        title="teachers.section.work"
        empty={{ employer: '', industry: '', job: '' }}
        row={(n) => (
          <>
            <Form.Item name={[n, 'employer']} rules={[required]}>
              <Input placeholder={t('teachers.col.employer')} style={{ width: 170 }} maxLength={200} />
            </Form.Item>
            <Form.Item name={[n, 'industry']}>
              <Input placeholder={t('teachers.col.industry')} style={{ width: 100 }} maxLength={100} />
            </Form.Item>
            <Form.Item name={[n, 'startsOn']} rules={[required]}>
              <DatePicker placeholder={t('teachers.col.from')} />
            </Form.Item>
            <Form.Item name={[n, 'endsOn']}>
              <DatePicker placeholder={t('teachers.col.toOngoing')} />
            </Form.Item>
          </>
        )}
      />
      <PartList
        name="certificates"
        title="teachers.section.certs"
        empty={{ kind: 'vocational_qualification', name: '', issuer: '', certificateNo: '', level: null }}
        row={(n) => (
          <>
            <Form.Item name={[n, 'kind']} rules={[required]}>
              <Select
                style={{ width: 150 }}
                options={CERTIFICATE_KINDS.map((k) => ({
                  value: k,
                  label: pick(CERTIFICATE_KIND_LABELS[k], lang),
                }))}
              />
            </Form.Item>
            <Form.Item name={[n, 'name']} rules={[required]}>
              <Input placeholder={t('teachers.col.certName')} style={{ width: 120 }} maxLength={200} />
            </Form.Item>
            <Form.Item name={[n, 'level']}>
              <Select
                allowClear
                placeholder={t('teachers.col.level')}
                aria-label={t('teachers.col.level')}
                style={{ width: 150 }}
                options={SKILL_LEVELS.map((l) => ({ value: l, label: pick(SKILL_LEVEL_LABELS[l], lang) }))}
              />
            </Form.Item>
            <Form.Item name={[n, 'issuer']}>
              <Input placeholder={t('teachers.col.issuer')} style={{ width: 150 }} maxLength={200} />
            </Form.Item>
            <Form.Item name={[n, 'issuedOn']} rules={[required]}>
              <DatePicker placeholder={t('teachers.col.issuedOn')} />
            </Form.Item>
          </>
        )}
      />
      <PartList
        name="practice"
        title="teachers.section.practice"
        empty={{ enterprise: '' }}
        row={(n) => (
          <>
            <Form.Item name={[n, 'year']} rules={[required]}>
              <InputNumber
                placeholder={t('teachers.col.year')}
                min={1950}
                max={2200}
                style={{ width: 100 }}
              />
            </Form.Item>
            <Form.Item name={[n, 'hours']} rules={[required]}>
              <InputNumber placeholder={t('teachers.col.hours')} min={0} max={8784} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name={[n, 'enterprise']}>
              <Input placeholder={t('teachers.col.enterprise')} style={{ width: 200 }} maxLength={200} />
            </Form.Item>
          </>
        )}
      />
    </>
  );
}
