import {
  MAJOR_STATUS_LABELS,
  MAJOR_STATUSES,
  NATIONAL_STANDARD_LABELS,
  NATIONAL_STANDARDS,
  type NationalStandard,
} from '@zhijiao/contracts';
import { Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal, useFormSubmit } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useCatalogue } from '../api/get-catalogue';
import { useOpenMajor, type OpenMajorInput } from '../api/open-major';
import { useRecordEnrolment, type EnrolmentInput } from '../api/record-enrolment';
import { useSetStandards } from '../api/set-standards';
import type { Major } from '../types';
import { chinaTodayDay, chinaYear } from '@/lib/format';

/** 开设专业: a catalogue entry (by code or name), a direction, a status, the year it opened. */
export function OpenMajorModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const catalogue = useCatalogue();
  const save = useOpenMajor();
  return (
    <FormModal<OpenMajorInput, OpenMajorInput, Major>
      open={open}
      onClose={onClose}
      title={t('programs.majors.add')}
      okText={t('programs.save')}
      mutation={save}
      toInput={(v) => v}
      successMessage={t('programs.done.majorOpened')}
      initialValues={{ status: 'active', direction: '' }}
    >
      <Form.Item
        name="catalogueCode"
        label={t('programs.majors.catalogue')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Select
          showSearch
          data-testid="major-catalogue"
          placeholder={t('programs.majors.cataloguePick')}
          aria-label={t('programs.majors.cataloguePick')}
          optionFilterProp="label"
          loading={catalogue.isLoading}
          options={(catalogue.data?.items ?? []).map((c) => ({
            value: c.code,
            label: `${c.name}（${c.code}） · ${c.categoryName}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="direction" label={t('programs.majors.direction')}>
        <Input placeholder={t('programs.majors.directionHint')} maxLength={60} />
      </Form.Item>
      <Form.Item name="status" label={t('programs.majors.status')}>
        <Select
          options={MAJOR_STATUSES.map((s) => ({ value: s, label: pick(MAJOR_STATUS_LABELS[s], lang) }))}
        />
      </Form.Item>
      <Form.Item name="establishedYear" label={t('programs.majors.since')}>
        <InputNumber min={1949} max={2100} style={{ width: 160 }} />
      </Form.Item>
    </FormModal>
  );
}

/** 录入招生: one year's intake and enrolled students (a second entry for a year corrects it). */
export function EnrolmentModal({ major, onClose }: { major: Major | null; onClose: () => void }) {
  const t = useT();
  const { form, submit, submitting } = useFormSubmit<
    EnrolmentInput,
    { id: string; body: EnrolmentInput },
    Major
  >({
    mutation: useRecordEnrolment(),
    toInput: (body) => ({ id: major!.id, body }),
    onSaved: onClose,
  });
  const last = major?.enrolment.at(-1);
  return (
    <Modal
      open={!!major}
      title={`${t('programs.majors.recordEnrolment')}：${major?.name ?? ''}`}
      okText={t('programs.save')}
      confirmLoading={submitting}
      onCancel={onClose}
      onOk={() => void submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="inline"
        preserve={false}
        initialValues={{
          year: (last?.year ?? chinaYear() - 1) + 1,
          intake: last?.intake,
          enrolled: last?.enrolled,
        }}
      >
        {(['year', 'intake', 'enrolled'] as const).map((f) => (
          <Form.Item
            key={f}
            name={f}
            label={t(`programs.majors.${f}`)}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={f === 'year' ? 2000 : 0} max={f === 'year' ? 2100 : 100000} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

type StandardRow = { on: boolean; adoptedOn?: Dayjs; note?: string };
type StandardValues = Record<NationalStandard, StandardRow>;

/** 执行标准: which of the four national standards the major applies, since when. */
export function StandardsModal({ major, onClose }: { major: Major | null; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const save = useSetStandards();
  const initial = Object.fromEntries(
    NATIONAL_STANDARDS.map((s) => {
      const have = major?.standards.find((x) => x.standard === s);
      return [s, { on: !!have, adoptedOn: have ? dayjs(have.adoptedOn) : undefined, note: have?.note ?? '' }];
    }),
  ) as StandardValues;
  return (
    <FormModal
      open={!!major}
      onClose={onClose}
      width={640}
      title={`${t('programs.majors.setStandards')}：${major?.name ?? ''}`}
      okText={t('programs.save')}
      layout="horizontal"
      mutation={save}
      toInput={(v: StandardValues) => ({
        id: major!.id,
        body: {
          standards: NATIONAL_STANDARDS.filter((s) => v[s]?.on).map((s) => ({
            standard: s,
            adoptedOn: (v[s].adoptedOn ?? chinaTodayDay()).format('YYYY-MM-DD'),
            note: v[s].note ?? '',
          })),
        },
      })}
      initialValues={initial}
    >
      {NATIONAL_STANDARDS.map((s) => (
        <div key={s} style={{ display: 'flex', gap: 8, alignItems: 'baseline' }}>
          <Form.Item name={[s, 'on']} valuePropName="checked" style={{ width: 180 }}>
            <Checkbox data-testid={`standard-${s}`}>{pick(NATIONAL_STANDARD_LABELS[s], lang)}</Checkbox>
          </Form.Item>
          <Form.Item name={[s, 'adoptedOn']}>
            <DatePicker placeholder={t('programs.majors.adoptedOn')} />
          </Form.Item>
          <Form.Item name={[s, 'note']} style={{ flex: 1 }}>
            <Input placeholder={t('programs.majors.note')} maxLength={500} />
          </Form.Item>
        </div>
      ))}
    </FormModal>
  );
}
