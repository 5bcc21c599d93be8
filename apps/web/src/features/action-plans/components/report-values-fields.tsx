import { Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { formatTarget, formatValue } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { localName, useLang } from '@/lib/lang';
import type { Indicator } from '../types';

/**
 * One value and note per reported indicator, with its target and last value as a guide. A value may
 * be given with its numerator and denominator (the funds and the students behind 元/生); when both
 * are filled the value is computed from them (× 100 for a percentage), and the server checks it.
 */
export function ReportValuesFields({ indicators }: { indicators: Indicator[] }) {
  const t = useT();
  const lang = useLang();
  const form = Form.useFormInstance();
  if (indicators.length === 0)
    return <Typography.Text type="secondary">{t('progress.noReportedIndicators')}</Typography.Text>;
  const fillFromRatio = (index: number, unit: string) => {
    const n: unknown = form.getFieldValue(['values', index, 'numerator']);
    const d: unknown = form.getFieldValue(['values', index, 'denominator']);
    if (typeof n !== 'number' || typeof d !== 'number' || d <= 0) return;
    const value = (n / d) * (unit === '%' ? 100 : 1);
    form.setFieldValue(['values', index, 'value'], Math.round(value * 100) / 100);
  };
  return (
    <>
      {indicators.map((indicator, index) => (
        <Row key={indicator.id} gutter={12} align="top">
          <Col xs={24} md={8}>
            <Form.Item
              name={['values', index, 'value']}
              label={localName(indicator.name, indicator.nameEn, lang)}
              extra={`${t('task.col.target')} ${formatTarget(indicator)} · ${t('task.col.latest')} ${formatValue(indicator.latestValue, indicator.unit)}`}
            >
              <InputNumber
                data-testid={`report-value-${indicator.code}`}
                style={{ width: '100%' }}
                controls={false}
                suffix={indicator.unit ?? undefined}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name={['values', index, 'numerator']} label={t('progress.numerator')}>
              <InputNumber
                data-testid={`report-numerator-${indicator.code}`}
                style={{ width: '100%' }}
                controls={false}
                onChange={() => fillFromRatio(index, indicator.unit)}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name={['values', index, 'denominator']} label={t('progress.denominator')}>
              <InputNumber
                data-testid={`report-denominator-${indicator.code}`}
                style={{ width: '100%' }}
                controls={false}
                min={0}
                onChange={() => fillFromRatio(index, indicator.unit)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['values', index, 'note']} label={t('progress.valueNote')}>
              <Input data-testid={`report-note-${indicator.code}`} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      ))}
    </>
  );
}
