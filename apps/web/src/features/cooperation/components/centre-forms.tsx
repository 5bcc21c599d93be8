import {
  CENTRE_KIND_LABELS,
  CENTRE_KINDS,
  CENTRE_PROJECT_KIND_LABELS,
  CENTRE_PROJECT_KINDS,
} from '@zhijiao/contracts';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useEnterpriseOptions } from '@/lib/reads/enterprise-options';
import {
  useSaveCentre,
  useSaveProject,
  type Centre,
  type CentreInput,
  type ProjectInput,
} from '../api/centres';

const half = { xs: 24, sm: 12 } as const;

/** 登记中心或教学工厂 (or edit one): kind, name, partners, field, opening date. */
export function CentreFormModal({
  open,
  onClose,
  onSaved,
  centre,
}: {
  open: boolean;
  onClose: () => void;
  onSaved?: (id: string) => void;
  centre?: Centre;
}) {
  const t = useT();
  const lang = useLang();
  const save = useSaveCentre();
  const enterprises = useEnterpriseOptions(open);
  const required = [{ required: true, message: t('common.required') }];
  type Values = Omit<CentreInput, 'openedOn'> & { openedOn: Dayjs };
  const initial: Partial<Values> = centre
    ? { ...centre, partnerIds: centre.partners.map((p) => p.id), openedOn: dayjs(centre.openedOn) }
    : { kind: 'innovation_centre', partnerIds: [], field: '' };
  return (
    <FormModal<Values, { id?: string; body: CentreInput }, Centre>
      open={open}
      onClose={onClose}
      width={600}
      title={t(centre ? 'cooperation.centres.edit' : 'cooperation.centres.add')}
      okText={t('cooperation.save')}
      testId="centre-save"
      mutation={save}
      toInput={({ openedOn, ...v }) => ({
        id: centre?.id,
        body: {
          ...v,
          field: v.field ?? '',
          partnerIds: v.partnerIds ?? [],
          openedOn: openedOn.format('YYYY-MM-DD'),
        },
      })}
      successMessage={t('cooperation.centres.saved')}
      onSaved={(c) => onSaved?.(c.id)}
      initialValues={initial}
    >
      <Form.Item name="kind" label={t('cooperation.centres.kind')} rules={required}>
        <Select options={CENTRE_KINDS.map((k) => ({ value: k, label: pick(CENTRE_KIND_LABELS[k], lang) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('cooperation.centres.name')} rules={required}>
        <Input maxLength={200} data-testid="centre-name" />
      </Form.Item>
      <Form.Item
        name="partnerIds"
        label={t('cooperation.centres.partners')}
        extra={t('cooperation.centres.noPartner')}
      >
        <Select
          mode="multiple"
          optionFilterProp="label"
          loading={enterprises.isLoading}
          options={enterprises.data ?? []}
          aria-label={t('cooperation.centres.partners')}
        />
      </Form.Item>
      <Form.Item name="field" label={t('cooperation.centres.field')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="openedOn" label={t('cooperation.centres.openedOn')} rules={required}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

type Project = Centre['projects'][number];

/** 登记项目 (or edit one) of a centre: kind, title, partner, dates and what it counts. */
export function ProjectFormModal({
  centre,
  project,
  onClose,
}: {
  centre: Centre;
  project?: Project;
  onClose: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const save = useSaveProject();
  const required = [{ required: true, message: t('common.required') }];
  type Values = Omit<ProjectInput, 'startsOn' | 'endsOn'> & { startsOn: Dayjs; endsOn?: Dayjs | null };
  const initial: Partial<Values> = project
    ? {
        ...project,
        enterpriseId: project.enterprise?.id ?? null,
        startsOn: dayjs(project.startsOn),
        endsOn: project.endsOn ? dayjs(project.endsOn) : null,
      }
    : { kind: 'staff_training', enterpriseId: null, note: '' };
  return (
    <FormModal<Values, { id: string; projectId?: string; body: ProjectInput }, Centre>
      open
      onClose={onClose}
      width={600}
      title={t(project ? 'cooperation.centres.editProject' : 'cooperation.centres.addProject')}
      okText={t('cooperation.save')}
      testId="project-save"
      mutation={save}
      toInput={({ startsOn, endsOn, ...v }) => ({
        id: centre.id,
        projectId: project?.id,
        body: {
          ...v,
          enterpriseId: v.enterpriseId ?? null,
          staffTrained: v.staffTrained ?? null,
          studentsTrained: v.studentsTrained ?? null,
          valueYuan: v.valueYuan ?? null,
          note: v.note ?? '',
          startsOn: startsOn.format('YYYY-MM-DD'),
          endsOn: endsOn ? endsOn.format('YYYY-MM-DD') : null,
        },
      })}
      successMessage={t('cooperation.centres.projectSaved')}
      initialValues={initial}
    >
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="kind" label={t('cooperation.centres.projectKind')} rules={required}>
            <Select
              options={CENTRE_PROJECT_KINDS.map((k) => ({
                value: k,
                label: pick(CENTRE_PROJECT_KIND_LABELS[k], lang),
              }))}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="enterpriseId" label={t('cooperation.centres.projectEnterprise')}>
            <Select allowClear options={centre.partners.map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t('cooperation.centres.projectTitle')} rules={required}>
        <Input maxLength={200} data-testid="project-title" />
      </Form.Item>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="startsOn" label={t('cooperation.centres.startsOn')} rules={required}>
            <DatePicker style={{ width: '100%' }} data-testid="project-starts" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="endsOn" label={t('cooperation.centres.endsOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="staffTrained" label={t('cooperation.centres.staffTrained')}>
            <InputNumber min={0} style={{ width: '100%' }} data-testid="project-staff" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="studentsTrained" label={t('cooperation.centres.studentsTrained')}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="valueYuan" label={t('cooperation.centres.valueYuan')}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('cooperation.apprenticeships.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
