import {
  EDUCATION_LABELS,
  EDUCATION_LEVELS,
  PROFESSIONAL_TITLES,
  TEACHER_SERIES,
  TEACHER_SERIES_LABELS,
  TITLE_LABELS,
} from '@zhijiao/contracts';
import { Button, Checkbox, DatePicker, Drawer, Form, Input, Select, Space, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useFormSubmit } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useCreateTeacher } from '../api/create-teacher';
import { useUpdateTeacher } from '../api/update-teacher';
import { useManagedSchools } from '../lib/schools';
import type { NewTeacher, School, TeacherChange, TeacherDetail } from '../types';
import { TeacherFormLists } from './teacher-form-lists';

const ISO = 'YYYY-MM-DD';
type D = Dayjs | null | undefined;
const iso = (d: D) => (d ? d.format(ISO) : null);
const day = (s: string | null) => (s ? dayjs(s) : null);

/** Form values: the body with dayjs dates. */
type Values = Omit<
  NewTeacher,
  'hireDate' | 'leaveDate' | 'specialisedPeriods' | 'workHistory' | 'certificates' | 'idNumber'
> & {
  idNumber?: string;
  hireDate: Dayjs;
  leaveDate?: D;
  specialisedPeriods?: Array<{ startsOn: Dayjs; endsOn?: D }>;
  workHistory?: Array<{ employer: string; industry?: string; job?: string; startsOn: Dayjs; endsOn?: D }>;
  certificates?: Array<
    Omit<NonNullable<NewTeacher['certificates']>[number], 'issuedOn'> & { issuedOn: Dayjs }
  >;
};

/** The record's fields as the API takes them (the ID number and phone only when typed). */
function toChange(v: Values): TeacherChange {
  return {
    ...(v.idNumber?.trim() ? { idNumber: v.idNumber.trim() } : {}),
    ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
    name: v.name.trim(),
    education: v.education,
    professionalTitle: v.professionalTitle,
    post: (v.post ?? '').trim(),
    series: v.series,
    internshipInstructor: Boolean(v.internshipInstructor),
    hireDate: v.hireDate.format(ISO),
    leaveDate: iso(v.leaveDate),
    majors: (v.majors ?? []).map((m) => ({ code: m.code.trim(), name: (m.name ?? '').trim() })),
    specialisedPeriods: (v.specialisedPeriods ?? []).map((p) => ({
      startsOn: p.startsOn.format(ISO),
      endsOn: iso(p.endsOn),
    })),
    workHistory: (v.workHistory ?? []).map((w) => ({
      employer: w.employer,
      industry: w.industry ?? '',
      job: w.job ?? '',
      startsOn: w.startsOn.format(ISO),
      endsOn: iso(w.endsOn),
    })),
    certificates: (v.certificates ?? []).map((c) => ({
      ...c,
      issuer: c.issuer ?? '',
      certificateNo: c.certificateNo ?? '',
      level: c.level ?? null,
      issuedOn: c.issuedOn.format(ISO),
    })),
    practice: (v.practice ?? []).map((p) => ({ ...p, enterprise: p.enterprise ?? '' })),
  };
}

/** The teacher's record as form values (the phone and ID number left empty: answers carry them masked). */
function valuesOf(teacher: TeacherDetail) {
  return {
    ...teacher,
    phone: undefined,
    hireDate: dayjs(teacher.hireDate),
    leaveDate: day(teacher.leaveDate),
    specialisedPeriods: teacher.specialisedPeriods.map((p) => ({
      startsOn: dayjs(p.startsOn),
      endsOn: day(p.endsOn),
    })),
    workHistory: teacher.workHistory.map((w) => ({
      ...w,
      startsOn: dayjs(w.startsOn),
      endsOn: day(w.endsOn),
    })),
    certificates: teacher.certificates.map((c) => ({ ...c, issuedOn: dayjs(c.issuedOn) })),
  };
}

/**
 * Adds a teacher to a school's register or changes one, every list replaced as a whole. The ID
 * number is asked for on creation; on change it stays unless a corrected one is typed (the form
 * never holds the stored one: answers carry it masked).
 */
export function TeacherFormDrawer(props: {
  open: boolean;
  onClose: () => void;
  teacher?: TeacherDetail;
  schools?: School[];
}) {
  return props.teacher ? (
    <EditTeacherDrawer {...props} teacher={props.teacher} />
  ) : (
    <NewTeacherDrawer {...props} />
  );
}

function NewTeacherDrawer({
  open,
  onClose,
  schools: listed,
}: {
  open: boolean;
  onClose: () => void;
  schools?: School[];
}) {
  const t = useT();
  const navigate = useNavigate();
  const managed = useManagedSchools();
  const schools = managed.length ? managed : (listed ?? []);
  const create = useCreateTeacher();
  const saving = useFormSubmit({
    mutation: create,
    toInput: (v: Values): NewTeacher => ({
      ...toChange(v),
      schoolId: v.schoolId,
      idNumber: (v.idNumber ?? '').trim(),
    }),
    successMessage: t('teachers.done.added'),
    onSaved: (saved) => {
      onClose();
      navigate(`/teachers/${saved.id}`);
    },
  });
  const initialValues = {
    schoolId: schools.length === 1 ? schools[0]!.id : undefined,
    education: 'bachelor',
    professionalTitle: 'none',
    series: 'full_time',
    internshipInstructor: false,
    post: '',
    majors: [],
    specialisedPeriods: [],
    workHistory: [],
    certificates: [],
    practice: [],
  } as const;
  return (
    <TeacherDrawer
      open={open}
      onClose={onClose}
      title={t('teachers.add')}
      saving={saving}
      initialValues={initialValues}
    >
      <Form.Item
        name="schoolId"
        label={t('teachers.col.school')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Select options={schools.map((s) => ({ value: s.id, label: s.name }))} />
      </Form.Item>
    </TeacherDrawer>
  );
}

function EditTeacherDrawer({
  open,
  onClose,
  teacher,
}: {
  open: boolean;
  onClose: () => void;
  teacher: TeacherDetail;
}) {
  const t = useT();
  const update = useUpdateTeacher();
  const saving = useFormSubmit({
    mutation: update,
    toInput: (v: Values) => ({ id: teacher.id, body: toChange(v) }),
    successMessage: t('teachers.done.updated'),
    onSaved: onClose,
  });
  return (
    <TeacherDrawer
      open={open}
      onClose={onClose}
      title={t('teachers.editTitle', { name: teacher.name })}
      saving={saving}
      initialValues={valuesOf(teacher)}
      teacher={teacher}
    />
  );
}

/** The drawer with the record's fields (`children` first: the school, on creation). */
function TeacherDrawer({
  open,
  onClose,
  title,
  saving: { form, submit, submitting },
  initialValues,
  teacher,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  saving: { form: FormInstance<Values>; submit: () => Promise<void>; submitting: boolean };
  initialValues: object;
  teacher?: TeacherDetail;
  children?: ReactNode;
}) {
  const t = useT();
  const lang = useLang();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={760}
      destroyOnHidden
      title={title}
      extra={
        <Space>
          <Button onClick={onClose}>{t('teachers.cancel')}</Button>
          <Button
            type="primary"
            loading={submitting}
            onClick={() => void submit()}
            data-testid="teacher-form-submit"
          >
            {t('teachers.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={initialValues} preserve={false}>
        {children}
        <Space wrap align="start">
          <Form.Item
            name="name"
            label={t('teachers.col.name')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={100} style={{ width: 160 }} data-testid="teacher-name" />
          </Form.Item>
          <Form.Item
            name="idNumber"
            label={t('teachers.col.idNumber')}
            extra={teacher ? t('teachers.field.keepHint', { value: teacher.idMasked }) : undefined}
            rules={teacher ? [] : [{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={18} style={{ width: 220 }} data-testid="teacher-id-number" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('teachers.col.phone')}
            extra={
              teacher?.phoneMasked ? t('teachers.field.keepHint', { value: teacher.phoneMasked }) : undefined
            }
          >
            <Input maxLength={20} style={{ width: 170 }} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="education" label={t('teachers.col.education')} rules={[{ required: true }]}>
            <Select
              style={{ width: 150 }}
              options={EDUCATION_LEVELS.map((e) => ({ value: e, label: pick(EDUCATION_LABELS[e], lang) }))}
            />
          </Form.Item>
          <Form.Item name="professionalTitle" label={t('teachers.col.title')} rules={[{ required: true }]}>
            <Select
              style={{ width: 180 }}
              options={PROFESSIONAL_TITLES.map((e) => ({ value: e, label: pick(TITLE_LABELS[e], lang) }))}
            />
          </Form.Item>
          <Form.Item name="series" label={t('teachers.col.series')} rules={[{ required: true }]}>
            <Select
              style={{ width: 150 }}
              options={TEACHER_SERIES.map((e) => ({ value: e, label: pick(TEACHER_SERIES_LABELS[e], lang) }))}
            />
          </Form.Item>
          <Form.Item name="post" label={t('teachers.col.post')}>
            <Input maxLength={100} style={{ width: 150 }} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item
            name="hireDate"
            label={t('teachers.col.hireDate')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="leaveDate" label={t('teachers.col.leaveDate')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="internshipInstructor" valuePropName="checked" label=" ">
            <Checkbox>{t('teachers.col.internship')}</Checkbox>
          </Form.Item>
        </Space>
        <TeacherFormLists />
      </Form>
    </Drawer>
  );
}
