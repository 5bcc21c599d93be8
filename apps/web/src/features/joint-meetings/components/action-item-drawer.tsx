import { UploadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Checkbox,
  Descriptions,
  Drawer,
  Form,
  Input,
  Space,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { QueryState } from '@/components/query-state';
import { AlertTierTag } from '@/components/status-tags';
import type { UploadedFile } from '@/lib/api-types';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { uploadFile } from '@/lib/api-client';
import { useActionItem, useActionItemStep } from '../api/action-items';
import type { ActionItemDetail } from '../types';
import { ActionItemStateTag } from './meeting-tags';

/** One action item: its decision, the updates and their review, and the form the user may use now. */
export function ActionItemDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const item = useActionItem(id);
  return (
    <Drawer open={id !== null} onClose={onClose} width={640} title={t('meetings.items')} destroyOnHidden>
      {id && (
        <QueryState query={item}>
          {(i) => (
            <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="action-item-drawer">
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t('meetings.decision')}>{i.decision}</Descriptions.Item>
                <Descriptions.Item label={t('meetings.responsibleUnit')}>
                  {i.responsibleUnit.name}
                </Descriptions.Item>
                <Descriptions.Item label={t('meetings.deadline')}>
                  <Space size={4}>
                    {i.deadline}
                    <AlertTierTag tier={i.tier} />
                  </Space>
                </Descriptions.Item>
                <Descriptions.Item label={t('meetings.state')}>
                  <ActionItemStateTag state={i.state} />
                </Descriptions.Item>
                <Descriptions.Item label={t('meetings.meeting')}>{i.meeting.title}</Descriptions.Item>
              </Descriptions>
              <Updates item={i} />
              {i.abilities.update && <UpdateForm item={i} />}
              {i.abilities.review && <Review item={i} />}
            </Space>
          )}
        </QueryState>
      )}
    </Drawer>
  );
}

function Updates({ item }: { item: ActionItemDetail }) {
  const t = useT();
  if (item.updates.length === 0)
    return <Typography.Text type="secondary">{t('meetings.noUpdates')}</Typography.Text>;
  const color = { submitted: 'gold', accepted: 'green', returned: 'red' } as const;
  return (
    <Timeline
      items={item.updates.map((u) => ({
        color: color[u.state],
        children: (
          <div data-testid={`action-update-${u.state}`}>
            <Space size={4}>
              <Tag color={color[u.state]}>{t(`meetings.updateState.${u.state}`)}</Tag>
              {u.claimsCompletion && <Tag>{t('meetings.claimsCompletion')}</Tag>}
            </Space>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>
              {u.narrative}
            </Typography.Paragraph>
            {u.files.map((f) => (
              <div key={f.id}>
                <a href={`/api/files/${f.id}`}>{f.name}</a>
              </div>
            ))}
            <Typography.Text type="secondary">
              {t('meetings.submittedBy', { name: u.submittedByName, at: formatDateTime(u.submittedAt) })}
            </Typography.Text>
            {u.reviewComment && <div>{`${t('meetings.returnComment')}：${u.reviewComment}`}</div>}
          </div>
        ),
      }))}
    />
  );
}

function UpdateForm({ item }: { item: ActionItemDetail }) {
  const t = useT();
  const [form] = Form.useForm<{ narrative: string; complete?: boolean }>();
  const [files, setFiles] = useState<UploadFile<UploadedFile>[]>([]);
  const step = useActionItemStep();
  const showError = useShowError();
  const { message } = App.useApp();
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) =>
        step.mutate(
          {
            id: item.id,
            action: 'updates',
            body: {
              narrative: v.narrative,
              complete: v.complete ?? false,
              fileIds: files.flatMap((f) => (f.status === 'done' && f.response ? [f.response.id] : [])),
            },
          },
          {
            onSuccess: () => {
              message.success(t('meetings.updateSent'));
              form.resetFields();
              setFiles([]);
            },
            onError: (e) => showError(e, form),
          },
        )
      }
    >
      <Form.Item
        name="narrative"
        label={t('meetings.narrative')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input.TextArea rows={4} maxLength={5000} data-testid="action-update-narrative" />
      </Form.Item>
      <Form.Item label={t('meetings.evidence')}>
        <Upload<UploadedFile>
          multiple
          fileList={files}
          onChange={({ fileList }) => setFiles(fileList)}
          customRequest={({ file, onSuccess, onError }) => {
            uploadFile(file as File).then(
              (stored) => onSuccess?.(stored),
              (e: unknown) => {
                showError(e);
                onError?.(e as Error);
              },
            );
          }}
        >
          <Button icon={<UploadOutlined />}>{t('meetings.upload')}</Button>
        </Upload>
      </Form.Item>
      <Form.Item name="complete" valuePropName="checked">
        <Checkbox data-testid="action-update-complete">{t('meetings.claimsCompletion')}</Checkbox>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={step.isPending} data-testid="action-update-submit">
        {t('meetings.submitUpdate')}
      </Button>
    </Form>
  );
}

function Review({ item }: { item: ActionItemDetail }) {
  const t = useT();
  const [comment, setComment] = useState('');
  const step = useActionItemStep();
  const showError = useShowError();
  const { message } = App.useApp();
  const done = {
    onSuccess: () => message.success(t('meetings.reviewed')),
    onError: (e: unknown) => showError(e),
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.TextArea
        rows={2}
        maxLength={2000}
        placeholder={t('meetings.returnComment')}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        data-testid="action-review-comment"
      />
      <Space>
        <Button
          type="primary"
          loading={step.isPending}
          data-testid="action-accept"
          onClick={() => step.mutate({ id: item.id, action: 'acceptance' }, done)}
        >
          {t('meetings.accept')}
        </Button>
        <Button
          danger
          disabled={!comment.trim()}
          loading={step.isPending}
          data-testid="action-return"
          onClick={() => step.mutate({ id: item.id, action: 'return', body: { comment } }, done)}
        >
          {t('meetings.return')}
        </Button>
      </Space>
    </Space>
  );
}
