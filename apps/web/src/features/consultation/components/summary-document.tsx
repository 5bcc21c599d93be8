import { Typography } from 'antd';
import { ResponsiveTable } from '@/components/responsive-table';
import type { SummaryDocument } from '../types';

/** Renders the feedback summary's document model on screen (the same model the DOCX/PDF come from). */
export function SummaryDocumentView({ doc }: { doc: SummaryDocument }) {
  return (
    <article data-testid="summary-document" style={{ maxWidth: 760, margin: '0 auto', lineHeight: 1.9 }}>
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        {doc.title}
      </Typography.Title>
      {doc.blocks.map((block, i) => {
        switch (block.kind) {
          case 'heading':
            return (
              <Typography.Title key={i} level={block.level === 1 ? 4 : 5}>
                {block.text}
              </Typography.Title>
            );
          case 'paragraph':
            return (
              <Typography.Paragraph
                key={i}
                style={{
                  textIndent: block.indent === false ? 0 : '2em',
                  textAlign: block.align as 'left' | undefined,
                }}
              >
                {block.text}
              </Typography.Paragraph>
            );
          case 'table':
            return (
              <ResponsiveTable
                key={i}
                size="small"
                bordered
                pagination={false}
                style={{ marginBottom: 16 }}
                columns={block.columns.map((title, c) => ({ title, dataIndex: String(c), key: String(c) }))}
                dataSource={block.rows.map((row, r) => ({
                  key: r,
                  ...Object.fromEntries(row.map((cell, c) => [String(c), cell])),
                }))}
              />
            );
          case 'list':
            return (
              <ul key={i}>
                {block.items.map((item, j) => (
                  <li key={j}>{item}</li>
                ))}
              </ul>
            );
          default:
            return <hr key={i} />;
        }
      })}
      <Typography.Paragraph style={{ textAlign: 'right', marginTop: 32 }}>
        {doc.signature}
        <br />
        {doc.date}
      </Typography.Paragraph>
    </article>
  );
}
