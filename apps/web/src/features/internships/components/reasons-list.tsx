import { Alert, List } from 'antd';
import { useLang } from '@/lib/lang';

export interface Reason {
  code: string;
  field: string;
  zh: string;
  en: string;
}

/** Reasons (refusals or warnings) of the internship rules, in the page's language. */
export function ReasonsAlert({
  reasons,
  type,
  title,
}: {
  reasons: Reason[];
  type: 'error' | 'warning';
  title: string;
}) {
  const lang = useLang();
  if (reasons.length === 0) return null;
  return (
    <Alert
      type={type}
      showIcon
      style={{ marginBottom: 12 }}
      message={title}
      description={
        <List
          size="small"
          dataSource={reasons}
          renderItem={(r) => (
            <List.Item data-testid={`reason-${r.code}`}>{lang === 'en' ? r.en : r.zh}</List.Item>
          )}
        />
      }
    />
  );
}
