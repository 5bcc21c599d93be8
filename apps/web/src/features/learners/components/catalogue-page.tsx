import { OUTCOME_LEVEL_LABELS, OUTCOME_TYPE_LABELS } from '@zhijiao/contracts';
import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { QueryState } from '@/components/query-state';
import { RecordListPage } from '@/components/record-list-page';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { can } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useAllCatalogues } from '../api/credit-bank';
import type { Catalogue } from '../types';
import { CatalogueModal } from './catalogue-modal';
import { credits } from './credit-bank-section';
import { LearnersTabs } from './learners-tabs';

/**
 * `/learners/catalogue` (学习成果名录): the district's catalogue in versions per year, newest first,
 * the version in force marked — which outcomes (type, certificate, level) are recognised with which
 * suggested credits; the district's reviewer publishes the next version of a year.
 */
export function CataloguePage() {
  const t = useT();
  const me = useSession();
  const catalogues = useAllCatalogues();
  return (
    <RecordListPage
      testId="catalogue-page"
      tabs={<LearnersTabs />}
      title={t('creditbank.catalogue.title')}
      subtitle={t('creditbank.catalogue.subtitle')}
      card={false}
      create={
        can(me, 'creditBank.review') && {
          label: t('creditbank.catalogue.create'),
          testId: 'catalogue-create',
          form: (modal) =>
            modal.open && <CatalogueModal onClose={modal.onClose} latest={catalogues.data?.[0]} />,
        }
      }
    >
      <QueryState query={catalogues}>
        {(items) =>
          items.length === 0 ? (
            <Card size="small">
              <Empty description={t('creditbank.catalogue.empty')} />
            </Card>
          ) : (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {items.map((c) => (
                <CatalogueVersion key={c.id} catalogue={c} />
              ))}
            </Space>
          )
        }
      </QueryState>
    </RecordListPage>
  );
}

function CatalogueVersion({ catalogue: c }: { catalogue: Catalogue }) {
  const t = useT();
  const lang = useLang();
  return (
    <Card
      size="small"
      data-testid={`catalogue-${c.year}-${c.version}`}
      title={
        <Space wrap>
          {t('creditbank.catalogue.version', { year: c.year, version: c.version })}
          {c.inForce && <Tag color="green">{t('creditbank.catalogue.inForce')}</Tag>}
        </Space>
      }
    >
      {c.note && <Typography.Paragraph type="secondary">{c.note}</Typography.Paragraph>}
      <Table
        size="small"
        rowKey={(e) => `${e.type}-${e.certificateCode ?? ''}-${e.level ?? ''}`}
        dataSource={c.entries}
        pagination={false}
        scroll={{ x: 560 }}
        columns={[
          {
            title: t('learners.outcomes.type'),
            key: 'type',
            render: (_, e) => pick(OUTCOME_TYPE_LABELS[e.type], lang),
          },
          {
            title: t('creditbank.catalogue.certificate'),
            key: 'certificate',
            render: (_, e) =>
              e.certificateCode
                ? `${e.certificateName}（${e.certificateCode}）`
                : t('creditbank.catalogue.any'),
          },
          {
            title: t('learners.outcomes.level'),
            key: 'level',
            render: (_, e) => (e.level ? pick(OUTCOME_LEVEL_LABELS[e.level], lang) : '—'),
          },
          {
            title: t('creditbank.catalogue.credits'),
            key: 'credits',
            render: (_, e) => credits(e.suggestedCredits),
          },
        ]}
      />
    </Card>
  );
}
