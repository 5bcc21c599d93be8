import {
  MAJOR_STATUS_LABELS,
  MAJOR_STATUSES,
  NATIONAL_STANDARD_LABELS,
  NATIONAL_STANDARDS,
  type MajorStatus,
  type NationalStandard,
} from '@zhijiao/contracts';
import { App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { useCatalogue, useOpenMajor, useRecordEnrolment, useSetStandards } from '../api/majors';
import type { Major } from '../types';

/** 开设专业: a catalogue entry (by code or name), a direction, a status, the year it opened. */
export function OpenMajorModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const [form] = Form.useForm<{
    catalogueCode: string;
    direction: string;
    status: MajorStatus;
    establishedYear?: number;
  }>();
  const catalogue = useCatalogue();
  const save = useOpenMajor();
  const showError = useShowError();
  const { message } = App.useApp();
  return (
    <Modal
      open={open}
      title={t('programs.majors.add')}
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
        initialValues={{ status: 'active', direction: '' }}
        onFinish={(v) =>
          save.mutate(v, {
            onSuccess: () => {
              void message.success(t('programs.saved'));
              onClose();
            },
            onError: (e) => showError(e, form),
          })
        }
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
            optionFilterProp="label"
            loading={catalogue.isLoading}
            options={(catalogue.data?.items ?? []).map((c) => ({
              value: c.code,
              label: `${c.code} ${c.name}（${c.categoryName}）${c.verified ? '' : ` · ${t('programs.majors.unverified')}`}`,
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
      </Form>
    </Modal>
  );
}

/** 录入招生: one year's intake and enrolled students (a second entry for a year corrects it). */
export function EnrolmentModal({ major, onClose }: { major: Major | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ year: number; intake: number; enrolled: number }>();
  const save = useRecordEnrolment();
  const showError = useShowError();
  const last = major?.enrolment.at(-1);
  return (
    <Modal
      open={!!major}
      title={`${t('programs.majors.recordEnrolment')}：${major?.name ?? ''}`}
      okText={t('programs.save')}
      cancelText={t('programs.cancel')}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="inline"
        initialValues={{
          year: (last?.year ?? dayjs().year() - 1) + 1,
          intake: last?.intake,
          enrolled: last?.enrolled,
        }}
        onFinish={(v) =>
          save.mutate({ id: major!.id, ...v }, { onSuccess: onClose, onError: (e) => showError(e, form) })
        }
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

/** 执行标准: which of the four national standards the major applies, since when. */
export function StandardsModal({ major, onClose }: { major: Major | null; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const [form] = Form.useForm<Record<NationalStandard, StandardRow>>();
  const save = useSetStandards();
  const showError = useShowError();
  const initial = Object.fromEntries(
    NATIONAL_STANDARDS.map((s) => {
      const have = major?.standards.find((x) => x.standard === s);
      return [s, { on: !!have, adoptedOn: have ? dayjs(have.adoptedOn) : undefined, note: have?.note ?? '' }];
    }),
  );
  return (
    <Modal
      open={!!major}
      width={640}
      title={`${t('programs.majors.setStandards')}：${major?.name ?? ''}`}
      okText={t('programs.save')}
      cancelText={t('programs.cancel')}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        initialValues={initial}
        onFinish={(v) => {
          const standards = NATIONAL_STANDARDS.filter((s) => v[s]?.on).map((s) => ({
            standard: s,
            adoptedOn: (v[s].adoptedOn ?? dayjs()).format('YYYY-MM-DD'),
            note: v[s].note ?? '',
          }));
          save.mutate({ id: major!.id, standards }, { onSuccess: onClose, onError: (e) => showError(e) });
        }}
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
      </Form>
    </Modal>
  );
}
