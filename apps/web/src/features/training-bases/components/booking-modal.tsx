import { TRAINING_SESSION_PURPOSE_LABELS, TRAINING_SESSION_PURPOSES } from '@zhijiao/contracts';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import type { Base } from '../api/get-base';
import { useBookSession, type SessionInput } from '../api/book-session';

type Values = Omit<SessionInput, 'date' | 'startTime'> & { date: Dayjs; startTime: Dayjs };
const half = { xs: 24, sm: 12 } as const;

/** 预约实训: day, start, hours, group size and purpose; a refusal names each reason on its field. */
export function BookingModal({ base, open, onClose }: { base: Base; open: boolean; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const book = useBookSession();
  const required = [{ required: true, message: t('common.required') }];
  return (
    <FormModal<Values, { baseId: string; body: SessionInput }, Base>
      open={open}
      onClose={onClose}
      width={560}
      title={`${t('trainingBases.book')} · ${base.name}`}
      okText={t('trainingBases.book')}
      testId="booking-save"
      mutation={book}
      toInput={({ date, startTime, ...v }) => ({
        baseId: base.id,
        body: {
          ...v,
          topic: v.topic ?? '',
          date: date.format('YYYY-MM-DD'),
          startTime: startTime.format('HH:mm'),
        },
      })}
      successMessage={t('trainingBases.bookedDone')}
      onSaved={onClose}
      initialValues={{ hours: 2, groupSize: 10, purpose: 'teaching', topic: '' }}
    >
      <p style={{ marginTop: 0, color: '#666' }}>
        {t('trainingBases.openingHint', {
          opensAt: base.opening.opensAt,
          closesAt: base.opening.closesAt,
          capacity: base.capacity,
        })}
      </p>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="date" label={t('trainingBases.date')} rules={required}>
            <DatePicker style={{ width: '100%' }} data-testid="booking-date" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="startTime" label={t('trainingBases.startTime')} rules={required}>
            <TimePicker
              format="HH:mm"
              minuteStep={30}
              style={{ width: '100%' }}
              data-testid="booking-start"
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="hours" label={t('trainingBases.hours')} rules={required}>
            <InputNumber min={0.5} max={24} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="groupSize" label={t('trainingBases.groupSize')} rules={required}>
            <InputNumber min={1} max={10000} style={{ width: '100%' }} data-testid="booking-size" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="purpose" label={t('trainingBases.purpose')}>
        <Select
          options={TRAINING_SESSION_PURPOSES.map((p) => ({
            value: p,
            label: pick(TRAINING_SESSION_PURPOSE_LABELS[p], lang),
          }))}
        />
      </Form.Item>
      <Form.Item name="topic" label={t('trainingBases.topic')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
