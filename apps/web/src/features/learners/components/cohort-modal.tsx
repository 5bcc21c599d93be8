import { Alert, App, Form, Select, Typography } from 'antd';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { useCreateCohort } from '../api/create-cohort';
import { useEnrollmentSeasons } from '../api/get-seasons';
import type { CohortBody, CohortResult, School } from '../types';

/**
 * 从报到名单生成学籍: the school (when the user keeps more than one register) and the enrolment
 * season; the result — how many were added, how many were already on the register — shown after.
 */
export function CohortModal({
  open,
  onClose,
  schools,
}: {
  open: boolean;
  onClose: () => void;
  schools: School[];
}) {
  const t = useT();
  const { modal } = App.useApp();
  const seasons = useEnrollmentSeasons(open);
  const createCohort = useCreateCohort();
  const newest = seasons.data?.[0];
  // The newest season is the one a cohort is usually made from: chosen once the seasons are known.
  if (!seasons.data) return null;
  return (
    <FormModal<CohortBody, CohortBody, CohortResult>
      open={open}
      onClose={onClose}
      title={t('learners.cohort.title')}
      okText={t('learners.cohort.ok')}
      testId="cohort-save"
      mutation={createCohort}
      toInput={(v) => v}
      onSaved={(result) =>
        modal.success({
          title: t('learners.cohort.resultTitle'),
          content: <span data-testid="cohort-result">{t('learners.cohort.result', { ...result })}</span>,
        })
      }
      initialValues={{ schoolId: schools.length === 1 ? schools[0]!.id : undefined, seasonId: newest?.id }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('learners.cohort.hint')} />
      <Form.Item
        name="schoolId"
        label={t('learners.cohort.school')}
        rules={[{ required: true }]}
        hidden={schools.length === 1}
      >
        <Select
          aria-label={t('learners.cohort.school')}
          options={schools.map((s) => ({ value: s.id, label: s.name }))}
        />
      </Form.Item>
      {schools.length === 1 && (
        <Form.Item label={t('learners.cohort.school')}>
          <Typography.Text>{schools[0]!.name}</Typography.Text>
        </Form.Item>
      )}
      <Form.Item name="seasonId" label={t('learners.cohort.season')} rules={[{ required: true }]}>
        <Select
          data-testid="cohort-season"
          aria-label={t('learners.cohort.season')}
          options={seasons.data.map((s) => ({
            value: s.id,
            label: t('learners.cohort.seasonOption', { name: s.name, year: s.admissionYear }),
          }))}
        />
      </Form.Item>
    </FormModal>
  );
}
