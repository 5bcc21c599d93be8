import { FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Empty, Form, Input, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { selectAllTitle } from '@/components/select-all-title';
import { useState, type HTMLAttributes } from 'react';
import { FormModal } from '@/components/form-modal';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { downloadNotice } from '../api/download-notice';
import { useConfirmRegistrations } from '../api/confirm-registrations';
import { useRecordRegistration } from '../api/record-registration';
import type { Admission } from '../types';
import { RegistrationTag } from './enrollment-tags';

/**
 * Admitted candidates with 报到 actions (confirm, or not enrolled with a reason) and the notice PDF;
 * the ticked candidates not yet registered can be confirmed at once.
 */
export function AdmissionsTable({ rows, canRegister }: { rows: Admission[]; canRegister: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const record = useRecordRegistration();
  const [declining, setDeclining] = useState<Admission | null>(null);
  const confirmMany = useConfirmRegistrations();
  const [ticked, setTicked] = useState<string[]>([]);
  const confirmTicked = () =>
    confirmMany.mutate(
      { candidateIds: ticked },
      {
        onSuccess: (r) => {
          void message.success(t('enrollment.admissions.batchRegistered', { count: r.registered }));
          setTicked([]);
        },
        onError: (e) => showError(e),
      },
    );
  const confirm = (a: Admission) =>
    record.mutate(
      { candidateId: a.candidateId, status: 'registered' },
      {
        onSuccess: () => message.success(t('enrollment.admissions.registered')),
        onError: (e) => showError(e),
      },
    );
  return (
    <>
      {canRegister && (
        <Space style={{ marginBottom: 8 }} wrap>
          <Popconfirm
            title={t('enrollment.admissions.batchConfirmTitle', { count: ticked.length })}
            okButtonProps={{ 'data-testid': 'registration-batch-ok' }}
            onConfirm={confirmTicked}
            disabled={ticked.length === 0}
          >
            <Button
              type="primary"
              size="small"
              disabled={ticked.length === 0}
              loading={confirmMany.isPending}
              data-testid="registration-batch-confirm"
            >
              {t('enrollment.admissions.batchConfirm', { count: ticked.length })}
            </Button>
          </Popconfirm>
        </Space>
      )}
      <Table
        size="small"
        rowKey="candidateId"
        dataSource={rows}
        rowSelection={
          canRegister
            ? {
                selectedRowKeys: ticked,
                columnTitle: selectAllTitle(t('common.selectAll')),
                onChange: (keys) => setTicked(keys.map(String)),
                getCheckboxProps: (a) => ({
                  disabled: a.registration?.status === 'registered',
                  'aria-label': t('enrollment.admissions.select', { name: a.name }),
                }),
              }
            : undefined
        }
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        onRow={(a, index) =>
          ({
            'data-testid': `admission-row-${index ?? 0}`,
            'data-exam': a.examNumber,
          }) as HTMLAttributes<HTMLElement>
        }
        locale={{ emptyText: <Empty description={t('enrollment.admissions.empty')} /> }}
        columns={[
          { title: t('enrollment.col.examNumber'), dataIndex: 'examNumber', width: 110 },
          { title: t('enrollment.col.name'), dataIndex: 'name', width: 90 },
          { title: t('enrollment.col.idMasked'), dataIndex: 'idMasked', width: 190 },
          {
            title: t('enrollment.col.sex'),
            key: 'sex',
            width: 60,
            render: (_, a) => t(`enrollment.sex.${a.sex}`),
          },
          { title: t('enrollment.col.juniorHigh'), dataIndex: 'juniorHigh', width: 160 },
          {
            title: t('enrollment.col.program'),
            key: 'program',
            width: 200,
            render: (_, a) => `${a.program.schoolName} ${a.program.name}`,
          },
          {
            title: t('enrollment.col.score'),
            key: 'score',
            width: 80,
            align: 'right',
            render: (_, a) => formatNumber(a.score),
          },
          { title: t('enrollment.col.choice'), dataIndex: 'choice', width: 80, align: 'right' },
          {
            title: t('enrollment.col.seat'),
            key: 'seat',
            width: 100,
            render: (_, a) =>
              a.seat ? (
                <Tag color="cyan">{t('enrollment.admissions.reservedSeat')}</Tag>
              ) : (
                t('enrollment.admissions.openSeat')
              ),
          },
          {
            title: t('enrollment.col.registration'),
            key: 'registration',
            width: 120,
            render: (_, a) => (
              <Tooltip
                title={
                  a.registration
                    ? `${formatDateTime(a.registration.recordedAt)}${a.registration.reason ? ` · ${a.registration.reason}` : ''}`
                    : undefined
                }
              >
                <span data-testid="registration-status">
                  <RegistrationTag status={a.registration?.status ?? null} />
                </span>
              </Tooltip>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 250,
            fixed: 'right',
            render: (_, a, i) => (
              <Space size={4} wrap>
                {canRegister && a.registration?.status !== 'registered' && (
                  <Popconfirm
                    title={t('enrollment.admissions.confirmTitle', { name: a.name })}
                    okButtonProps={{ 'data-testid': 'registration-confirm-ok' }}
                    onConfirm={() => confirm(a)}
                  >
                    <Button size="small" type="primary" data-testid={`registration-confirm-${i}`}>
                      {t('enrollment.admissions.confirm')}
                    </Button>
                  </Popconfirm>
                )}
                {canRegister && a.registration?.status !== 'declined' && (
                  <Button
                    size="small"
                    data-testid={`registration-decline-${i}`}
                    onClick={() => setDeclining(a)}
                  >
                    {t('enrollment.admissions.decline')}
                  </Button>
                )}
                <Button
                  size="small"
                  type="link"
                  icon={<FilePdfOutlined />}
                  data-testid={`notice-download-${i}`}
                  onClick={() =>
                    downloadNotice(a.candidateId, a.examNumber).catch((e: unknown) => showError(e))
                  }
                >
                  {t('enrollment.admissions.notice')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <FormModal
        open={declining !== null}
        onClose={() => setDeclining(null)}
        title={declining ? t('enrollment.admissions.declineTitle', { name: declining.name }) : ''}
        okText={t('enrollment.admissions.declineSave')}
        testId="registration-decline-submit"
        mutation={record}
        toInput={(v: { reason: string }) => ({
          candidateId: declining!.candidateId,
          status: 'declined' as const,
          reason: v.reason.trim(),
        })}
        successMessage={t('enrollment.admissions.declinedSaved')}
      >
        <Form.Item
          name="reason"
          label={t('enrollment.admissions.reason')}
          rules={[
            { required: true, whitespace: true, message: t('enrollment.admissions.reasonRequired') },
            { max: 500 },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="registration-reason" />
        </Form.Item>
      </FormModal>
    </>
  );
}
