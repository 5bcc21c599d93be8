import {
  PREMIUM_PAYER_LABELS,
  PREMIUM_PAYERS,
  type PlacementDocument,
  type PremiumPayer,
} from '@zhijiao/contracts';
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { EvidenceUpload, storedFileList, uploadedIds, type EvidenceFile } from '@/components/evidence-upload';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import type { Placement } from '../api/get-placement';
import { usePutDocuments, type DocumentsInput } from '../api/put-documents';

interface Values {
  files: EvidenceFile[];
  signedOn?: Dayjs;
  studentSignedOn?: Dayjs;
  guardianSignedOn?: Dayjs;
  insurer?: string;
  policyNumber?: string;
  period?: [Dayjs, Dayjs];
  premiumPaidBy?: PremiumPayer;
}

const day = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD') ?? null;

/** Puts one document on file: the three-party agreement, the consent or the insurance policy, with its file. */
export function DocumentsModal({
  placement: p,
  document,
  onClose,
}: {
  placement: Placement;
  document: PlacementDocument;
  onClose: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const save = usePutDocuments();
  const minor = p.student.ageAtStart < 18;
  const current = { agreement: p.agreement?.file, consent: p.consent?.file, insurance: p.insurance?.file }[
    document
  ];
  const initial: Partial<Values> = {
    files: storedFileList(current ? [current] : []),
    signedOn: p.agreement ? dayjs(p.agreement.signedOn) : undefined,
    studentSignedOn: p.consent?.studentSignedOn ? dayjs(p.consent.studentSignedOn) : undefined,
    guardianSignedOn: p.consent?.guardianSignedOn ? dayjs(p.consent.guardianSignedOn) : undefined,
    insurer: p.insurance?.insurer,
    policyNumber: p.insurance?.policyNumber,
    period: p.insurance
      ? [dayjs(p.insurance.startsOn), dayjs(p.insurance.endsOn)]
      : [dayjs(p.startsOn), dayjs(p.endsOn)],
    premiumPaidBy: p.insurance?.premiumPaidBy ?? 'school',
  };
  const toInput = (v: Values): { id: string; body: DocumentsInput } => {
    const fileId = uploadedIds(v.files)[0] ?? '';
    if (document === 'agreement')
      return { id: p.id, body: { agreement: { fileId, signedOn: day(v.signedOn)! } } };
    if (document === 'consent')
      return {
        id: p.id,
        body: {
          consent: {
            fileId,
            studentSignedOn: day(v.studentSignedOn),
            guardianSignedOn: day(v.guardianSignedOn),
          },
        },
      };
    return {
      id: p.id,
      body: {
        insurance: {
          insurer: v.insurer ?? '',
          policyNumber: v.policyNumber ?? '',
          startsOn: day(v.period?.[0])!,
          endsOn: day(v.period?.[1])!,
          premiumPaidBy: v.premiumPaidBy!,
          fileId,
        },
      },
    };
  };
  const required = [{ required: true, message: t('common.required') }];
  return (
    <FormModal<Values, { id: string; body: DocumentsInput }, Placement>
      open
      onClose={onClose}
      width={560}
      title={t(`internships.doc.${document}`)}
      okText={t('internships.save')}
      testId="documents-save"
      mutation={save}
      toInput={toInput}
      mapPath={(path) => {
        const last = path[path.length - 1];
        if (last === 'fileId') return ['files'];
        if (last === 'startsOn' || last === 'endsOn') return ['period'];
        return path.slice(1);
      }}
      successMessage={t('internships.documents.saved')}
      initialValues={initial}
    >
      <Form.Item
        name="files"
        label={t(`internships.documents.fileOf.${document}`)}
        required
        rules={[
          {
            validator: (_, files: EvidenceFile[]) =>
              uploadedIds(files ?? []).length === 1
                ? Promise.resolve()
                : Promise.reject(new Error(t('internships.documents.fileRequired'))),
          },
        ]}
      >
        <EvidenceUpload
          max={1}
          testId={`upload-${document}`}
          buttonLabel={t(`internships.documents.uploadOf.${document}`)}
        />
      </Form.Item>
      {document === 'agreement' && (
        <Form.Item name="signedOn" label={t('internships.documents.signedOn')} rules={required}>
          <DatePicker style={{ width: '100%' }} data-testid="agreement-signed-on" />
        </Form.Item>
      )}
      {document === 'consent' && (
        <>
          <Form.Item
            name="studentSignedOn"
            label={t('internships.documents.studentSignedOn')}
            rules={required}
          >
            <DatePicker style={{ width: '100%' }} data-testid="consent-student-signed-on" />
          </Form.Item>
          <Form.Item
            name="guardianSignedOn"
            label={t('internships.documents.guardianSignedOn')}
            rules={minor ? required : []}
            extra={
              minor ? t('internships.documents.guardianNeeded', { age: p.student.ageAtStart }) : undefined
            }
          >
            <DatePicker style={{ width: '100%' }} data-testid="consent-guardian-signed-on" />
          </Form.Item>
        </>
      )}
      {document === 'insurance' && (
        <>
          <Form.Item name="insurer" label={t('internships.documents.insurer')} rules={required}>
            <Input maxLength={100} data-testid="insurance-insurer" />
          </Form.Item>
          <Form.Item name="policyNumber" label={t('internships.documents.policyNumber')} rules={required}>
            <Input maxLength={60} data-testid="insurance-policy" />
          </Form.Item>
          <Form.Item
            name="period"
            label={t('internships.documents.insuredPeriod')}
            rules={required}
            extra={t('internships.documents.insuredPeriodHint', { from: p.startsOn, to: p.endsOn })}
          >
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              aria-label={t('internships.documents.insuredPeriod')}
              data-testid="insurance-period"
            />
          </Form.Item>
          <Form.Item
            name="premiumPaidBy"
            label={t('internships.documents.premiumPaidBy')}
            extra={t('internships.documents.premiumHint')}
            rules={required}
          >
            <Select
              options={PREMIUM_PAYERS.filter((x) => x !== 'student').map((x) => ({
                value: x,
                label: pick(PREMIUM_PAYER_LABELS[x], lang),
              }))}
            />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
