import { SearchOutlined } from '@ant-design/icons';
import { Button, Grid } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { SearchInput } from '@/components/search-input';
import { useT } from '@/lib/i18n';
import { SEARCH_MAX_LENGTH } from '../api/search';

/**
 * The signed-in header's search: a box on a wide screen, Enter opens `/search?q=…`; on a phone
 * (under `md`) a search button opens the results page, whose box takes the full width.
 */
export function HeaderSearch() {
  const t = useT();
  const phone = Grid.useBreakpoint().md === false;
  const navigate = useNavigate();
  const location = useLocation();
  const current =
    location.pathname === '/search' ? (new URLSearchParams(location.search).get('q') ?? '') : '';
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);

  if (phone)
    return (
      <Button
        type="text"
        icon={<SearchOutlined />}
        aria-label={t('search.open')}
        title={t('search.open')}
        data-testid="header-search-open"
        onClick={() => navigate('/search')}
      />
    );
  return (
    <SearchInput
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(value) => {
        const q = value.trim();
        if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
      }}
      placeholder={t('search.placeholder')}
      aria-label={t('search.label')}
      maxLength={SEARCH_MAX_LENGTH}
      allowClear
      data-testid="header-search"
      style={{ width: 240 }}
    />
  );
}
