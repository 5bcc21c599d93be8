import { Card, List, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '@/lib/i18n';
import { useSamePerson } from '../api/social-learners';
import { LearnerKindTag, LearnerStatusTag } from './learner-tags';

/**
 * 同一人员的其他记录: the same person (same ID number, never by name) at other schools of the
 * district — a student who also trains elsewhere as a social learner; shown only when there is one.
 */
export function SamePersonCard({ learnerId }: { learnerId: string }) {
  const t = useT();
  const same = useSamePerson(learnerId);
  const items = same.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card size="small" title={t('learners.samePerson.title')} data-testid="same-person">
      <Typography.Paragraph type="secondary">{t('learners.samePerson.hint')}</Typography.Paragraph>
      <List
        size="small"
        dataSource={items}
        renderItem={(r) => (
          <List.Item>
            <Link to={`/learners/${r.id}`}>{r.school.name}</Link>
            <LearnerKindTag kind={r.kind} />
            <span style={{ marginInline: 8 }}>
              {r.kind === 'student'
                ? `${r.majorName} · ${t('learners.cohortYear', { year: r.cohortYear })}`
                : t('learners.social.since', { year: r.cohortYear })}
            </span>
            {r.kind === 'student' && <LearnerStatusTag status={r.status} />}
          </List.Item>
        )}
      />
    </Card>
  );
}
