import { Alert, Descriptions, Flex, Grid, Table, Typography } from 'antd';
import { QueryState } from '@/components/query-state';
import { formatBytes } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useUploadRules, type UploadRules } from '../api/get-upload-rules';

/**
 * 上传规则, read-only and as the server applies them (served from the upload guard's constants):
 * the kinds accepted for evidence and for imports, recognised by content, the size limit, the
 * zip-bomb bounds, and where files are kept.
 */
export function UploadRulesTab() {
  const t = useT();
  const rules = useUploadRules();
  const phone = !Grid.useBreakpoint().sm;
  return (
    <QueryState query={rules}>
      {(r) => (
        <Flex vertical gap={12} data-testid="upload-rules">
          <Alert type="info" showIcon title={t('settings.uploads.readOnly')} />
          <Descriptions
            size="small"
            bordered
            column={1}
            layout={phone ? 'vertical' : 'horizontal'}
            items={[
              {
                key: 'size',
                label: t('settings.uploads.maxSize'),
                children: <span data-testid="upload-max">{formatBytes(r.maxBytes)}</span>,
              },
              { key: 'check', label: t('settings.uploads.check'), children: t('settings.uploads.checkText') },
              {
                key: 'zip',
                label: t('settings.uploads.zip'),
                children: t('settings.uploads.zipText', {
                  entries: r.zip.maxEntries,
                  size: formatBytes(r.zip.maxUncompressedBytes),
                  ratio: r.zip.maxRatio,
                }),
              },
              {
                key: 'storage',
                label: t('settings.uploads.storage'),
                children: t('settings.uploads.storageText', { pattern: r.storage.pattern }),
              },
            ]}
          />
          <KindsTable title={t('settings.uploads.evidence')} kinds={r.evidence} testId="upload-evidence" />
          <KindsTable title={t('settings.uploads.imports')} kinds={r.imports} testId="upload-imports" />
        </Flex>
      )}
    </QueryState>
  );
}

function KindsTable({
  title,
  kinds,
  testId,
}: {
  title: string;
  kinds: UploadRules['evidence'];
  testId: string;
}) {
  const t = useT();
  const lang = useLang();
  return (
    <div>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Table
        size="small"
        rowKey="kind"
        pagination={false}
        dataSource={kinds}
        data-testid={testId}
        columns={[
          { title: t('settings.uploads.kind'), key: 'label', render: (_, k) => pick(k.label, lang) },
          {
            title: t('settings.uploads.extensions'),
            key: 'ext',
            render: (_, k) => k.extensions.map((e) => `.${e}`).join(' '),
          },
        ]}
      />
    </div>
  );
}
