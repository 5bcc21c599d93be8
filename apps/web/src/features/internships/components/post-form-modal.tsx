import {
  INTERNSHIP_KIND_LABELS,
  INTERNSHIP_KINDS,
  POST_HIGH_RISK_WORK,
  POST_HIGH_RISK_WORK_LABELS,
  POST_VENUE_LABELS,
  POST_VENUES,
} from '@zhijiao/contracts';
import { Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import type { Post } from '../api/get-posts';
import { labourClassText } from './internship-tags';
import { useSavePost, type PostInput } from '../api/save-post';
import { chinaYear } from '@/lib/format';

type Values = Omit<PostInput, 'startsOn' | 'endsOn'> & { period: [Dayjs, Dayjs] };

const half = { xs: 24, sm: 12 } as const;

/** 发布实习岗位 (or edit a draft): what the post is, its time, pay, hours and hazards. */
export function PostFormModal({
  open,
  onClose,
  onSaved,
  post,
}: {
  open: boolean;
  onClose: () => void;
  onSaved?: (id: string) => void;
  /** The draft being edited; none for a new post. */
  post?: Post;
}) {
  const t = useT();
  const lang = useLang();
  const save = useSavePost();
  const thisYear = chinaYear();
  const initial: Partial<Values> = post
    ? { ...post, period: [dayjs(post.startsOn), dayjs(post.endsOn)], publish: false }
    : {
        kind: 'post',
        majors: [],
        places: 5,
        year: thisYear,
        dailyHours: 8,
        weeklyHours: 40,
        nightWork: false,
        overtimeWork: false,
        holidayWork: false,
        filingReference: '',
        venue: null,
        viaAgent: false,
        labourIntensityClass: 2,
        highRiskWork: [],
        sameJobMonthlyWage: null,
        lowestWageGrade: null,
        publish: false,
      };
  return (
    <FormModal<Values, { id?: string; body: PostInput }, Post>
      open={open}
      onClose={onClose}
      width={720}
      title={t(post ? 'internships.posts.edit' : 'internships.posts.add')}
      okText={t('internships.save')}
      testId="post-save"
      mutation={save}
      toInput={({ period, ...v }) => ({
        id: post?.id,
        body: {
          ...v,
          venue: v.venue ?? null,
          sameJobMonthlyWage: v.sameJobMonthlyWage ?? null,
          lowestWageGrade: v.lowestWageGrade ?? null,
          staffOnPost: v.staffOnPost ?? null,
          startsOn: period[0].format('YYYY-MM-DD'),
          endsOn: period[1].format('YYYY-MM-DD'),
        },
      })}
      mapPath={(path) => (path[0] === 'startsOn' || path[0] === 'endsOn' ? ['period'] : path)}
      successMessage={(_, v) => t(v.publish ? 'internships.posts.published' : 'internships.posts.saved')}
      onSaved={(p) => onSaved?.(p.id)}
      initialValues={initial}
    >
      <Form.Item
        name="title"
        label={t('internships.posts.name')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Input maxLength={200} data-testid="post-title" />
      </Form.Item>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="kind" label={t('internships.kind')}>
            <Select
              options={INTERNSHIP_KINDS.map((k) => ({
                value: k,
                label: pick(INTERNSHIP_KIND_LABELS[k], lang),
              }))}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="majors" label={t('internships.posts.majors')}>
            <Select
              mode="tags"
              tokenSeparators={[',', '，', '、']}
              aria-label={t('internships.posts.majors')}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="places"
            label={t('internships.posts.placesInput')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={1} max={10000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="year"
            label={t('internships.year')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="period"
        label={t('internships.period')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <DatePicker.RangePicker
          style={{ width: '100%' }}
          aria-label={t('internships.period')}
          data-testid="post-period"
        />
      </Form.Item>
      <Form.Item
        name="location"
        label={t('internships.posts.location')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Input maxLength={200} data-testid="post-location" />
      </Form.Item>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item
            name="monthlyPay"
            label={t('internships.posts.pay')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber
              min={0}
              style={{ width: '100%' }}
              suffix={t('internships.yuanMonth')}
              data-testid="post-pay"
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="sameJobMonthlyWage" label={t('internships.posts.wage')}>
            <InputNumber
              min={0}
              style={{ width: '100%' }}
              suffix={t('internships.yuanMonth')}
              data-testid="post-wage"
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="lowestWageGrade"
            label={t('internships.posts.lowestWage')}
            extra={t('internships.posts.lowestWageHint')}
          >
            <InputNumber min={0} style={{ width: '100%' }} suffix={t('internships.yuanMonth')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="staffOnPost"
            label={t('internships.posts.staffOnPost')}
            extra={t('internships.posts.staffOnPostHint')}
            dependencies={['kind']}
            rules={[
              ({ getFieldValue }) => ({
                required: getFieldValue('kind') === 'post',
                message: t('internships.posts.staffOnPostRequired'),
              }),
            ]}
          >
            <InputNumber min={0} style={{ width: '100%' }} data-testid="post-staff" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="dailyHours"
            label={t('internships.posts.dailyHours')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={0.5} max={24} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="weeklyHours"
            label={t('internships.posts.weeklyHours')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={0.5} max={168} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="labourIntensityClass" label={t('internships.posts.labourClass')}>
            <Select options={[1, 2, 3, 4].map((c) => ({ value: c, label: labourClassText(t, c) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('internships.posts.workTime')}>
        <Form.Item name="nightWork" valuePropName="checked" noStyle>
          <Checkbox>{t('internships.posts.night')}</Checkbox>
        </Form.Item>
        <Form.Item name="overtimeWork" valuePropName="checked" noStyle>
          <Checkbox>{t('internships.posts.overtime')}</Checkbox>
        </Form.Item>
        <Form.Item name="holidayWork" valuePropName="checked" noStyle>
          <Checkbox>{t('internships.posts.holiday')}</Checkbox>
        </Form.Item>
      </Form.Item>
      <Form.Item
        name="filingReference"
        label={t('internships.posts.filing')}
        extra={t('internships.posts.filingHint')}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="venue" label={t('internships.posts.venue')}>
            <Select
              allowClear
              placeholder={t('internships.none')}
              options={POST_VENUES.map((v) => ({ value: v, label: pick(POST_VENUE_LABELS[v], lang) }))}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="highRiskWork" label={t('internships.posts.highRisk')}>
            <Select
              mode="multiple"
              aria-label={t('internships.posts.highRisk')}
              options={POST_HIGH_RISK_WORK.map((v) => ({
                value: v,
                label: pick(POST_HIGH_RISK_WORK_LABELS[v], lang),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="viaAgent" valuePropName="checked">
        <Checkbox>{t('internships.posts.viaAgent')}</Checkbox>
      </Form.Item>
      {!post && (
        <Form.Item name="publish" valuePropName="checked">
          <Checkbox data-testid="post-publish">{t('internships.posts.publishNow')}</Checkbox>
        </Form.Item>
      )}
    </FormModal>
  );
}
