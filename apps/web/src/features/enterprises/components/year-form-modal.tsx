import { Form, InputNumber, Select } from 'antd';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { useUpdateYear } from '../api/update-year';
import type { EnterpriseDetail, EnterpriseYear } from '../types';

interface Values {
  year: number;
  staff?: number | null;
  revenueWan?: number | null;
  listed?: 'yes' | 'no' | 'unknown';
}

const listedValue = (v: boolean | null | undefined) => (v === true ? 'yes' : v === false ? 'no' : 'unknown');

/**
 * 填报年度数据: a year's staff count (职工总数 at year end) and, for the register's keepers, revenue
 * and the statistics bureau's 规上 answer. An enterprise's own account sets only this year's staff
 * count (`staffOnly`). `year` given: that year; else the keeper picks one.
 */
export function YearFormModal({
  enterprise,
  year,
  staffOnly,
  onClose,
}: {
  enterprise: EnterpriseDetail;
  year: EnterpriseYear | { year: number } | null;
  staffOnly: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const update = useUpdateYear();
  const known = year && 'staff' in year ? year : null;
  return (
    <FormModal<Values, Parameters<typeof update.mutate>[0], EnterpriseDetail>
      open
      onClose={onClose}
      title={year ? t('enterprises.year.editTitle', { year: year.year }) : t('enterprises.year.add')}
      testId="year-save"
      initialValues={{
        year: year?.year ?? enterprise.currentYear - 1,
        staff: known?.staff ?? null,
        revenueWan: known?.revenueWan ?? null,
        listed: listedValue(known?.listedAboveScale),
      }}
      mutation={update}
      toInput={(v) => ({
        id: enterprise.id,
        year: v.year,
        body: staffOnly
          ? { staff: v.staff ?? null }
          : {
              staff: v.staff ?? null,
              revenueWan: v.revenueWan ?? null,
              listedAboveScale: v.listed === 'yes' ? true : v.listed === 'no' ? false : null,
            },
      })}
      successMessage={t('enterprises.form.saved')}
    >
      {!year && (
        <Form.Item name="year" label={t('enterprises.col.year')} rules={[{ required: true }]}>
          <InputNumber min={1949} max={enterprise.currentYear} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      )}
      <Form.Item name="staff" label={t('enterprises.col.staff')} extra={t('enterprises.year.staffHint')}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="year-staff" />
      </Form.Item>
      {!staffOnly && (
        <>
          <Form.Item name="revenueWan" label={t('enterprises.col.revenue')}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="listed"
            label={t('enterprises.col.listed')}
            extra={t('enterprises.year.listedHint')}
          >
            <Select
              aria-label={t('enterprises.col.listed')}
              options={[
                { value: 'yes', label: t('enterprises.listed.yes') },
                { value: 'no', label: t('enterprises.listed.no') },
                { value: 'unknown', label: t('enterprises.listed.unknown') },
              ]}
            />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
