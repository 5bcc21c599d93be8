import {
  TRAINING_BASE_KIND_LABELS,
  TRAINING_BASE_KINDS,
  TRAINING_BASE_STATUS_LABELS,
  TRAINING_BASE_STATUSES,
  type TrainingBaseStatus,
} from '@zhijiao/contracts';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { EvidenceUpload, storedFileList, uploadedIds, type EvidenceFile } from '@/components/evidence-upload';
import { FormModal } from '@/components/form-modal';
import { FormRows } from '@/components/form-rows';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useSession } from '@/lib/session';
import type { Base } from '../api/get-base';
import { useUnits } from '../api/get-units';
import { useSaveBase, type BaseInput } from '../api/save-base';
import { keepsBases } from '../access';

type Values = Omit<BaseInput, 'plannedOn' | 'constructionStartedOn' | 'operatingSince' | 'documentIds'> & {
  plannedOn?: Dayjs | null;
  constructionStartedOn?: Dayjs | null;
  operatingSince?: Dayjs | null;
  files: EvidenceFile[];
};

const half = { xs: 24, sm: 12 } as const;
const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);

/** 登记实训基地 (or edit one): owner, partners, majors, stations, status with its dates, equipment, documents. */
export function BaseFormModal({
  open,
  onClose,
  onSaved,
  base,
}: {
  open: boolean;
  onClose: () => void;
  onSaved?: (id: string) => void;
  base?: Base;
}) {
  const t = useT();
  const lang = useLang();
  const me = useSession();
  const save = useSaveBase();
  const units = useUnits().data ?? [];
  const keeper = keepsBases(me);
  const required = [{ required: true, message: t('common.required') }];
  const enterprises = units.filter((u) => u.type === 'enterprise');
  const schools = units.filter((u) => u.type === 'school' || u.type === 'college');
  const initial: Partial<Values> = base
    ? {
        ...base,
        ownerId: base.owner.id,
        partnerIds: base.partners.map((p) => p.id),
        plannedOn: base.plannedOn ? dayjs(base.plannedOn) : null,
        constructionStartedOn: base.constructionStartedOn ? dayjs(base.constructionStartedOn) : null,
        operatingSince: base.operatingSince ? dayjs(base.operatingSince) : null,
        files: storedFileList(base.documents),
      }
    : {
        kind: keeper ? 'high_level' : 'in_school',
        ownerId: keeper ? undefined : me?.orgUnit.id,
        partnerIds: [],
        majors: [],
        capacity: 30,
        location: '',
        status: 'planned',
        equipment: [],
        files: [],
      };
  return (
    <FormModal<Values, { id?: string; body: BaseInput }, Base>
      open={open}
      onClose={onClose}
      width={760}
      title={t(base ? 'trainingBases.edit' : 'trainingBases.add')}
      okText={t('trainingBases.save')}
      testId="base-save"
      mutation={save}
      toInput={({ files, plannedOn, constructionStartedOn, operatingSince, ...v }) => ({
        id: base?.id,
        body: {
          ...v,
          name: v.name.trim(),
          location: v.location ?? '',
          plannedOn: day(plannedOn),
          constructionStartedOn: day(constructionStartedOn),
          operatingSince: day(operatingSince),
          equipment: v.equipment ?? [],
          documentIds: uploadedIds(files ?? []),
        },
      })}
      mapPath={(path) => (path[0] === 'documentIds' ? ['files'] : path)}
      successMessage={t('trainingBases.saved')}
      onSaved={(b) => onSaved?.(b.id)}
      initialValues={initial}
    >
      <Form.Item name="name" label={t('trainingBases.name')} rules={required}>
        <Input maxLength={100} data-testid="base-name" />
      </Form.Item>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="kind" label={t('trainingBases.kind')}>
            <Select
              disabled={!keeper}
              options={TRAINING_BASE_KINDS.filter((k) => keeper === (k === 'high_level')).map((k) => ({
                value: k,
                label: pick(TRAINING_BASE_KIND_LABELS[k], lang),
              }))}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="ownerId" label={t('trainingBases.owner')} rules={required}>
            <Select
              disabled={!keeper}
              showSearch
              optionFilterProp="label"
              options={(keeper ? enterprises : schools).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="partnerIds" label={t('trainingBases.partners')}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={[...enterprises, ...schools].map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="majors" label={t('trainingBases.majors')}>
            <Select mode="tags" tokenSeparators={[',', '，', '、']} aria-label={t('trainingBases.majors')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="capacity" label={t('trainingBases.capacity')} rules={required}>
            <InputNumber min={1} max={10000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="location" label={t('trainingBases.location')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="status" label={t('trainingBases.status')}>
            <Select
              options={TRAINING_BASE_STATUSES.map((s: TrainingBaseStatus) => ({
                value: s,
                label: pick(TRAINING_BASE_STATUS_LABELS[s], lang),
              }))}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="plannedOn" label={t('trainingBases.plannedOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="constructionStartedOn" label={t('trainingBases.constructionStartedOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="operatingSince" label={t('trainingBases.operatingSince')}>
            <DatePicker style={{ width: '100%' }} data-testid="base-operating-since" />
          </Form.Item>
        </Col>
      </Row>
      <FormRows
        name="equipment"
        label={t('trainingBases.equipment')}
        addLabel={t('trainingBases.addEquipment')}
        removeLabel={t('trainingBases.remove')}
        newRow={() => ({ quantity: 1, unitValue: 0 })}
      >
        {(f) => (
          <>
            <Form.Item name={[f.name, 'name']} rules={required} noStyle>
              <Input placeholder={t('trainingBases.equipmentName')} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name={[f.name, 'quantity']} rules={required} noStyle>
              <InputNumber min={1} placeholder={t('trainingBases.quantity')} style={{ width: 90 }} />
            </Form.Item>
            <Form.Item name={[f.name, 'unitValue']} rules={required} noStyle>
              <InputNumber min={0} placeholder={t('trainingBases.unitValue')} style={{ width: 140 }} />
            </Form.Item>
          </>
        )}
      </FormRows>
      <Form.Item name="files" label={t('trainingBases.documents')}>
        <EvidenceUpload max={20} testId="base-documents" />
      </Form.Item>
    </FormModal>
  );
}
