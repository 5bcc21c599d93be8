import { DQ_LEVEL_LABELS } from '@zhijiao/contracts';
import { formatPercent } from '@/lib/format';
import { Card, Col, DatePicker, Drawer, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CHART_COLORS, EChart } from '@/components/echart';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useDqSettings } from '@/lib/reads/dq-settings';
import { useRatio } from '../api/get-ratio';
import { useRatioTeachers } from '../api/get-ratio-teachers';
import type { Ratio, School } from '../types';
import { TeachersTabs } from './teachers-tabs';

/**
 * `/teachers/ratio`: 双师型比例 — 专业课 teachers with a valid recognition ÷ all 专业课 teachers, per
 * school and overall, at a chosen date (`?date=`), as a chart and a table; a school drills to its
 * teachers. Each school's percentage sits in `data-value` of `dq-ratio-<schoolCode>`. Whether
 * enterprise part-time teachers count is shown here and set on the settings page (/settings?tab=dq).
 */
export function RatioPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const date = params.get('date') ?? undefined;
  const ratio = useRatio(date);
  const [drill, setDrill] = useState<School | null>(null);
  return (
    <div data-testid="ratio-page">
      <TeachersTabs />
      <PageHeader
        title={t('teachers.ratio.title')}
        subtitle={t('teachers.ratio.subtitle')}
        extra={
          <DatePicker
            allowClear
            value={date ? dayjs(date) : null}
            placeholder={t('teachers.ratio.date')}
            onChange={(d) => setParams(d ? { date: d.format('YYYY-MM-DD') } : {}, { replace: true })}
            data-testid="dq-ratio-date"
          />
        }
      />
      <QueryState query={ratio}>
        {(r) => (
          <>
            <RatioSummary ratio={r} />
            <Card size="small" style={{ marginTop: 16 }} title={t('teachers.ratio.chart', { date: r.date })}>
              <EChart
                testId="dq-ratio-chart"
                height={Math.max(220, r.schools.length * 36 + 60)}
                option={{
                  grid: { left: 120, right: 40, top: 10, bottom: 30 },
                  tooltip: { trigger: 'axis' },
                  xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
                  yAxis: { type: 'category', data: r.schools.map((s) => s.school.name), inverse: true },
                  series: [
                    {
                      type: 'bar',
                      data: r.schools.map((s) => s.percent),
                      itemStyle: { color: CHART_COLORS.blue },
                      label: { show: true, position: 'right', formatter: '{c}%' },
                    },
                  ],
                }}
              />
            </Card>
            <Card size="small" style={{ marginTop: 16 }}>
              <Table
                size="small"
                rowKey={(s) => s.school.id}
                dataSource={r.schools}
                pagination={false}
                columns={[
                  {
                    title: t('teachers.col.school'),
                    key: 'school',
                    render: (_, s) => <a onClick={() => setDrill(s.school)}>{s.school.name}</a>,
                  },
                  { title: t('teachers.ratio.numerator'), dataIndex: 'numerator', width: 120 },
                  { title: t('teachers.ratio.denominator'), dataIndex: 'denominator', width: 140 },
                  {
                    title: t('teachers.ratio.percent'),
                    key: 'percent',
                    width: 120,
                    render: (_, s) => (
                      <span data-testid={`dq-ratio-${s.school.code}`} data-value={s.percent}>
                        {formatPercent(s.percent)}
                      </span>
                    ),
                  },
                ]}
              />
            </Card>
            <RatioTeachersDrawer school={drill} date={r.date} onClose={() => setDrill(null)} />
          </>
        )}
      </QueryState>
    </div>
  );
}

function RatioSummary({ ratio: r }: { ratio: Ratio }) {
  const t = useT();
  const settings = useDqSettings();
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Card size="small">
          <Statistic
            title={`${r.orgUnit.name} · ${r.date}`}
            value={r.overall.percent}
            suffix="%"
            data-testid="dq-ratio-overall"
          />
        </Card>
      </Col>
      <Col xs={12} md={5}>
        <Card size="small">
          <Statistic title={t('teachers.ratio.numerator')} value={r.overall.numerator} />
        </Card>
      </Col>
      <Col xs={12} md={5}>
        <Card size="small">
          <Statistic title={t('teachers.ratio.denominator')} value={r.overall.denominator} />
        </Card>
      </Col>
      <Col xs={24} md={6}>
        <Card size="small" style={{ height: '100%' }}>
          <Space orientation="vertical" size={4}>
            <span data-testid="dq-part-time-state" data-value={r.countPartTime}>
              {t(r.countPartTime ? 'settings.ratioPartTime.on' : 'settings.ratioPartTime.off')}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {settings.data?.updatedBy
                ? t('teachers.ratio.settingBy', { name: settings.data.updatedBy })
                : t('teachers.ratio.settingDefault')}
            </Typography.Text>
            {settings.data?.abilities.edit && (
              <Link to="/settings?tab=dq" data-testid="dq-settings-link" style={{ fontSize: 12 }}>
                {t('settings.ratioLink')}
              </Link>
            )}
          </Space>
        </Card>
      </Col>
    </Row>
  );
}

function RatioTeachersDrawer({
  school,
  date,
  onClose,
}: {
  school: School | null;
  date: string;
  onClose: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const teachers = useRatioTeachers(school?.id, date);
  return (
    <Drawer
      open={school !== null}
      onClose={onClose}
      width={640}
      destroyOnHidden
      title={t('teachers.ratio.drill', { school: school?.name ?? '', date })}
    >
      <QueryState query={teachers}>
        {(items) => (
          <Table
            size="small"
            rowKey="id"
            dataSource={items}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              {
                title: t('teachers.col.name'),
                key: 'name',
                render: (_, r) => <Link to={`/teachers/${r.id}`}>{r.name}</Link>,
              },
              { title: t('teachers.col.idMasked'), dataIndex: 'idMasked' },
              {
                title: t('teachers.col.dq'),
                key: 'dq',
                render: (_, r) =>
                  r.dq ? (
                    <Tag color="green">{`${pick(DQ_LEVEL_LABELS[r.dq.level], lang)} · ${r.dq.validUntil}`}</Tag>
                  ) : (
                    <Tag>{t('teachers.dq.notRecognised')}</Tag>
                  ),
              },
            ]}
          />
        )}
      </QueryState>
    </Drawer>
  );
}
