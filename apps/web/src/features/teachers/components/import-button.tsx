import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { FieldIssue } from '@zhijiao/contracts';
import { Alert, App, Button, Modal, Table, Upload } from 'antd';
import { useState } from 'react';
import { isApiError } from '@/lib/api-error';
import { issueText } from '@/lib/error-text';
import type { MessageKey } from '@/lib/i18n';
import { useT } from '@/lib/i18n';
import { useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { downloadImportTemplate } from '../api/download-import-template';
import { useImportTeachers } from '../api/import-teachers';

/** The column an import problem names, as the template heads it. */
const FIELD_LABELS: Record<string, MessageKey> = {
  file: 'teachers.col.file',
  schoolCode: 'teachers.col.school',
  name: 'teachers.col.name',
  idNumber: 'teachers.col.idNumber',
  sex: 'teachers.col.sex',
  phone: 'teachers.col.phone',
  education: 'teachers.col.education',
  professionalTitle: 'teachers.col.title',
  post: 'teachers.col.post',
  series: 'teachers.col.series',
  internshipInstructor: 'teachers.col.internship',
  majors: 'teachers.col.majors',
  hireDate: 'teachers.col.hireDate',
  leaveDate: 'teachers.col.leaveDate',
  specialised: 'teachers.section.periods',
  'specialised.startsOn': 'teachers.section.periods',
  'specialised.endsOn': 'teachers.section.periods',
};

/**
 * 导入 and 下载模板: uploads the register .xlsx; the import is all or nothing, so a refused file
 * shows every problem by row and field in a modal and nothing changes.
 */
export function ImportButton() {
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const showError = useShowError();
  const importFile = useImportTeachers();
  const [problems, setProblems] = useState<FieldIssue[] | null>(null);

  const upload = (file: File) =>
    importFile.mutate(file, {
      onSuccess: (r) =>
        void message.success(
          r.repeated
            ? t('teachers.import.repeated')
            : t('teachers.import.ok', {
                rows: r.rows,
                created: r.created,
                updated: r.updated,
                unchanged: r.unchanged,
              }),
        ),
      onError: (error) => {
        if (isApiError(error) && error.code === 'TEACHER_IMPORT_INVALID' && error.fieldIssues.length)
          setProblems(error.fieldIssues);
        else showError(error);
      },
    });

  return (
    <>
      <Button
        icon={<DownloadOutlined />}
        onClick={() => void downloadImportTemplate().catch(showError)}
        data-testid="teachers-template"
      >
        {t('teachers.template')}
      </Button>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          upload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={importFile.isPending} data-testid="teachers-import">
          {t('teachers.import')}
        </Button>
      </Upload>
      <Modal
        open={problems !== null}
        title={t('teachers.import.failedTitle')}
        width={760}
        footer={null}
        onCancel={() => setProblems(null)}
      >
        <Alert type="error" showIcon title={t('teachers.import.failed', { count: problems?.length ?? 0 })} />
        <Table
          size="small"
          style={{ marginTop: 12 }}
          rowKey={(p) => `${p.row}-${p.field}-${p.code}`}
          dataSource={problems ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          data-testid="teachers-import-problems"
          columns={[
            { title: t('teachers.col.row'), dataIndex: 'row', width: 70 },
            {
              title: t('teachers.col.field'),
              key: 'field',
              width: 160,
              render: (_, p) => (FIELD_LABELS[p.field] ? t(FIELD_LABELS[p.field]!) : p.field),
            },
            {
              title: t('teachers.col.problem'),
              key: 'm',
              render: (_, p) => issueText(p, lang),
            },
          ]}
        />
      </Modal>
    </>
  );
}
