import { VET_PROGRAMME_KIND_LABELS, VET_PROGRAMME_KINDS } from '@zhijiao/contracts';
import { Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useAddProgramme, type Group, type ProgrammeInput } from '../api/groups';
import { chinaYear } from '@/lib/format';

const half = { xs: 24, sm: 12 } as const;

/** 新增合作项目: kind, name, year, the member units running it, places and enrolled. */
export function ProgrammeModal({
  group,
  open,
  onClose,
}: {
  group: Group;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const add = useAddProgramme();
  const required = [{ required: true, message: t('common.required') }];
  const units = [group.lead, ...group.members.map((m) => m.unit).filter((u) => u.id !== group.lead.id)];
  return (
    <FormModal<ProgrammeInput, { groupId: string; body: ProgrammeInput }, Group>
      open={open}
      onClose={onClose}
      width={620}
      title={t('vetGroups.addProgramme')}
      okText={t('trainingBases.save')}
      testId="programme-save"
      mutation={add}
      toInput={(v) => ({ groupId: group.id, body: { ...v, name: v.name.trim() } })}
      successMessage={t('trainingBases.saved')}
      onSaved={onClose}
      initialValues={{
        kind: 'articulation',
        year: chinaYear(),
        places: 30,
        enrolled: 0,
        unitIds: [],
      }}
    >
      <Form.Item name="kind" label={t('vetGroups.programmeKind')}>
        <Select
          options={VET_PROGRAMME_KINDS.map((k) => ({
            value: k,
            label: pick(VET_PROGRAMME_KIND_LABELS[k], lang),
          }))}
        />
      </Form.Item>
      <Form.Item name="name" label={t('vetGroups.programmeName')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="unitIds" label={t('vetGroups.programmeUnits')} rules={required}>
        <Select mode="multiple" options={units.map((u) => ({ value: u.id, label: u.name }))} />
      </Form.Item>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="year" label={t('trainingBases.year')} rules={required}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="places" label={t('vetGroups.places')} rules={required}>
            <InputNumber min={0} max={100000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="enrolled" label={t('vetGroups.enrolled')} rules={required}>
            <InputNumber min={0} max={100000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
        {({ getFieldValue }) =>
          getFieldValue('kind') === 'articulation' && (
            <Typography.Paragraph type="secondary" data-testid="typed-when-linked">
              {t('vetGroups.typedWhenLinked')}
            </Typography.Paragraph>
          )
        }
      </Form.Item>
    </FormModal>
  );
}
