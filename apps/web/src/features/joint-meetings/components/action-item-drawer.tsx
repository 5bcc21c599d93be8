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
} from 'antd';
import { useState } from 'react';
import { EvidenceUpload, uploadedIds, type EvidenceFile } from '@/components/evidence-upload';
import { useFormSubmit } from '@/components/form-modal';
import { QueryState } from '@/components/query-state';
import { AlertTierTag } from '@/components/status-tags';
import { apiUrl } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { useAcceptUpdate } from '../api/accept-update';
import { useActionItem } from '../api/get-action-item';
import { useReturnUpdate } from '../api/return-update';
import { useSubmitUpdate } from '../api/submit-update';
import type { ActionItemDetail } from '../types';
import { ActionItemStateTag } from './meeting-tags';

/** One action item: its decision, the updates and their review, and the form the user may use now. */
export function ActionItemDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const item = useActionItem(id);
  return (
    <Drawer open={id !== null} onClose={onClose} width={640} title={t('meetings.item')} destroyOnHidden>
      {id && (
        <QueryState query={item}>
          {(i) => (
            <Space
              orientation="vertical"
              size={16}
              style={{ width: '100%' }}
              data-testid="action-item-drawer"
            >
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
                <a href={apiUrl('/api/files/{id}', { id: f.id })}>{f.name}</a>
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
  const [files, setFiles] = useState<EvidenceFile[]>([]);
  const submitUpdate = useSubmitUpdate();
  const { form, submit, submitting } = useFormSubmit({
    mutation: submitUpdate,
    toInput: (v: { narrative: string; complete?: boolean }) => ({
      id: item.id,
      body: { narrative: v.narrative, complete: v.complete ?? false, fileIds: uploadedIds(files) },
    }),
    successMessage: t('meetings.updateSent'),
    onSaved: () => {
      form.resetFields();
      setFiles([]);
    },
  });
  return (
    <Form form={form} layout="vertical" onFinish={() => void submit()}>
      <Form.Item
        name="narrative"
        label={t('meetings.narrative')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input.TextArea rows={4} maxLength={5000} data-testid="action-update-narrative" />
      </Form.Item>
      <Form.Item label={t('meetings.evidence')}>
        <EvidenceUpload value={files} onChange={setFiles} buttonLabel={t('meetings.upload')} />
      </Form.Item>
      <Form.Item name="complete" valuePropName="checked">
        <Checkbox data-testid="action-update-complete">{t('meetings.claimsCompletion')}</Checkbox>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submitting} data-testid="action-update-submit">
        {t('meetings.submitUpdate')}
      </Button>
    </Form>
  );
}

function Review({ item }: { item: ActionItemDetail }) {
  const t = useT();
  const [comment, setComment] = useState('');
  const accept = useAcceptUpdate();
  const sendBack = useReturnUpdate();
  const showError = useShowError();
  const { message } = App.useApp();
  const done = {
    onSuccess: () => message.success(t('meetings.reviewed')),
    onError: (e: unknown) => showError(e),
  };
  const pending = accept.isPending || sendBack.isPending;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
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
          loading={pending}
          data-testid="action-accept"
          onClick={() => accept.mutate(item.id, done)}
        >
          {t('meetings.accept')}
        </Button>
        <Button
          danger
          disabled={!comment.trim()}
          loading={pending}
          data-testid="action-return"
          onClick={() => sendBack.mutate({ id: item.id, comment }, done)}
        >
          {t('meetings.return')}
        </Button>
      </Space>
    </Space>
  );
}
