import { Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { formatTarget, formatValue } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { localName, useLang } from '@/lib/lang';
import type { Indicator } from '../types';

/** One value and note per reported indicator, with its target and last value as a guide. */
export function ReportValuesFields({ indicators }: { indicators: Indicator[] }) {
  const t = useT();
  const lang = useLang();
  if (indicators.length === 0)
    return <Typography.Text type="secondary">{t('progress.noReportedIndicators')}</Typography.Text>;
  return (
    <>
      {indicators.map((indicator, index) => (
        <Row key={indicator.id} gutter={12} align="top">
          <Col xs={24} md={10}>
            <Form.Item
              name={['values', index, 'value']}
              label={`${indicator.code} ${localName(indicator.name, indicator.nameEn, lang)}`}
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
          <Col xs={24} md={14}>
            <Form.Item name={['values', index, 'note']} label={t('progress.valueNote')}>
              <Input data-testid={`report-note-${indicator.code}`} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      ))}
    </>
  );
}
