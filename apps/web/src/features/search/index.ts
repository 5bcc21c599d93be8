/** What the app shell takes from the global search: the header's search box. */
export { HeaderSearch } from './components/header-search';
