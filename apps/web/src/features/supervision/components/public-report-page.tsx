import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { QueryState } from '@/components/query-state';
import { ResponsiveTable } from '@/components/responsive-table';
import { useT } from '@/lib/i18n';
import { useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { downloadPublicReport } from '../api/download-public-report';
import { usePublicReport } from '../api/get-public-report';
import type { DocumentBlock } from '../types';
import { PublicLayout } from '@/components/public-layout';
import { BRAND_RED } from '@/lib/brand';

/** One block of the official document: heading, paragraph, table or list. */
function Block({ block }: { block: DocumentBlock }) {
  switch (block.kind) {
    case 'heading':
      return (
        <Typography.Title level={Math.min(5, (block.level ?? 1) + 2) as 3 | 4 | 5} style={{ marginTop: 16 }}>
          {block.text}
        </Typography.Title>
      );
    case 'paragraph':
      return (
        <Typography.Paragraph
          style={{
            textAlign: (block.align as 'left' | 'center' | 'right') ?? 'left',
            textIndent: block.indent ? '2em' : 0,
            lineHeight: 1.9,
            whiteSpace: 'pre-wrap',
          }}
        >
          {block.text}
        </Typography.Paragraph>
      );
    case 'table': {
      // `widths` are relative column widths; long cells wrap instead of scrolling off the card; on a
      // phone each row is a card.
      const total = (block.widths ?? []).reduce((a, b) => a + b, 0);
      return (
        <ResponsiveTable
          size="small"
          bordered
          pagination={false}
          style={{ marginBottom: 16 }}
          rowKey={(_, i) => String(i)}
          dataSource={(block.rows ?? []).map((row) =>
            Object.fromEntries(row.map((cell, i) => [String(i), cell])),
          )}
          columns={(block.columns ?? []).map((title, i) => ({
            title,
            dataIndex: String(i),
            key: String(i),
            width: total && block.widths?.[i] ? `${(block.widths[i] / total) * 100}%` : undefined,
          }))}
        />
      );
    }
    case 'list':
      return (
        <ul style={{ lineHeight: 1.9 }}>
          {(block.items ?? []).map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
    default:
      return null;
  }
}

/** `/public/supervision-reports/:id`: one published supervision report, as the document reads. */
export function PublicReportPage() {
  const { id = '' } = useParams();
  const t = useT();
  const lang = useLang();
  const showError = useShowError();
  const report = usePublicReport(id);
  return (
    <PublicLayout>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Link to="/public/supervision-reports">← {t('supervision.public.back')}</Link>
        {report.data && (
          <Button
            icon={<FilePdfOutlined />}
            onClick={() => downloadPublicReport(id, lang).catch((e: unknown) => showError(e))}
            data-testid="public-supervision-report-pdf"
          >
            {t('supervision.public.pdf')}
          </Button>
        )}
      </Space>
      <QueryState query={report}>
        {({ document: doc }) => (
          <Card style={{ marginTop: 12 }} data-testid="public-supervision-report">
            {doc.issuer && (
              <Typography.Paragraph
                strong
                style={{ textAlign: 'center', color: BRAND_RED, fontSize: 24, marginBottom: 8 }}
              >
                {doc.issuer}
              </Typography.Paragraph>
            )}
            {doc.documentNumber && (
              <Typography.Paragraph style={{ textAlign: 'center' }}>
                {doc.documentNumber}
              </Typography.Paragraph>
            )}
            {/* The page's one h1: the report's title under its issuer's red header. */}
            <Typography.Title level={1} style={{ textAlign: 'center', fontSize: 30 }}>
              {doc.title}
            </Typography.Title>
            {doc.subtitle && (
              <Typography.Paragraph style={{ textAlign: 'center' }}>{doc.subtitle}</Typography.Paragraph>
            )}
            {doc.blocks.map((block, i) => (
              <Block key={i} block={block} />
            ))}
            {doc.signature && (
              <Typography.Paragraph style={{ textAlign: 'right', marginTop: 24 }}>
                {doc.signature}
              </Typography.Paragraph>
            )}
            <Typography.Paragraph style={{ textAlign: 'right' }}>{doc.date}</Typography.Paragraph>
          </Card>
        )}
      </QueryState>
    </PublicLayout>
  );
}
