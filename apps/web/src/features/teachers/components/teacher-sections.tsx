import { CERTIFICATE_KIND_LABELS, DQ_LEVEL_LABELS, SKILL_LEVEL_LABELS } from '@zhijiao/contracts';
import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import type { TeacherDetail } from '../types';
import { DqStateTag } from './teacher-tags';

/** The lists kept beside a teacher, each as a small table: periods, work, certificates, practice. */
export function TeacherParts({ teacher: d }: { teacher: TeacherDetail }) {
  const t = useT();
  const lang = useLang();
  const to = (v: string | null) => v ?? t('teachers.ongoing');
  const small = { size: 'small' as const, pagination: false as const };
  return (
    <>
      <Card size="small" title={t('teachers.section.periods')} style={{ marginTop: 16 }}>
        <Table
          {...small}
          rowKey="startsOn"
          dataSource={d.specialisedPeriods}
          columns={[
            { title: t('teachers.col.from'), dataIndex: 'startsOn' },
            { title: t('teachers.col.to'), key: 'to', render: (_, p) => to(p.endsOn) },
          ]}
        />
      </Card>
      <Card size="small" title={t('teachers.section.work')} style={{ marginTop: 16 }}>
        <Table
          {...small}
          rowKey={(w) => `${w.employer}-${w.startsOn}`}
          dataSource={d.workHistory}
          columns={[
            { title: t('teachers.col.employer'), dataIndex: 'employer' },
            { title: t('teachers.col.industry'), dataIndex: 'industry' },
            { title: t('teachers.col.job'), dataIndex: 'job' },
            { title: t('teachers.col.from'), dataIndex: 'startsOn', width: 110 },
            { title: t('teachers.col.to'), key: 'to', width: 110, render: (_, w) => to(w.endsOn) },
          ]}
        />
      </Card>
      <Card size="small" title={t('teachers.section.certs')} style={{ marginTop: 16 }}>
        <Table
          {...small}
          rowKey={(c) => `${c.name}-${c.issuedOn}`}
          dataSource={d.certificates}
          columns={[
            {
              title: t('teachers.col.certKind'),
              key: 'kind',
              render: (_, c) => pick(CERTIFICATE_KIND_LABELS[c.kind], lang),
            },
            { title: t('teachers.col.certName'), dataIndex: 'name' },
            {
              title: t('teachers.col.level'),
              key: 'level',
              render: (_, c) => (c.level ? pick(SKILL_LEVEL_LABELS[c.level], lang) : '—'),
            },
            { title: t('teachers.col.issuer'), dataIndex: 'issuer' },
            { title: t('teachers.col.issuedOn'), dataIndex: 'issuedOn', width: 110 },
          ]}
        />
      </Card>
      <Card size="small" title={t('teachers.section.practice')} style={{ marginTop: 16 }}>
        <Table
          {...small}
          rowKey="year"
          dataSource={d.practice}
          columns={[
            { title: t('teachers.col.year'), dataIndex: 'year', width: 90 },
            { title: t('teachers.col.hours'), dataIndex: 'hours', width: 120 },
            { title: t('teachers.col.enterprise'), dataIndex: 'enterprise' },
          ]}
        />
      </Card>
    </>
  );
}

/** 双师型 recognitions and applications of a teacher, each application linking to its page. */
export function TeacherRecognitions({ teacher: d }: { teacher: TeacherDetail }) {
  const t = useT();
  const lang = useLang();
  return (
    <Card
      size="small"
      title={t('teachers.section.recognitions')}
      style={{ marginTop: 16 }}
      data-testid="teacher-recognitions"
    >
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={d.recognitions}
        columns={[
          {
            title: t('teachers.col.level'),
            key: 'level',
            render: (_, r) => pick(DQ_LEVEL_LABELS[r.level], lang),
          },
          { title: t('teachers.col.certifyingBody'), dataIndex: 'certifyingBody' },
          { title: t('teachers.col.recognisedOn'), dataIndex: 'recognisedOn', width: 110 },
          {
            title: t('teachers.col.validity'),
            key: 'validity',
            render: (_, r) => `${r.validFrom} ~ ${r.validUntil}`,
          },
        ]}
      />
      {d.applications.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('teachers.section.applications')}
          </Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey="id"
            dataSource={d.applications}
            columns={[
              {
                title: t('teachers.col.level'),
                key: 'level',
                render: (_, a) => (
                  <Link to={`/teachers/dq?open=${a.id}`}>{pick(DQ_LEVEL_LABELS[a.level], lang)}</Link>
                ),
              },
              {
                title: t('teachers.col.state'),
                key: 'state',
                render: (_, a) => <DqStateTag state={a.state} />,
              },
              {
                title: t('teachers.col.submittedAt'),
                key: 'at',
                render: (_, a) => formatDateTime(a.submittedAt),
              },
              {
                title: t('teachers.dq.decisionReason'),
                key: 'reason',
                render: (_, a) => a.decisionReason ?? '—',
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

/** The recruitment-rule check of the teacher's hire, with the reasons and any exception. */
export function HireCheckCard({ teacher: d }: { teacher: TeacherDetail }) {
  const t = useT();
  const lang = useLang();
  const h = d.hireCheck;
  return (
    <Card size="small" title={t('teachers.section.hire')} style={{ marginTop: 16 }}>
      {!h.applies ? (
        <Typography.Text type="secondary">{t('teachers.hire.notApplicable')}</Typography.Text>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Tag color={h.compliant ? 'green' : h.exception ? 'gold' : 'red'}>
              {h.compliant ? t('teachers.hire.compliant') : t('teachers.hire.nonCompliant')}
            </Tag>
            <span>{t('teachers.hire.enterpriseYears', { years: h.enterpriseYears })}</span>
            {h.highSkill && <Tag>{t('teachers.hire.highSkill')}</Tag>}
          </Space>
          {h.reasons.map((r) => (
            <Alert key={r.code} type="warning" showIcon title={lang === 'en' ? r.messageEn : r.message} />
          ))}
          {h.exception && (
            <Alert
              type="info"
              showIcon
              title={t('teachers.hire.exception', { reason: h.exception.reason })}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
