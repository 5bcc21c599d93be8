import {
  DESTINATION_KIND_LABELS,
  DESTINATION_KINDS,
  DESTINATION_SOURCES,
  STUDY_LEVEL_LABELS,
  STUDY_LEVELS,
  STUDY_ROUTE_LABELS,
  STUDY_ROUTES,
  WORK_REGION_LABELS,
  WORK_REGIONS,
  type DestinationKind,
} from '@zhijiao/contracts';
import { AutoComplete, DatePicker, Form, Input, InputNumber, Radio, Select, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useEnterpriseOptions } from '@/lib/reads/enterprise-options';
import { useRecordDestination } from '../api/destinations';
import type { Destination, DestinationBody, LearnerDestination } from '../destination-types';
import type { LearnerDetail } from '../types';

interface Values {
  kind: DestinationKind;
  settledOn?: Dayjs;
  employer?: string;
  relevantToMajor?: boolean;
  monthlyPay?: number;
  region?: Destination['region'];
  institutionName?: string;
  studyLevel?: Destination['studyLevel'];
  studyRoute?: Destination['studyRoute'];
  note?: string;
  source: Destination['source'];
}

type Option = { value: string; label: string };

/** The form's employer text as the API's: an enterprise of the register by its unit, else the name typed. */
function employerOf(text: string | undefined, enterprises: readonly Option[]) {
  const name = text?.trim() ?? '';
  const unit = enterprises.find((e) => e.label === name);
  return unit
    ? { employerUnitId: unit.value, employerName: null }
    : { employerUnitId: null, employerName: name || null };
}

/**
 * 登记毕业去向 (or correct it): the kind, then only the fields it asks — for work the employer (an
 * enterprise of the district's register is offered as typed), 专业对口, 起薪 and the region; for
 * further study the school, level and route — and where it came from (the school, or a graduate
 * survey). The server judges what each kind needs; its refusals come back on their fields.
 */
export function DestinationModal({
  learner,
  current,
  onClose,
}: {
  learner: LearnerDetail;
  current: Destination | null;
  onClose: () => void;
}) {
  const t = useT();
  const enterprises = useEnterpriseOptions(true);
  const options = enterprises.data ?? [];
  const initial: Partial<Values> = current
    ? {
        kind: current.kind,
        settledOn: current.settledOn ? dayjs(current.settledOn) : undefined,
        employer: current.employerName ?? undefined,
        relevantToMajor: current.relevantToMajor ?? undefined,
        monthlyPay: current.monthlyPay ?? undefined,
        region: current.region ?? undefined,
        institutionName: current.institutionName ?? undefined,
        studyLevel: current.studyLevel ?? undefined,
        studyRoute: current.studyRoute ?? undefined,
        note: current.note ?? undefined,
        source: current.source,
      }
    : { kind: 'employed', source: 'school' };
  const toInput = (v: Values): { id: string; body: DestinationBody } => ({
    id: learner.id,
    body: {
      kind: v.kind,
      settledOn: v.settledOn?.format('YYYY-MM-DD') ?? null,
      ...employerOf(v.employer, options),
      relevantToMajor: v.relevantToMajor ?? null,
      monthlyPay: v.monthlyPay ?? null,
      region: v.region ?? null,
      institutionName: v.institutionName?.trim() || null,
      studyLevel: v.studyLevel ?? null,
      studyRoute: v.studyRoute ?? null,
      note: v.note?.trim() || null,
      source: v.source,
    },
  });
  return (
    <FormModal<Values, { id: string; body: DestinationBody }, LearnerDestination>
      open
      onClose={onClose}
      width={600}
      title={t('destinations.form.title', { name: learner.name })}
      testId="destination-save"
      mutation={useRecordDestination()}
      toInput={toInput}
      mapPath={(path) => {
        const last = path[path.length - 1];
        return last === 'employerName' || last === 'employerUnitId' ? ['employer'] : path.slice(-1);
      }}
      successMessage={t('destinations.form.saved')}
      initialValues={initial}
    >
      {(form) => <DestinationFields form={form} enterprises={options} />}
    </FormModal>
  );
}

/** The fields of the kind chosen. */
function DestinationFields({
  form,
  enterprises,
}: {
  form: FormInstance<Values>;
  enterprises: readonly Option[];
}) {
  const t = useT();
  const lang = useLang();
  const kind = Form.useWatch('kind', form) ?? 'employed';
  const choices = <T extends string>(values: readonly T[], labels: Record<T, { zh: string; en: string }>) =>
    values.map((v) => ({ value: v, label: pick(labels[v], lang) }));
  const working = kind === 'employed' || kind === 'self_employed';
  return (
    <>
      <Form.Item name="kind" label={t('destinations.form.kind')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          data-testid="destination-kind"
          options={DESTINATION_KINDS.map((k) => ({
            value: k,
            label: (
              <span data-testid={`destination-kind-${k}`}>{pick(DESTINATION_KIND_LABELS[k], lang)}</span>
            ),
          }))}
        />
      </Form.Item>
      {kind !== 'seeking' && kind !== 'other' && (
        <Form.Item
          name="settledOn"
          label={t('destinations.form.settledOn')}
          extra={t('destinations.form.settledOnHint')}
        >
          <DatePicker style={{ width: '100%' }} data-testid="destination-settled-on" />
        </Form.Item>
      )}
      {working && (
        <>
          <Form.Item
            name="employer"
            label={t(
              kind === 'employed' ? 'destinations.form.employerUnit' : 'destinations.form.businessName',
            )}
            extra={kind === 'employed' ? t('destinations.form.employerUnitHint') : undefined}
          >
            <AutoComplete
              data-testid="destination-employer"
              options={kind === 'employed' ? enterprises.map((e) => ({ value: e.label })) : []}
              filterOption={(input, option) => String(option?.value ?? '').includes(input.trim())}
              maxLength={200}
            />
          </Form.Item>
          <Form.Item name="relevantToMajor" label={t('destinations.form.relevant')}>
            <Radio.Group
              data-testid="destination-relevant"
              options={[
                { value: true, label: t('destinations.form.yes') },
                { value: false, label: t('destinations.form.no') },
              ]}
            />
          </Form.Item>
          <Form.Item name="monthlyPay" label={t('destinations.form.monthlyPay')}>
            <InputNumber style={{ width: '100%' }} precision={0} data-testid="destination-pay" />
          </Form.Item>
          <Form.Item name="region" label={t('destinations.form.region')}>
            <Radio.Group
              data-testid="destination-region"
              options={choices(WORK_REGIONS, WORK_REGION_LABELS)}
            />
          </Form.Item>
        </>
      )}
      {kind === 'further_study' && (
        <>
          <Form.Item name="institutionName" label={t('destinations.form.institution')}>
            <Input maxLength={200} data-testid="destination-institution" />
          </Form.Item>
          <Form.Item name="studyLevel" label={t('destinations.form.level')}>
            <Radio.Group
              data-testid="destination-level"
              options={choices(STUDY_LEVELS, STUDY_LEVEL_LABELS)}
            />
          </Form.Item>
          <Form.Item name="studyRoute" label={t('destinations.form.route')}>
            <Select data-testid="destination-route" options={choices(STUDY_ROUTES, STUDY_ROUTE_LABELS)} />
          </Form.Item>
        </>
      )}
      <Form.Item name="note" label={t('destinations.form.note')} extra={t('destinations.form.noteHint')}>
        <Input.TextArea rows={2} maxLength={500} data-testid="destination-note" />
      </Form.Item>
      <Form.Item name="source" label={t('destinations.form.source')}>
        <Radio.Group
          options={DESTINATION_SOURCES.map((s) => ({ value: s, label: t(`destinations.source.${s}`) }))}
        />
      </Form.Item>
    </>
  );
}
