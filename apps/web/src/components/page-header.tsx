import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { chinaToday } from '@/lib/format';
import { useT } from '@/lib/i18n';

/**
 * Title line of a page: optional back arrow, title, subtitle and actions on the right. A printed
 * page keeps the title and gains the print date (`.print-only`); `printable` adds a 打印 button
 * (record pages), which the print stylesheet hides with the other buttons.
 */
export function PageHeader({
  title,
  subtitle,
  extra,
  back,
  printable,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
  back?: boolean;
  printable?: boolean;
}) {
  const navigate = useNavigate();
  const t = useT();
  return (
    <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
      <Flex align="flex-start" gap={8}>
        {back && (
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate(-1)}
            aria-label={t('common.back')}
          />
        )}
        <div>
          {/* The page's one h1 (sized as before): the title every page states once. */}
          <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
            {title}
          </Typography.Title>
          {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
          <div className="print-only" data-testid="print-date">
            {t('common.printedOn', { date: chinaToday() })}
          </div>
        </div>
      </Flex>
      {(extra || printable) && (
        <Flex gap={8} wrap>
          {extra}
          {printable && (
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-button">
              {t('common.print')}
            </Button>
          )}
        </Flex>
      )}
    </Flex>
  );
}
