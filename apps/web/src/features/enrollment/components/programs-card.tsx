import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useT } from '@/lib/i18n';
import { useSchools } from '../api/get-schools';
import type { Program, SeasonDetail } from '../types';
import { TrackTag } from './enrollment-tags';
import { ProgramFormModal } from './program-form-modal';

/** The programs (招生计划) of the season: school, track, quota, 最低控制分数线, conditions, 指标到校. */
export function ProgramsCard({ season }: { season: SeasonDetail }) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  const [batchId, setBatchId] = useState<string | undefined>();
  const schools = useSchools(season.abilities.manage);
  const editable = season.abilities.manage && season.state !== 'closed';
  const canAdd = editable && season.batches.some((b) => b.window === 'not_open');
  const batchName = (id: string) => season.batches.find((b) => b.id === id)?.name ?? '—';
  const schoolName = (id: string) => schools.juniorHigh.find((u) => u.id === id)?.name ?? id;
  const rows = season.programs.filter((p) => !batchId || p.batchId === batchId);
  const total = (track: Program['track']) =>
    rows.filter((p) => p.track === track).reduce((a, p) => a + p.quota, 0);
  return (
    <Card
      size="small"
      title={t('enrollment.programs.title')}
      extra={
        <Space>
          <Select
            allowClear
            size="small"
            style={{ minWidth: 150 }}
            placeholder={t('enrollment.col.batch')}
            aria-label={t('enrollment.col.batch')}
            value={batchId}
            onChange={setBatchId}
            options={season.batches.map((b) => ({ value: b.id, label: b.name }))}
          />
          {editable && (
            <Button
              size="small"
              icon={<PlusOutlined />}
              disabled={!canAdd}
              title={canAdd ? undefined : t('enrollment.programs.noOpenBatch')}
              onClick={() => setAdding(true)}
              data-testid="program-add"
            >
              {t('enrollment.programs.add')}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="program-totals">
        {t('enrollment.programs.totals', { general: total('general'), vocational: total('vocational') })}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 1000 }}
        onRow={(p, index) =>
          ({
            'data-testid': `program-row-${index ?? 0}`,
            'data-id': p.id,
            'data-code': p.code,
          }) as HTMLAttributes<HTMLElement>
        }
        locale={{ emptyText: <Empty description={t('enrollment.programs.empty')} /> }}
        columns={[
          { title: t('enrollment.col.code'), dataIndex: 'code', width: 120 },
          { title: t('enrollment.col.program'), dataIndex: 'name' },
          { title: t('enrollment.col.school'), key: 'school', render: (_, p) => p.school.name },
          {
            title: t('enrollment.col.batch'),
            key: 'batch',
            width: 110,
            render: (_, p) => batchName(p.batchId),
          },
          {
            title: t('enrollment.col.track'),
            key: 'track',
            width: 80,
            render: (_, p) => <TrackTag track={p.track} />,
          },
          { title: t('enrollment.col.quota'), dataIndex: 'quota', width: 80, align: 'right' },
          {
            title: t('enrollment.col.minScore'),
            key: 'minScore',
            width: 110,
            align: 'right',
            render: (_, p) => p.minScore ?? '—',
          },
          {
            title: t('enrollment.col.requires'),
            key: 'requires',
            width: 100,
            render: (_, p) => (p.requires.sex ? <Tag>{t(`enrollment.sexOnly.${p.requires.sex}`)}</Tag> : '—'),
          },
          {
            title: t('enrollment.col.reserved'),
            key: 'reserved',
            render: (_, p) =>
              p.reserved.length === 0
                ? '—'
                : p.reserved.map((r) => (
                    <div key={r.code}>
                      {t('enrollment.programs.reservedGroup', {
                        code: r.code,
                        capacity: r.capacity,
                        schools: r.schoolIds.map(schoolName).join('、'),
                      })}
                    </div>
                  )),
          },
        ]}
      />
      <ProgramFormModal season={season} open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}
