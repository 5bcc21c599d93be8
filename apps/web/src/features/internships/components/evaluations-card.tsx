import {
  EVALUATION_GRADES,
  EVALUATION_GRADE_LABELS,
  EVALUATION_PARTIES,
  EVALUATION_PARTY_LABELS,
  type EvaluationGrade,
  type EvaluationParty,
} from '@zhijiao/contracts';
import { Button, Card, DatePicker, Form, Input, List, Radio, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormModal } from '@/components/form-modal';
import { chinaTodayDay } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import type { Placement } from '../api/get-placement';
import { useEvaluatePlacement, type EvaluationInput } from '../api/placement-life';
import { GradeTag } from './internship-tags';

interface Values {
  grade: EvaluationGrade;
  evaluatedOn: Dayjs;
  comments?: string;
}

/**
 * 实习考核: the enterprise mentor's and the school supervisor's evaluations, each written (and
 * rewritten until completion) by its own party; the overall result once completed.
 */
export function EvaluationsCard({ placement: p }: { placement: Placement }) {
  const t = useT();
  const lang = useLang();
  const evaluate = useEvaluatePlacement();
  const [editing, setEditing] = useState<EvaluationParty | null>(null);
  if (p.state === 'draft') return null;
  const byParty = new Map(p.evaluations.map((e) => [e.party, e]));
  const current = editing ? byParty.get(editing) : undefined;
  const parties = EVALUATION_PARTIES.filter(
    // A 认识实习 needs no enterprise evaluation: show it only once written or writable.
    (party) =>
      party === 'school' || p.post.kind === 'post' || byParty.has(party) || p.abilities.evaluateAs === party,
  );
  return (
    <Card
      size="small"
      title={t('internships.evaluations.title')}
      style={{ marginBottom: 16 }}
      data-testid="evaluations-card"
      extra={
        p.result && (
          <Space size={4} data-testid="placement-result">
            {t('internships.evaluations.result')}
            <GradeTag grade={p.result} />
          </Space>
        )
      }
    >
      <List
        size="small"
        dataSource={[...parties]}
        renderItem={(party) => {
          const e = byParty.get(party);
          const mine = p.abilities.evaluateAs === party;
          return (
            <List.Item
              data-testid={`evaluation-${party}`}
              actions={
                mine
                  ? [
                      <Button
                        key="edit"
                        size="small"
                        onClick={() => setEditing(party)}
                        data-testid={`evaluate-${party}`}
                      >
                        {t(e ? 'internships.evaluations.edit' : 'internships.evaluations.add')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <span>{pick(EVALUATION_PARTY_LABELS[party], lang)}</span>
                    {e ? <GradeTag grade={e.grade} /> : <Tag>{t('internships.evaluations.none')}</Tag>}
                  </Space>
                }
                description={
                  e && (
                    <Space orientation="vertical" size={2}>
                      {e.comments && (
                        <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{e.comments}</Typography.Text>
                      )}
                      <Typography.Text type="secondary">
                        {t('internships.evaluations.by', { name: e.recordedBy, date: e.evaluatedOn })}
                      </Typography.Text>
                    </Space>
                  )
                }
              />
            </List.Item>
          );
        }}
      />
      <Typography.Text type="secondary">{t('internships.evaluations.scheme')}</Typography.Text>
      <FormModal<Values, { id: string; body: EvaluationInput }, unknown>
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? pick(EVALUATION_PARTY_LABELS[editing], lang) : ''}
        okText={t('internships.save')}
        testId="evaluation-save"
        mutation={evaluate}
        toInput={(v) => ({
          id: p.id,
          body: {
            grade: v.grade,
            evaluatedOn: v.evaluatedOn.format('YYYY-MM-DD'),
            comments: (v.comments ?? '').trim(),
          },
        })}
        successMessage={t('internships.evaluations.saved')}
        initialValues={
          current
            ? { grade: current.grade, evaluatedOn: dayjs(current.evaluatedOn), comments: current.comments }
            : { evaluatedOn: chinaTodayDay() }
        }
      >
        <Form.Item
          name="grade"
          label={t('internships.evaluations.grade')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Radio.Group
            data-testid="evaluation-grade"
            options={EVALUATION_GRADES.map((g) => ({
              value: g,
              label: pick(EVALUATION_GRADE_LABELS[g], lang),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="evaluatedOn"
          label={t('internships.evaluations.date')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(chinaTodayDay(), 'day') || d.isBefore(p.startsOn, 'day')}
          />
        </Form.Item>
        <Form.Item name="comments" label={t('internships.evaluations.comments')}>
          <Input.TextArea rows={4} maxLength={2000} data-testid="evaluation-comments" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
