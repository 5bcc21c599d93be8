import {
  INCIDENT_KINDS,
  INCIDENT_KIND_LABELS,
  INCIDENT_SEVERITIES,
  INCIDENT_SEVERITY_LABELS,
  type IncidentSeverity,
} from '@zhijiao/contracts';
import { Button, Card, DatePicker, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { EvidenceUpload, uploadedIds, type EvidenceFile } from '@/components/evidence-upload';
import { FormModal } from '@/components/form-modal';
import { chinaIso, chinaNowMinute, chinaTodayDay, formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import type { Placement } from '../api/get-placement';
import {
  useNotifyInsurer,
  useReportIncident,
  type IncidentInput,
  type InsurerNotificationInput,
} from '../api/placement-life';

type Incident = Placement['incidents'][number];

interface ReportValues {
  occurredAt: Dayjs;
  kind: IncidentInput['kind'];
  severity: IncidentSeverity;
  description: string;
  measures?: string;
  insurerNotifiedAt?: Dayjs | null;
  claimReference?: string;
  files?: EvidenceFile[];
}

interface NotifyValues {
  notifiedAt: Dayjs;
  claimReference?: string;
}

const SEVERITY_COLOR: Record<IncidentSeverity, string> = {
  minor: 'default',
  serious: 'orange',
  grave: 'red',
};

/**
 * 实习事故报告: a placement's incidents (kind, severity, the policy that covered the day, whether
 * the insurer was notified — an injury not yet notified shows in red), the report form for the
 * school or the host enterprise, and the insurer-notified step.
 */
export function IncidentsCard({ placement: p }: { placement: Placement }) {
  const t = useT();
  const lang = useLang();
  const report = useReportIncident();
  const notify = useNotifyInsurer();
  const [reporting, setReporting] = useState(false);
  const [notifying, setNotifying] = useState<Incident | null>(null);
  if (p.state === 'draft') return null;
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Card
      size="small"
      title={t('internships.incidents.title')}
      style={{ marginBottom: 16 }}
      data-testid="incidents-card"
      extra={
        p.abilities.reportIncident && (
          <Button size="small" type="primary" onClick={() => setReporting(true)} data-testid="incident-add">
            {t('internships.incidents.add')}
          </Button>
        )
      }
    >
      <List
        size="small"
        dataSource={p.incidents}
        locale={{ emptyText: <Empty description={t('internships.incidents.empty')} /> }}
        renderItem={(i) => (
          <List.Item
            data-testid={`incident-${i.id}`}
            actions={
              i.mayNotifyInsurer
                ? [
                    <Button
                      key="notify"
                      size="small"
                      onClick={() => setNotifying(i)}
                      data-testid="incident-notify"
                    >
                      {t('internships.incidents.notify')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <span>{formatDateTime(String(i.occurredAt))}</span>
                  <Tag color={i.injury ? 'volcano' : 'default'}>
                    {pick(INCIDENT_KIND_LABELS[i.kind], lang)}
                  </Tag>
                  <Tag color={SEVERITY_COLOR[i.severity]}>
                    {pick(INCIDENT_SEVERITY_LABELS[i.severity], lang)}
                  </Tag>
                </Space>
              }
              description={<IncidentDetail i={i} />}
            />
          </List.Item>
        )}
      />
      <FormModal<ReportValues, { id: string; body: IncidentInput }, unknown>
        open={reporting}
        onClose={() => setReporting(false)}
        title={t('internships.incidents.add')}
        okText={t('internships.save')}
        testId="incident-save"
        mutation={report}
        toInput={(v) => ({
          id: p.id,
          body: {
            occurredAt: chinaIso(v.occurredAt),
            kind: v.kind,
            severity: v.severity,
            description: v.description.trim(),
            measures: (v.measures ?? '').trim(),
            insurerNotifiedAt: v.insurerNotifiedAt ? chinaIso(v.insurerNotifiedAt) : null,
            claimReference: (v.claimReference ?? '').trim(),
            fileIds: uploadedIds(v.files ?? []),
          },
        })}
        mapPath={(path) => (path[0] === 'fileIds' ? ['files'] : path)}
        successMessage={t('internships.incidents.saved')}
        initialValues={{ severity: 'minor', files: [] }}
      >
        <Typography.Paragraph type="secondary">{t('internships.incidents.privacy')}</Typography.Paragraph>
        <Form.Item name="occurredAt" label={t('internships.incidents.occurredAt')} rules={required}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            disabledDate={noFutureDay}
            data-testid="incident-occurred-at"
          />
        </Form.Item>
        <Form.Item name="kind" label={t('internships.incidents.kind')} rules={required}>
          <Select
            data-testid="incident-kind"
            options={INCIDENT_KINDS.map((k) => ({ value: k, label: pick(INCIDENT_KIND_LABELS[k], lang) }))}
          />
        </Form.Item>
        <Form.Item name="severity" label={t('internships.incidents.severity')} rules={required}>
          <Select
            options={INCIDENT_SEVERITIES.map((s) => ({
              value: s,
              label: pick(INCIDENT_SEVERITY_LABELS[s], lang),
            }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t('internships.incidents.description')} rules={required}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="incident-description" />
        </Form.Item>
        <Form.Item name="measures" label={t('internships.incidents.measures')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="insurerNotifiedAt"
          label={t('internships.incidents.notifiedAt')}
          extra={t('internships.incidents.notifiedHint')}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            disabledDate={noFutureDay}
          />
        </Form.Item>
        <Form.Item name="claimReference" label={t('internships.incidents.claimReference')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="files" label={t('internships.incidents.files')}>
          <EvidenceUpload max={10} testId="incident-files" />
        </Form.Item>
      </FormModal>
      <FormModal<NotifyValues, { id: string; body: InsurerNotificationInput }, unknown>
        open={notifying !== null}
        onClose={() => setNotifying(null)}
        title={t('internships.incidents.notify')}
        okText={t('internships.save')}
        testId="incident-notify-save"
        mutation={notify}
        toInput={(v) => ({
          id: notifying!.id,
          body: { notifiedAt: chinaIso(v.notifiedAt), claimReference: (v.claimReference ?? '').trim() },
        })}
        // The server checks the time as the incident's own (insurerNotifiedAt): its field here.
        mapPath={(path) => (path[0] === 'insurerNotifiedAt' ? ['notifiedAt'] : path)}
        successMessage={t('internships.incidents.notifiedSaved')}
        initialValues={{ notifiedAt: chinaNowMinute() }}
      >
        <Form.Item name="notifiedAt" label={t('internships.incidents.notifiedAt')} rules={required}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            disabledDate={noFutureDay}
          />
        </Form.Item>
        <Form.Item name="claimReference" label={t('internships.incidents.claimReference')}>
          <Input maxLength={100} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

/** An incident and the insurer's notification cannot lie after China's today (the server refuses them). */
const noFutureDay = (d: Dayjs) => d.isAfter(chinaTodayDay(), 'day');

/** One incident's particulars: cover, the insurer's notification, what happened and what was done. */
function IncidentDetail({ i }: { i: Incident }) {
  const t = useT();
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
      <Typography.Text>
        {i.coveredBy
          ? t('internships.incidents.covered', {
              insurer: i.coveredBy.insurer,
              policy: i.coveredBy.policyNumber,
            })
          : t('internships.incidents.notCovered')}
      </Typography.Text>
      {i.insurerNotifiedAt ? (
        <Typography.Text data-testid="incident-notified">
          {t('internships.incidents.notifiedValue', { at: formatDateTime(String(i.insurerNotifiedAt)) })}
          {i.claimReference ? ` · ${t('internships.incidents.claimReference')}：${i.claimReference}` : ''}
        </Typography.Text>
      ) : (
        <Typography.Text type={i.injury ? 'danger' : 'secondary'} data-testid="incident-not-notified">
          {t(i.injury ? 'internships.incidents.notNotifiedInjury' : 'internships.incidents.notNotified')}
        </Typography.Text>
      )}
      <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
        {i.description}
      </Typography.Paragraph>
      {i.measures && (
        <Typography.Text type="secondary">
          {t('internships.incidents.measures')}：{i.measures}
        </Typography.Text>
      )}
      {i.files.map((f) => (
        <a key={f.id} href={`/api/files/${f.id}`} target="_blank" rel="noreferrer">
          {f.name}
        </a>
      ))}
      <Typography.Text type="secondary">
        {t('internships.incidents.reportedBy', {
          party: t(`internships.party.${i.reportedByParty}`),
          name: i.reportedBy,
          at: formatDateTime(String(i.reportedAt)),
        })}
      </Typography.Text>
    </Space>
  );
}
