import {
  CheckCircleOutlined,
  EditOutlined,
  PlayCircleOutlined,
  PlusOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Col, Popconfirm, Row } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { useInspection } from '../api/get-inspection';
import { useStartInspection } from '../api/start-inspection';
import type { Finding } from '../types';
import { CompleteInspectionModal } from './complete-inspection-modal';
import { FindingFormModal } from './finding-form-modal';
import { FindingsTable } from './findings-table';
import { InspectionFormModal } from './inspection-form-modal';
import { InspectionInfo, InspectionSchedule } from './inspection-info';
import { IssueOrderModal } from './issue-order-modal';
import { ReportActions } from './report-actions';

type Dialog = 'edit' | 'complete' | 'finding' | null;

/** `/supervision/inspections/:id`: scope, inspectors, schedule, findings (with orders) and the report. */
export function InspectionPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const inspection = useInspection(id);
  const start = useStartInspection();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [ordering, setOrdering] = useState<Finding | null>(null);
  return (
    <QueryState query={inspection}>
      {(i) => (
        <div data-testid="inspection-page">
          <PageHeader
            back
            printable
            title={i.title}
            subtitle={t('supervision.inspection.subtitle', {
              findings: i.findingCount,
              orders: i.openOrderCount,
            })}
            extra={
              <>
                <Link to={`/supervision/interviews?inspection=${i.id}`}>
                  <Button icon={<TeamOutlined />}>{t('supervision.interviews.title')}</Button>
                </Link>
                {i.abilities.edit && (
                  <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                    {t('common.edit')}
                  </Button>
                )}
                {i.abilities.start && (
                  <Popconfirm
                    title={t('supervision.inspection.startConfirm')}
                    onConfirm={() =>
                      start.mutate(i.id, {
                        onSuccess: () => message.success(t('supervision.inspection.started')),
                        onError: (e) => showError(e),
                      })
                    }
                  >
                    <Button
                      type="primary"
                      icon={<PlayCircleOutlined />}
                      loading={start.isPending}
                      data-testid="inspection-start"
                    >
                      {t('supervision.inspection.start')}
                    </Button>
                  </Popconfirm>
                )}
                {i.abilities.complete && (
                  <Button
                    icon={<CheckCircleOutlined />}
                    onClick={() => setDialog('complete')}
                    data-testid="inspection-complete"
                  >
                    {t('supervision.inspection.complete')}
                  </Button>
                )}
              </>
            }
          />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={16}>
              <Card size="small" title={t('supervision.inspection.info')} style={{ height: '100%' }}>
                <InspectionInfo inspection={i} />
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card size="small" title={t('supervision.field.schedule')} style={{ marginBottom: 16 }}>
                <InspectionSchedule schedule={i.schedule} />
              </Card>
              <Card size="small" title={t('supervision.report.title')}>
                <ReportActions inspection={i} />
              </Card>
            </Col>
            <Col span={24}>
              <Card
                size="small"
                title={t('supervision.inspection.findings')}
                extra={
                  i.abilities.addFinding && (
                    <Button
                      type="primary"
                      size="small"
                      icon={<PlusOutlined />}
                      data-testid="create-finding-button"
                      onClick={() => setDialog('finding')}
                    >
                      {t('supervision.finding.add')}
                    </Button>
                  )
                }
              >
                <FindingsTable
                  findings={i.findings}
                  onIssueOrder={setOrdering}
                  emptyText={t(
                    i.state === 'planned'
                      ? 'supervision.inspection.noFindingsPlanned'
                      : i.abilities.addFinding
                        ? 'supervision.inspection.noFindingsActive'
                        : 'supervision.inspection.noFindings',
                  )}
                />
              </Card>
            </Col>
          </Row>
          {i.abilities.edit && (
            <InspectionFormModal open={dialog === 'edit'} inspection={i} onClose={() => setDialog(null)} />
          )}
          <CompleteInspectionModal id={i.id} open={dialog === 'complete'} onClose={() => setDialog(null)} />
          {i.abilities.addFinding && (
            <FindingFormModal inspection={i} open={dialog === 'finding'} onClose={() => setDialog(null)} />
          )}
          <IssueOrderModal finding={ordering} onClose={() => setOrdering(null)} />
        </div>
      )}
    </QueryState>
  );
}
