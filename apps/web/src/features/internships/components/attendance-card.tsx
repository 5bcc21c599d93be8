import { ATTENDANCE_FLAG_LABELS } from '@zhijiao/contracts';
import { Card, Checkbox, DatePicker, Empty, Form, Input, Tag, TimePicker, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Button } from 'antd';
import { FormModal } from '@/components/form-modal';
import { QueryState } from '@/components/query-state';
import { ResponsiveTable } from '@/components/responsive-table';
import { chinaTodayDay, formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useAttendance, useRecordAttendance, type AttendanceInput } from '../api/attendance';
import type { Placement } from '../api/get-placement';

interface Values {
  date: Dayjs;
  times: [Dayjs, Dayjs];
  holiday: boolean;
  note: string;
}

/** The attendance log (考勤) of a placement: entries with their flags and violations; the enterprise records. */
export function AttendanceCard({ placement: p }: { placement: Placement }) {
  const t = useT();
  const lang = useLang();
  const log = useAttendance(p.id);
  const record = useRecordAttendance();
  const [adding, setAdding] = useState(false);
  if (p.state === 'draft') return null;
  return (
    <Card
      size="small"
      title={t('internships.attendance.title')}
      extra={
        p.abilities.recordAttendance && (
          <Button size="small" type="primary" onClick={() => setAdding(true)} data-testid="attendance-add">
            {t('internships.attendance.add')}
          </Button>
        )
      }
      data-testid="attendance-card"
    >
      <QueryState query={log}>
        {(l) => (
          <>
            {l.violationCount > 0 && (
              <Typography.Paragraph type="danger">
                {t('internships.attendance.violations', { count: l.violationCount })}
              </Typography.Paragraph>
            )}
            <ResponsiveTable
              size="small"
              rowKey="id"
              dataSource={[...l.entries].reverse()}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              locale={{ emptyText: <Empty description={t('internships.attendance.empty')} /> }}
              columns={[
                { title: t('internships.attendance.date'), dataIndex: 'date', width: 120 },
                {
                  title: t('internships.attendance.time'),
                  key: 'time',
                  width: 200,
                  render: (_, e) =>
                    `${formatDateTime(String(e.startsAt)).slice(-5)} ~ ${formatDateTime(String(e.endsAt)).slice(-5)}`,
                },
                { title: t('internships.attendance.hours'), dataIndex: 'hours', width: 70 },
                // Empty cells render nothing, so a phone card leaves those lines out.
                {
                  title: t('internships.attendance.flags'),
                  key: 'flags',
                  width: 160,
                  render: (_, e) =>
                    e.flags.length === 0
                      ? null
                      : e.flags.map((f) => (
                          <Tag key={f} color={f === 'rest_day' ? 'default' : 'orange'}>
                            {pick(ATTENDANCE_FLAG_LABELS[f], lang)}
                          </Tag>
                        )),
                },
                {
                  title: t('internships.attendance.violationColumn'),
                  key: 'violations',
                  render: (_, e) =>
                    e.violations.length === 0
                      ? null
                      : e.violations.map((v) => (
                          <div key={v.code}>
                            <Typography.Text type="danger">{lang === 'en' ? v.en : v.zh}</Typography.Text>
                          </div>
                        )),
                },
                {
                  title: t('internships.attendance.note'),
                  dataIndex: 'note',
                  width: 160,
                  render: (note: string) => note || null,
                },
              ]}
            />
          </>
        )}
      </QueryState>
      <FormModal<Values, { id: string; body: AttendanceInput }, unknown>
        open={adding}
        onClose={() => setAdding(false)}
        title={t('internships.attendance.add')}
        okText={t('internships.save')}
        testId="attendance-save"
        mutation={record}
        toInput={(v) => ({
          id: p.id,
          body: {
            date: v.date.format('YYYY-MM-DD'),
            startTime: v.times[0].format('HH:mm'),
            endTime: v.times[1].format('HH:mm'),
            holiday: v.holiday,
            note: v.note ?? '',
          },
        })}
        mapPath={(path) => (path[0] === 'startTime' || path[0] === 'endTime' ? ['times'] : path)}
        successMessage={t('internships.attendance.saved')}
        initialValues={{ date: chinaTodayDay(), holiday: false, note: '' }}
      >
        <Form.Item
          name="date"
          label={t('internships.attendance.date')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="attendance-date" />
        </Form.Item>
        <Form.Item
          name="times"
          label={t('internships.attendance.time')}
          extra={t('internships.attendance.timeHint')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          {/* Both inputs carry the field's name: the end one has no label of its own. */}
          <TimePicker.RangePicker
            format="HH:mm"
            order={false}
            style={{ width: '100%' }}
            aria-label={t('internships.attendance.time')}
            data-testid="attendance-times"
          />
        </Form.Item>
        <Form.Item name="holiday" valuePropName="checked">
          <Checkbox>{t('internships.attendance.holiday')}</Checkbox>
        </Form.Item>
        <Form.Item name="note" label={t('internships.attendance.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
