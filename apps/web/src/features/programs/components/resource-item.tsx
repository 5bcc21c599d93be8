import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { RESOURCE_LICENCE_LABELS, RESOURCE_TYPE_LABELS } from '@zhijiao/contracts';
import { App, Button, Input, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { apiUrl } from '@/lib/api-client';
import { formatBytes, formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { useDecideSharing } from '../api/decide-sharing';
import { useDeleteResource } from '../api/delete-resource';
import { useRequestSharing } from '../api/request-sharing';
import type { Resource } from '../types';
import { ShareStateTag } from './program-tags';

/**
 * One search result: title, type, major, course, licence, school, sharing state and usage; preview
 * (opens a new tab: PDF and images inline) and download; the school's and the reviewers' actions.
 */
export function ResourceItem({ r }: { r: Resource }) {
  const t = useT();
  const lang = useLang();
  const requestSharing = useRequestSharing();
  const decide = useDecideSharing();
  const remove = useDeleteResource();
  const showError = useShowError();
  const { modal } = App.useApp();
  const refuse = () => {
    let reason = '';
    modal.confirm({
      title: t('programs.resources.refuse'),
      content: (
        <Input.TextArea
          rows={3}
          onChange={(e) => (reason = e.target.value)}
          placeholder={t('programs.projects.reason')}
        />
      ),
      onOk: () =>
        decide.mutateAsync({ id: r.id, body: { share: false, reason } }).catch((e: unknown) => {
          showError(e);
          throw e;
        }),
    });
  };
  const onError = (e: unknown) => showError(e);
  const preview = r.file.previewable ? 'preview' : 'download';
  return (
    <List.Item
      data-testid="resource-item"
      actions={[
        <Button
          key="p"
          type="link"
          icon={<EyeOutlined />}
          href={apiUrl(`/api/teaching-resources/{id}/${preview}`, { id: r.id })}
          target={r.file.previewable ? '_blank' : undefined}
          rel="noopener"
        >
          {t(r.file.previewable ? 'programs.resources.preview' : 'programs.resources.download')}
        </Button>,
        <Button
          key="d"
          type="link"
          icon={<DownloadOutlined />}
          href={apiUrl('/api/teaching-resources/{id}/download', { id: r.id })}
        >
          {t('programs.resources.download')}
        </Button>,
      ]}
    >
      <List.Item.Meta
        title={
          <Space size={6} wrap>
            <Typography.Text strong>{r.title}</Typography.Text>
            <Tag color="blue">{pick(RESOURCE_TYPE_LABELS[r.resourceType], lang)}</Tag>
            <ShareStateTag state={r.shareState} />
          </Space>
        }
        description={
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              {[r.school.name, r.major?.name, r.course?.name].filter(Boolean).join(' · ')} ·{' '}
              {pick(RESOURCE_LICENCE_LABELS[r.licence], lang)} · {r.file.name}（
              {formatBytes(r.file.sizeBytes)}） · {formatDateTime(r.createdAt)}
            </Typography.Text>
            {r.description && <Typography.Text>{r.description}</Typography.Text>}
            <Typography.Text type="secondary">{t('programs.resources.usage', r.usage)}</Typography.Text>
            {r.refusalReason && r.shareState === 'refused' && (
              <Typography.Text type="danger">
                {t('programs.resources.refusedBecause', { reason: r.refusalReason })}
              </Typography.Text>
            )}
            <Space size={4} wrap>
              {r.abilities.requestSharing && (
                <Button size="small" onClick={() => requestSharing.mutate(r.id, { onError })}>
                  {t('programs.resources.requestSharing')}
                </Button>
              )}
              {r.abilities.reviewSharing && (
                <>
                  <Button
                    size="small"
                    type="primary"
                    data-testid="share-resource"
                    onClick={() =>
                      decide.mutate({ id: r.id, body: { share: true, reason: '' } }, { onError })
                    }
                  >
                    {t('programs.resources.shareIt')}
                  </Button>
                  <Button size="small" danger onClick={refuse}>
                    {t('programs.resources.refuse')}
                  </Button>
                </>
              )}
              {r.abilities.delete && (
                <Popconfirm
                  title={t('programs.resources.deleteConfirm')}
                  onConfirm={() => remove.mutate(r.id, { onError })}
                >
                  <Button size="small" type="text" danger>
                    {t('programs.resources.delete')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          </Space>
        }
      />
    </List.Item>
  );
}
