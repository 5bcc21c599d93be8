import { EDUCATION_LABELS, TITLE_LABELS } from '@zhijiao/contracts';
import { App, Button, Card, Descriptions, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { useTeacher } from '../api/get-teacher';
import { useUnmaskTeacher } from '../api/unmask-teacher';
import { majorTexts } from '../lib/major-text';
import type { TeacherDetail } from '../types';
import { ApplyModal } from './apply-modal';
import { RecordRecognitionModal } from './record-recognition-modal';
import { DqTag, SeriesTag } from './teacher-tags';
import { TeacherFormDrawer } from './teacher-form-drawer';
import { HireCheckCard, TeacherParts, TeacherRecognitions } from './teacher-sections';
import { TeachersTabs } from './teachers-tabs';

/**
 * `/teachers/:id`: one teacher — the register entry (masked), 专业课 periods, work history,
 * certificates, practice hours, 双师型 recognitions and applications, the recruitment check —
 * with what the user may do: edit, view the ID in clear (audited), apply, record a recognition.
 */
export function TeacherPage() {
  const { id = '' } = useParams();
  const teacher = useTeacher(id);
  return (
    <div data-testid="teacher-page">
      <TeachersTabs />
      <QueryState query={teacher}>{(d) => <TeacherView teacher={d} />}</QueryState>
    </div>
  );
}

function TeacherView({ teacher: d }: { teacher: TeacherDetail }) {
  const t = useT();
  const lang = useLang();
  const { modal } = App.useApp();
  const showError = useShowError();
  const unmaskTeacher = useUnmaskTeacher();
  const [editing, setEditing] = useState(false);
  const [applying, setApplying] = useState(false);
  const [recording, setRecording] = useState(false);
  const unmask = () =>
    unmaskTeacher
      .mutateAsync(d.id)
      .then((clear) => {
        modal.info({
          title: t('teachers.unmask.title', { name: d.name }),
          content: (
            <Descriptions column={1} size="small" data-testid="teacher-unmasked">
              <Descriptions.Item label={t('teachers.col.idNumber')}>{clear.idNumber}</Descriptions.Item>
              <Descriptions.Item label={t('teachers.col.birthDate')}>{clear.birthDate}</Descriptions.Item>
              <Descriptions.Item label={t('teachers.col.phone')}>{clear.phone ?? '—'}</Descriptions.Item>
            </Descriptions>
          ),
        });
      })
      .catch((e) => showError(e));
  return (
    <>
      <PageHeader
        back
        printable
        title={d.name}
        subtitle={`${d.school.name} · ${d.post || pick(TITLE_LABELS[d.professionalTitle], lang)}`}
        extra={
          <>
            {d.abilities.unmask && (
              <Button
                onClick={() => modal.confirm({ title: t('teachers.unmask.confirm'), onOk: unmask })}
                data-testid="teacher-unmask"
              >
                {t('teachers.unmask.button')}
              </Button>
            )}
            {d.abilities.edit && (
              <Button onClick={() => setEditing(true)} data-testid="teacher-edit">
                {t('teachers.edit')}
              </Button>
            )}
            {d.abilities.recordRecognition && (
              <Button onClick={() => setRecording(true)}>{t('teachers.recordRecognition')}</Button>
            )}
            {d.abilities.apply && (
              <Button type="primary" onClick={() => setApplying(true)} data-testid="dq-apply-button">
                {t('teachers.apply.button')}
              </Button>
            )}
          </>
        }
      />
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('teachers.col.idMasked')}>{d.idMasked}</Descriptions.Item>
          <Descriptions.Item label={t('teachers.col.sex')}>{t(`teachers.sex.${d.sex}`)}</Descriptions.Item>
          <Descriptions.Item
            label={<Tooltip title={t('teachers.col.ageHint')}>{t('teachers.col.age')}</Tooltip>}
          >
            {d.age}
          </Descriptions.Item>
          <Descriptions.Item label={t('teachers.col.phone')}>{d.phoneMasked ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('teachers.col.education')}>
            {pick(EDUCATION_LABELS[d.education], lang)}
          </Descriptions.Item>
          <Descriptions.Item label={t('teachers.col.title')}>
            {pick(TITLE_LABELS[d.professionalTitle], lang)}
          </Descriptions.Item>
          <Descriptions.Item label={t('teachers.col.series')}>
            <Space size={4}>
              <SeriesTag series={d.series} />
              {d.internshipInstructor && t('teachers.col.internship')}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('teachers.col.hireDate')}>{d.hireDate}</Descriptions.Item>
          <Descriptions.Item label={t('teachers.col.leaveDate')}>{d.leaveDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('teachers.col.majors')}>{majorTexts(d.majors)}</Descriptions.Item>
          <Descriptions.Item label={t('teachers.col.specialised')}>
            {d.specialised ? t('common.yes') : t('common.no')}
          </Descriptions.Item>
          <Descriptions.Item label={t('teachers.col.dq')}>
            <DqTag dq={d.dq} />
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <TeacherRecognitions teacher={d} />
      <HireCheckCard teacher={d} />
      <TeacherParts teacher={d} />
      {editing && <TeacherFormDrawer open teacher={d} onClose={() => setEditing(false)} />}
      {applying && <ApplyModal open teacherId={d.id} onClose={() => setApplying(false)} />}
      {recording && <RecordRecognitionModal open teacherId={d.id} onClose={() => setRecording(false)} />}
    </>
  );
}
