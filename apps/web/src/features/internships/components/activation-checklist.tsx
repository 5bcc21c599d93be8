import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { PlacementDocument } from '@zhijiao/contracts';
import { Alert, Button, Card, List, Space, Typography } from 'antd';
import { useT } from '@/lib/i18n';
import { useLang } from '@/lib/lang';
import type { Placement } from '../api/get-placement';

/**
 * 启动实习条件: what starting the internship asks, item by item — 三方协议, 知情同意书, 实习责任保险
 * and the rules — each ticked or crossed with every reason the server gives (保险期未覆盖实习期 …),
 * a missing document with its upload button; then what could not be checked. Outlined in red once
 * a start was refused.
 */
export function ActivationChecklist({
  placement: p,
  refused,
  onUpload,
}: {
  placement: Placement;
  refused: boolean;
  onUpload: (document: PlacementDocument) => void;
}) {
  const t = useT();
  const lang = useLang();
  const warnings = p.activationCheck.warnings;
  return (
    <Card
      size="small"
      title={t('internships.checklist.title')}
      style={{ marginBottom: 16, borderColor: refused && !p.activationCheck.ok ? '#cf1322' : undefined }}
      data-testid="activation-checklist"
    >
      <List
        size="small"
        dataSource={p.checklist}
        renderItem={(c) => (
          <List.Item
            data-testid={`check-${c.item}`}
            data-ok={c.ok ? 'true' : 'false'}
            actions={
              !c.ok && c.item !== 'rules' && p.abilities.documents
                ? [
                    <Button
                      key="upload"
                      size="small"
                      onClick={() => onUpload(c.item as PlacementDocument)}
                      data-testid={`check-upload-${c.item}`}
                    >
                      {t('internships.checklist.upload')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space align="start" size={8}>
              {c.ok ? (
                <CheckCircleFilled style={{ color: '#389e0d', marginTop: 4 }} aria-hidden />
              ) : (
                <CloseCircleFilled style={{ color: '#cf1322', marginTop: 4 }} aria-hidden />
              )}
              <div>
                <Typography.Text strong>{t(`internships.doc.${c.item}`)}</Typography.Text>{' '}
                <Typography.Text type={c.ok ? 'success' : 'danger'}>
                  {t(c.ok ? 'internships.checklist.met' : 'internships.checklist.unmet')}
                </Typography.Text>
                {c.reasons.map((r) => (
                  <div key={r.code} data-testid={`reason-${r.code}`}>
                    <Typography.Text type="danger">{lang === 'en' ? r.en : r.zh}</Typography.Text>
                  </div>
                ))}
              </div>
            </Space>
          </List.Item>
        )}
      />
      {p.activationCheck.ok && (
        <Typography.Paragraph type="success" style={{ margin: '8px 0 0' }} data-testid="checklist-ready">
          {t('internships.checklist.ready')}
        </Typography.Paragraph>
      )}
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          message={t('internships.checklist.warnings')}
          description={warnings.map((w) => (
            <div key={w.code} data-testid={`warning-${w.code}`}>
              {lang === 'en' ? w.en : w.zh}
            </div>
          ))}
        />
      )}
    </Card>
  );
}
