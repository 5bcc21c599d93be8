import { APPRENTICESHIP_SCHEME_LABELS, APPRENTICESHIP_SCHEMES } from '@zhijiao/contracts';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { EvidenceUpload } from '@/components/evidence-upload';
import { FormModal } from '@/components/form-modal';
import { FormRows } from '@/components/form-rows';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useAgreements } from '../api/agreements';
import { useSaveApprenticeship, type Apprenticeship, type ApprenticeshipInput } from '../api/apprenticeships';
import {
  PeriodField,
  periodFileInput,
  periodFilePath,
  periodFileValues,
  type PeriodFileValues,
} from './period-file-fields';

type Values = Omit<ApprenticeshipInput, 'startsOn' | 'endsOn' | 'planFileId' | 'stages'> &
  PeriodFileValues & { stages: Array<{ title: string; plannedEndOn: Dayjs }> };

const half = { xs: 24, sm: 12 } as const;

/** 新建学徒制项目 (or edit a draft): agreement, scheme, period, apprentices, mentors, plan and stages. */
export function ApprenticeshipFormModal({
  open,
  onClose,
  onSaved,
  apprenticeship: a,
}: {
  open: boolean;
  onClose: () => void;
  onSaved?: (id: string) => void;
  apprenticeship?: Apprenticeship;
}) {
  const t = useT();
  const lang = useLang();
  const save = useSaveApprenticeship();
  const agreements = useAgreements({ status: a ? undefined : 'in_force' });
  const required = [{ required: true, message: t('common.required') }];
  const initial: Partial<Values> = a
    ? {
        ...a,
        ...periodFileValues(a, a.planFile),
        stages: a.stages.map((s) => ({ title: s.title, plannedEndOn: dayjs(s.plannedEndOn) })),
      }
    : {
        scheme: 'modern',
        apprenticeCount: 1,
        schoolMentors: [],
        enterpriseMentors: [],
        planSummary: '',
        files: [],
        stages: [],
      };
  return (
    <FormModal<Values, { id?: string; body: ApprenticeshipInput }, Apprenticeship>
      open={open}
      onClose={onClose}
      width={720}
      title={t(a ? 'cooperation.apprenticeships.edit' : 'cooperation.apprenticeships.add')}
      okText={t('cooperation.save')}
      testId="apprenticeship-save"
      mutation={save}
      toInput={({ period, files, stages, ...v }) => ({
        id: a?.id,
        body: {
          ...v,
          planSummary: v.planSummary ?? '',
          ...periodFileInput({ period, files }, 'planFileId'),
          stages: (stages ?? []).map((s) => ({
            title: s.title,
            plannedEndOn: s.plannedEndOn.format('YYYY-MM-DD'),
          })),
        },
      })}
      mapPath={periodFilePath('planFileId')}
      successMessage={t('cooperation.apprenticeships.saved')}
      onSaved={(r) => onSaved?.(r.id)}
      initialValues={initial}
    >
      <Form.Item name="agreementId" label={t('cooperation.apprenticeships.agreement')} rules={required}>
        <Select
          disabled={!!a}
          loading={agreements.isLoading}
          aria-label={t('cooperation.apprenticeships.agreement')}
          data-testid="apprenticeship-agreement"
          options={(agreements.data ?? []).map((x) => ({
            value: x.id,
            label: `${x.title}（${x.startsOn} ~ ${x.endsOn}）`,
          }))}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="scheme" label={t('cooperation.apprenticeships.scheme')} rules={required}>
            <Select
              options={APPRENTICESHIP_SCHEMES.map((s) => ({
                value: s,
                label: pick(APPRENTICESHIP_SCHEME_LABELS[s], lang),
              }))}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="occupation" label={t('cooperation.apprenticeships.occupation')} rules={required}>
            <Input maxLength={100} data-testid="apprenticeship-occupation" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t('cooperation.apprenticeships.name')} rules={required}>
        <Input maxLength={200} data-testid="apprenticeship-title" />
      </Form.Item>
      <Row gutter={12}>
        <Col {...half}>
          <PeriodField />
        </Col>
        <Col {...half}>
          <Form.Item
            name="apprenticeCount"
            label={t('cooperation.apprenticeships.count')}
            extra={t('cooperation.apprenticeships.countHint')}
            rules={required}
          >
            <InputNumber min={0} max={100000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="schoolMentors" label={t('cooperation.apprenticeships.schoolMentors')}>
            <Select
              mode="tags"
              tokenSeparators={[',', '，', '、']}
              aria-label={t('cooperation.apprenticeships.schoolMentors')}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="enterpriseMentors" label={t('cooperation.apprenticeships.enterpriseMentors')}>
            <Select
              mode="tags"
              tokenSeparators={[',', '，', '、']}
              aria-label={t('cooperation.apprenticeships.enterpriseMentors')}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="planSummary" label={t('cooperation.apprenticeships.planSummary')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="files" label={t('cooperation.apprenticeships.planFile')}>
        <EvidenceUpload
          max={1}
          testId="upload-plan"
          buttonLabel={t('cooperation.apprenticeships.uploadPlan')}
        />
      </Form.Item>
      <FormRows
        name="stages"
        label={t('cooperation.apprenticeships.stages')}
        addLabel={t('cooperation.apprenticeships.addStage')}
        removeLabel={t('cooperation.apprenticeships.removeStage')}
      >
        {(f) => (
          <>
            <Form.Item name={[f.name, 'title']} rules={required} noStyle>
              <Input
                placeholder={t('cooperation.apprenticeships.stageTitle')}
                maxLength={100}
                style={{ width: 220 }}
              />
            </Form.Item>
            <Form.Item name={[f.name, 'plannedEndOn']} rules={required} noStyle>
              <DatePicker placeholder={t('cooperation.apprenticeships.plannedEnd')} />
            </Form.Item>
          </>
        )}
      </FormRows>
    </FormModal>
  );
}
