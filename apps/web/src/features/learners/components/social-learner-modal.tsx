import { Alert, Form, Input, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { useRegisterSocialLearner, type SocialLearnerBody } from '../api/social-learners';
import type { School } from '../types';

interface Values {
  name: string;
  idNumber: string;
}

/**
 * 登记社会学习者: an adult the school trains, by name and ID number (sex and birth date read from
 * it); someone already on the school's register opens there instead of being added twice.
 */
export function SocialLearnerModal({ school, onClose }: { school: School; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <FormModal<Values, SocialLearnerBody, { id: string; merged: boolean }>
      open
      onClose={onClose}
      title={t('learners.social.title')}
      okText={t('learners.social.ok')}
      testId="social-learner-save"
      mutation={useRegisterSocialLearner()}
      toInput={(v) => ({ schoolId: school.id, name: v.name.trim(), idNumber: v.idNumber.trim() })}
      successMessage={(r) => (r.merged ? t('learners.social.merged') : t('learners.social.saved'))}
      onSaved={(r) => {
        onClose();
        void navigate(`/learners/${r.id}`);
      }}
      mapPath={(path) => path.slice(-1)}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('learners.social.hint')} />
      <Form.Item label={t('learners.cohort.school')}>
        <Typography.Text>{school.name}</Typography.Text>
      </Form.Item>
      <Form.Item
        name="name"
        label={t('learners.col.name')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={100} data-testid="social-learner-name" />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t('learners.col.idMasked')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        extra={t('learners.social.idHint')}
      >
        <Input maxLength={18} autoComplete="off" data-testid="social-learner-id" />
      </Form.Item>
    </FormModal>
  );
}
