import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { isApiError } from '@/lib/api-error';
import { describeError } from '@/lib/error-text';
import { useT } from '@/lib/i18n';
import { useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { downloadTemplate } from '../api/download-template';
import { useImportCandidates } from '../api/import-candidates';
import type { FieldIssue } from '@zhijiao/contracts';
import type { ImportResult, SeasonDetail } from '../types';

const MAX_BYTES = 20 * 1024 * 1024;

/**
 * 考生导入: the exam office's .xlsx against the season's template. All or nothing: a refused file
 * shows every problem by row and column and nothing is stored; an accepted one shows its counts.
 */
export function CandidateImport({ season }: { season: SeasonDetail }) {
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const showError = useShowError();
  const upload = useImportCandidates();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [problems, setProblems] = useState<{ title: string; rows: FieldIssue[] } | null>(null);
  const columnName = (field: string) => {
    const fixed: Record<string, string> = {
      examNumber: t('enrollment.col.examNumber'),
      name: t('enrollment.col.name'),
      idNumber: t('enrollment.col.idNumber'),
      sex: t('enrollment.col.sex'),
      schoolCode: t('enrollment.col.schoolCode'),
      bonus: t('enrollment.col.bonus'),
      file: t('enrollment.import.file'),
    };
    if (fixed[field]) return fixed[field];
    const subject = field.startsWith('scores.')
      ? season.subjects.find((s) => `scores.${s.key}` === field)
      : undefined;
    return subject?.name ?? field;
  };
  const send = (file: File) => {
    setResult(null);
    setProblems(null);
    upload.mutate(
      { seasonId: season.id, file },
      {
        onSuccess: (r) => {
          setResult(r);
          message.success(t('enrollment.import.done'));
        },
        onError: (error) => {
          const rows = isApiError(error) ? error.fieldIssues : [];
          if (rows.length > 0) setProblems({ title: describeError(error, lang), rows });
          else showError(error);
        },
      },
    );
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Upload
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          showUploadList={false}
          beforeUpload={(file) => {
            if (!file.name.toLowerCase().endsWith('.xlsx')) message.error(t('enrollment.import.onlyXlsx'));
            else if (file.size > MAX_BYTES) message.error(t('enrollment.import.tooLarge'));
            else send(file);
            return false;
          }}
        >
          <span data-testid="candidate-import-upload">
            <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending}>
              {t('enrollment.import.upload')}
            </Button>
          </span>
        </Upload>
        <Button
          type="link"
          icon={<DownloadOutlined />}
          data-testid="import-template"
          onClick={() => downloadTemplate(season.id).catch((e: unknown) => showError(e))}
        >
          {t('enrollment.import.template')}
        </Button>
        <Typography.Text type="secondary">{t('enrollment.import.hint')}</Typography.Text>
      </Space>
      {result && (
        <Alert
          type="success"
          showIcon
          data-testid="import-result"
          title={
            result.repeated
              ? t('enrollment.import.repeated', { rows: result.rows })
              : t('enrollment.import.counts', {
                  rows: result.rows,
                  created: result.created,
                  updated: result.updated,
                  unchanged: result.unchanged,
                })
          }
        />
      )}
      {problems && (
        <div data-testid="import-errors">
          <Alert
            type="error"
            showIcon
            title={problems.title}
            description={t('enrollment.import.problems', { count: problems.rows.length })}
            style={{ marginBottom: 8 }}
          />
          <Table
            size="small"
            rowKey={(r) => `${r.row ?? 0}-${r.field}-${r.code}`}
            dataSource={problems.rows}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            columns={[
              { title: t('enrollment.import.row'), key: 'row', width: 80, render: (_, r) => r.row ?? '—' },
              {
                title: t('enrollment.import.column'),
                key: 'field',
                width: 140,
                render: (_, r) => columnName(r.field),
              },
              {
                title: t('enrollment.import.message'),
                key: 'message',
                render: (_, r) => (lang === 'en' && r.messageEn ? r.messageEn : r.message),
              },
            ]}
          />
        </div>
      )}
    </Space>
  );
}
