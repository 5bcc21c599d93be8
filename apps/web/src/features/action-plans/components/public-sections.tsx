import { Collapse, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { SimpleList } from '@/components/simple-list';
import { sectionHeading } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { localName, useLang } from '@/lib/lang';
import type { PublicSection } from '../types';

/**
 * The plan's sections, each listing its tasks with the lead unit and the co-operating units; a
 * task's title opens its public page.
 */
export function PublicSections({ planCode, sections }: { planCode: string; sections: PublicSection[] }) {
  const t = useT();
  const lang = useLang();
  return (
    <Collapse
      data-testid="public-sections"
      defaultActiveKey={sections.map((s) => String(s.number))}
      items={sections.map((section) => ({
        key: String(section.number),
        label: (
          <Typography.Text strong>
            {sectionHeading(section.label, localName(section.title, section.titleEn, lang))}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8 }}>
              {t('public.taskCount', { count: section.tasks.length })}
            </Typography.Text>
          </Typography.Text>
        ),
        children: (
          <SimpleList
            items={section.tasks}
            rowKey={(task) => task.number}
            testId={(task) => `public-task-${task.number}`}
            renderItem={(task) => (
              <div style={{ width: '100%' }}>
                <Link
                  to={`/public/plans/${encodeURIComponent(planCode)}/tasks/${task.number}`}
                  data-testid={`public-task-link-${task.number}`}
                >
                  <Typography.Text strong style={{ color: 'inherit' }}>
                    {task.label} {localName(task.title, task.titleEn, lang)}
                  </Typography.Text>
                </Link>
                <div style={{ marginTop: 6 }}>
                  <Space size={[0, 4]} wrap>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('plan.col.lead')}：
                    </Typography.Text>
                    {task.lead && <Tag color="red">{task.lead.name}</Tag>}
                    {task.cooperating.length > 0 && (
                      <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                        {t('plan.col.coop')}：
                      </Typography.Text>
                    )}
                    {task.cooperating.map((u) => (
                      <Tag key={u.code}>{u.name}</Tag>
                    ))}
                  </Space>
                </div>
              </div>
            )}
          />
        ),
      }))}
    />
  );
}
