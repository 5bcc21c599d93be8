import { EDUCATION_LABELS } from '@zhijiao/contracts';
import { Button, Card, Checkbox, Col, Form, Input, Row, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { FormModal } from '@/components/form-modal';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useHires } from '../api/get-hires';
import { useGrantHireException } from '../api/grant-hire-exception';
import type { Hire } from '../types';
import { TeachersTabs } from './teachers-tabs';

/**
 * `/teachers/hires`: 新进教师合规 — 专业课 hires since 2020 checked against the recruitment rule
 * (≥ 3 years of enterprise work, 高职 or higher; 高级工 and above may have less), with the reasons,
 * and the district's exceptions (a recorded decision with its reason).
 */
export function HiresPage() {
  const t = useT();
  const lang = useLang();
  const hires = useHires();
  const [onlyBad, setOnlyBad] = useState(true);
  const [granting, setGranting] = useState<Hire | null>(null);
  return (
    <div data-testid="hires-page">
      <TeachersTabs />
      <PageHeader title={t('teachers.hires.title')} subtitle={t('teachers.hires.subtitle')} />
      <QueryState query={hires}>
        {({ summary, items }) => (
          <>
            <Row gutter={16}>
              {(['hires', 'compliant', 'nonCompliant', 'exceptions'] as const).map((k) => (
                <Col key={k} xs={12} md={6}>
                  <Card size="small">
                    <Statistic
                      title={t(`teachers.hires.${k}`)}
                      value={summary[k]}
                      data-testid={`hires-${k}`}
                    />
                  </Card>
                </Col>
              ))}
            </Row>
            <Card size="small" style={{ marginTop: 16 }}>
              <Checkbox
                checked={onlyBad}
                onChange={(e) => setOnlyBad(e.target.checked)}
                style={{ marginBottom: 12 }}
              >
                {t('teachers.hires.onlyNonCompliant')}
              </Checkbox>
              <Table
                size="small"
                rowKey={(h) => h.teacher.id}
                dataSource={onlyBad ? items.filter((h) => !h.compliant) : items}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  {
                    title: t('teachers.col.name'),
                    key: 'name',
                    render: (_, h) => <Link to={`/teachers/${h.teacher.id}`}>{h.teacher.name}</Link>,
                  },
                  { title: t('teachers.col.school'), key: 'school', render: (_, h) => h.school.name },
                  { title: t('teachers.col.hireDate'), dataIndex: 'hireDate', width: 110 },
                  {
                    title: t('teachers.col.education'),
                    key: 'edu',
                    width: 110,
                    render: (_, h) => pick(EDUCATION_LABELS[h.education], lang),
                  },
                  { title: t('teachers.hires.years'), dataIndex: 'enterpriseYears', width: 110 },
                  {
                    title: t('teachers.hires.result'),
                    key: 'result',
                    render: (_, h) =>
                      h.compliant ? (
                        <Tag color="green">{t('teachers.hire.compliant')}</Tag>
                      ) : (
                        <>
                          {h.reasons.map((r) => (
                            <div key={r.code}>{lang === 'en' ? r.messageEn : r.message}</div>
                          ))}
                          {h.exception && (
                            <Tag color="gold">
                              {t('teachers.hire.exception', { reason: h.exception.reason })}
                            </Tag>
                          )}
                        </>
                      ),
                  },
                  {
                    title: t('common.actions'),
                    key: 'act',
                    width: 110,
                    render: (_, h) =>
                      h.abilities.grantException && (
                        <Button
                          size="small"
                          onClick={() => setGranting(h)}
                          data-testid={`hire-grant-${h.teacher.id}`}
                        >
                          {t('teachers.hires.grant')}
                        </Button>
                      ),
                  },
                ]}
              />
            </Card>
          </>
        )}
      </QueryState>
      <GrantModal hire={granting} onClose={() => setGranting(null)} />
    </div>
  );
}

function GrantModal({ hire, onClose }: { hire: Hire | null; onClose: () => void }) {
  const t = useT();
  const grant = useGrantHireException();
  return (
    <FormModal
      open={hire !== null}
      onClose={onClose}
      title={t('teachers.hires.grantTitle', { name: hire?.teacher.name ?? '' })}
      mutation={grant}
      toInput={(v: { reason: string }) => ({ teacherId: hire!.teacher.id, reason: v.reason.trim() })}
      successMessage={t('teachers.done.exceptionGranted')}
    >
      <Form.Item
        name="reason"
        label={t('teachers.hires.reason')}
        rules={[{ required: true, whitespace: true, message: t('teachers.dq.reasonRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}
