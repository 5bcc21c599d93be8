import {
  DQ_LEVEL_LABELS,
  DQ_LEVELS,
  PROFESSIONAL_TITLES,
  SKILL_LEVEL_LABELS,
  SKILL_LEVELS,
  TITLE_LABELS,
} from '@zhijiao/contracts';
import { Form, InputNumber, Select, Space } from 'antd';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import type { CriterionKey, LevelForm } from '../lib/criteria';

/** The inputs of one criterion of one level; an empty input means the level does not require it. */
export function CriterionInput({ level, criterion }: { level: string; criterion: CriterionKey }) {
  const t = useT();
  const lang = useLang();
  const name = (field: keyof LevelForm) => ['levels', level, field];
  const none = t('settings.dq.none');
  const years = (field: keyof LevelForm, max: number, step = 1) => (
    <Form.Item name={name(field)} noStyle>
      <InputNumber
        min={0}
        max={max}
        step={step}
        placeholder={none}
        suffix={t('settings.dq.yearUnit')}
        style={{ width: 150 }}
      />
    </Form.Item>
  );
  switch (criterion) {
    case 'teaching_years':
      return years('minTeachingYears', 50);
    case 'enterprise_years':
      return years('minEnterpriseYears', 50, 0.5);
    case 'practice_hours':
      return (
        <Space.Compact>
          <Form.Item name={name('practiceWithinYears')} noStyle>
            <InputNumber
              min={1}
              max={20}
              prefix={t('settings.dq.within')}
              suffix={t('settings.dq.yearUnit')}
              style={{ width: 110 }}
            />
          </Form.Item>
          <Form.Item name={name('practiceHours')} noStyle>
            <InputNumber
              min={0}
              max={50000}
              placeholder={none}
              suffix={t('settings.dq.hourUnit')}
              style={{ width: 110 }}
            />
          </Form.Item>
        </Space.Compact>
      );
    case 'certificate':
      return (
        <Form.Item name={name('minCertificateLevel')} noStyle>
          <Select
            allowClear
            placeholder={none}
            style={{ width: 150 }}
            options={SKILL_LEVELS.map((v) => ({ value: v, label: pick(SKILL_LEVEL_LABELS[v], lang) }))}
          />
        </Form.Item>
      );
    case 'title':
      return (
        <Form.Item name={name('minTitle')} noStyle>
          <Select
            allowClear
            placeholder={none}
            style={{ width: 150 }}
            options={PROFESSIONAL_TITLES.filter((v) => v !== 'none').map((v) => ({
              value: v,
              label: pick(TITLE_LABELS[v], lang),
            }))}
          />
        </Form.Item>
      );
    case 'recognition':
      return (
        <Form.Item name={name('requiredRecognition')} noStyle>
          <Select
            allowClear
            placeholder={none}
            style={{ width: 150 }}
            options={DQ_LEVELS.map((v) => ({ value: v, label: pick(DQ_LEVEL_LABELS[v], lang) }))}
          />
        </Form.Item>
      );
  }
}
