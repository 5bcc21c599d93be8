import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { EnrollmentSex, EnrollmentTrack } from '@zhijiao/contracts';
import { Button, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { useAddProgram, type ProgramBody } from '../api/add-program';
import { useSchools } from '../api/get-schools';
import type { SeasonDetail } from '../types';
import { CODE_PATTERN, NameCodeFields } from './name-code-fields';

interface Values {
  batchId: string;
  code: string;
  name: string;
  track: EnrollmentTrack;
  schoolCode: string;
  quota: number;
  minScore?: number | null;
  requires?: { sex?: EnrollmentSex | 'any' };
  reserved?: { code: string; capacity: number; schoolCodes: string[] }[];
}

/**
 * Adds a program to a batch whose window has not opened: receiving school (普高 or 中职 by track),
 * quota, 最低控制分数线, a sex condition for a few majors, and 指标到校 groups of feeder junior highs.
 */
export function ProgramFormModal({
  season,
  open,
  onClose,
}: {
  season: SeasonDetail;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const add = useAddProgram();
  const schools = useSchools(open);
  const batches = season.batches.filter((b) => b.window === 'not_open');
  return (
    <FormModal
      open={open}
      onClose={onClose}
      title={t('enrollment.programs.add')}
      width={720}
      okText={t('enrollment.create')}
      testId="program-form-submit"
      mutation={add}
      toInput={(v: Values) => ({ seasonId: season.id, body: programBody(v) })}
      successMessage={t('enrollment.programs.added')}
      initialValues={{ batchId: batches[0]?.id, track: 'general', requires: { sex: 'any' }, quota: 50 }}
    >
      {(form) => (
        <>
          <Space align="start" wrap>
            <Form.Item
              name="batchId"
              label={t('enrollment.col.batch')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Select
                style={{ width: 180 }}
                data-testid="program-batch"
                options={batches.map((b) => ({ value: b.id, label: b.name }))}
              />
            </Form.Item>
            <Form.Item name="track" label={t('enrollment.col.track')} rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                onChange={() => form.setFieldValue('schoolCode', undefined)}
                options={[
                  { value: 'general', label: t('enrollment.track.general') },
                  { value: 'vocational', label: t('enrollment.track.vocational') },
                ]}
              />
            </Form.Item>
          </Space>
          <SchoolField schools={schools} />
          <NameCodeFields
            nameLabel={t('enrollment.field.programName')}
            nameExtra={t('enrollment.field.programNameHint')}
            nameWidth={240}
            testId="program"
          />
          <Space align="start" wrap>
            <Form.Item
              name="quota"
              label={t('enrollment.col.quota')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <InputNumber min={0} max={100000} precision={0} data-testid="program-quota" />
            </Form.Item>
            <Form.Item
              name="minScore"
              label={t('enrollment.col.minScore')}
              extra={t('enrollment.field.minScoreHint')}
            >
              <InputNumber min={0} max={10000} data-testid="program-min-score" />
            </Form.Item>
            <Form.Item name={['requires', 'sex']} label={t('enrollment.col.requires')}>
              <Select
                style={{ width: 140 }}
                options={[
                  { value: 'any', label: t('enrollment.sexOnly.any') },
                  { value: 'F', label: t('enrollment.sexOnly.F') },
                  { value: 'M', label: t('enrollment.sexOnly.M') },
                ]}
              />
            </Form.Item>
          </Space>
          <Form.List name="reserved">
            {(fields, { add: addGroup, remove }) => (
              <Form.Item label={t('enrollment.col.reserved')} extra={t('enrollment.field.reservedHint')}>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item
                      name={[field.name, 'code']}
                      rules={[
                        {
                          required: true,
                          pattern: CODE_PATTERN,
                          message: t('enrollment.field.codeRule'),
                        },
                      ]}
                    >
                      <Input placeholder={t('enrollment.field.code')} style={{ width: 100 }} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'capacity']}
                      rules={[{ required: true, message: t('common.required') }]}
                    >
                      <InputNumber
                        min={0}
                        precision={0}
                        placeholder={t('enrollment.field.reservedSeats')}
                        style={{ width: 110 }}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'schoolCodes']}
                      rules={[{ required: true, message: t('common.required') }]}
                    >
                      <Select
                        mode="multiple"
                        optionFilterProp="label"
                        style={{ minWidth: 260 }}
                        placeholder={t('enrollment.field.feederSchools')}
                        aria-label={t('enrollment.field.feederSchools')}
                        options={schools.juniorHigh.map((u) => ({ value: u.code, label: u.name }))}
                      />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => addGroup({ code: `R${fields.length + 1}`, capacity: 1, schoolCodes: [] })}
                >
                  {t('enrollment.field.addReserved')}
                </Button>
              </Form.Item>
            )}
          </Form.List>
        </>
      )}
    </FormModal>
  );
}

/** The receiving school: a 普高 for the general track, a 中职 for the vocational one. */
function SchoolField({ schools }: { schools: ReturnType<typeof useSchools> }) {
  const t = useT();
  const track = Form.useWatch('track', Form.useFormInstance<Values>()) ?? 'general';
  return (
    <Form.Item
      name="schoolCode"
      label={t('enrollment.col.school')}
      rules={[{ required: true, message: t('common.required') }]}
    >
      <Select
        showSearch
        optionFilterProp="label"
        loading={schools.isLoading}
        data-testid="program-school"
        options={(track === 'general' ? schools.general : schools.vocational).map((u) => ({
          value: u.code,
          label: u.name,
        }))}
      />
    </Form.Item>
  );
}

function programBody(v: Values): ProgramBody {
  const sex = v.requires?.sex;
  return {
    batchId: v.batchId,
    code: v.code.trim(),
    name: v.name.trim(),
    schoolCode: v.schoolCode,
    track: v.track,
    quota: v.quota,
    minScore: v.minScore ?? null,
    requires: sex && sex !== 'any' ? { sex } : {},
    reserved: (v.reserved ?? []).map((r) => ({
      code: r.code.trim(),
      capacity: r.capacity,
      schoolCodes: r.schoolCodes,
    })),
  };
}
