import { Col, DatePicker, Form, Input, InputNumber, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { useCreatePlacement, type PlacementInput } from '../api/create-placement';
import type { Placement } from '../api/get-placement';
import type { Post } from '../api/get-posts';
import { chinaTodayDay } from '@/lib/format';

type Values = Omit<PlacementInput, 'postId' | 'startsOn' | 'endsOn'> & { period: [Dayjs, Dayjs] };
const half = { xs: 24, sm: 12 } as const;
const laterOf = (a: Dayjs, b: Dayjs) => (a.isBefore(b) ? b : a);

/** 安排学生: a school places its student on the post (ID number checked, stored encrypted). */
export function PlacementFormModal({
  open,
  onClose,
  onCreated,
  post,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
  post: Post;
}) {
  const t = useT();
  const save = useCreatePlacement();
  return (
    <FormModal<Values, PlacementInput, Placement>
      open={open}
      onClose={onClose}
      width={640}
      title={t('internships.placements.add')}
      okText={t('internships.save')}
      testId="placement-save"
      mutation={save}
      toInput={({ period, ...v }) => ({
        ...v,
        postId: post.id,
        startsOn: period[0].format('YYYY-MM-DD'),
        endsOn: period[1].format('YYYY-MM-DD'),
      })}
      mapPath={(path) => (path[0] === 'startsOn' || path[0] === 'endsOn' ? ['period'] : path)}
      successMessage={t('internships.placements.created')}
      onSaved={(p) => onCreated(p.id)}
      initialValues={{
        studyYear: 2,
        guardianName: '',
        schoolSupervisor: '',
        enterpriseMentor: '',
        major: post.majors[0] ?? '',
        monthlyPay: post.monthlyPay,
        // A post already running takes new students from today on.
        period: [laterOf(dayjs(post.startsOn), chinaTodayDay()), dayjs(post.endsOn)],
      }}
    >
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item
            name="studentName"
            label={t('internships.student')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input maxLength={50} data-testid="placement-student" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="idNumber"
            label={t('internships.idNumber')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input maxLength={18} autoComplete="off" data-testid="placement-id" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="major"
            label={t('internships.major')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input maxLength={60} data-testid="placement-major" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="studyYear" label={t('internships.studyYear')}>
            <InputNumber min={1} max={5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="guardianName"
            label={t('internships.guardian')}
            extra={t('internships.guardianHint')}
          >
            <Input maxLength={50} data-testid="placement-guardian" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="monthlyPay" label={t('internships.posts.pay')}>
            <InputNumber min={0} style={{ width: '100%' }} suffix={t('internships.yuanMonth')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="schoolSupervisor" label={t('internships.supervisor')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="enterpriseMentor" label={t('internships.mentor')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="period"
        label={t('internships.period')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <DatePicker.RangePicker style={{ width: '100%' }} aria-label={t('internships.period')} />
      </Form.Item>
    </FormModal>
  );
}
