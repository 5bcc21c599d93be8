import { SearchOutlined } from '@ant-design/icons';
import { Button, Input } from 'antd';
import type { SearchProps } from 'antd/es/input';
import { useT } from '@/lib/i18n';

/**
 * antd's search box whose icon-only button is named 查询 / Search in the page's language (antd's
 * own button is named by its icon, "search", in English). `enterButton` makes it the primary button.
 */
export function SearchInput({ enterButton, ...props }: SearchProps) {
  const t = useT();
  return (
    <Input.Search
      {...props}
      enterButton={
        <Button
          type={enterButton ? 'primary' : 'default'}
          icon={<SearchOutlined />}
          aria-label={t('common.search')}
        />
      }
    />
  );
}
