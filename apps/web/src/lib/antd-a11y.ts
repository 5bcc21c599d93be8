/**
 * Two accessibility gaps of antd 6 that show at phone width, mended once for every page on the DOM
 * antd renders (its components take no props for either) until antd mends them itself:
 *
 * - **Tabs** put `role="tablist"` on the whole tab bar, which also holds the overflow ("…") button
 *   once the tabs do not fit — at 390 px most tab bars — so the tab list owns a button
 *   (axe `aria-required-children`, critical; react-component/tabs issue 1013). The role moves to
 *   the element that holds only the tabs, as that fix does; the "…" button stays as it is.
 * - **Tables** wider than the screen scroll sideways inside `.ant-table-content` (or, with a fixed
 *   height, `.ant-table-body`), which a keyboard cannot reach unless a cell holds a link (axe
 *   `scrollable-region-focusable`, serious). A region that scrolls becomes a named, focusable
 *   region (`tabindex="0"`, `role="region"`, named by the table's card title, its own title or the
 *   heading before it) so arrow keys scroll it; one that no longer scrolls (a wider window) loses
 *   what was added.
 */

const MARK = 'data-a11y-region';
const REGIONS = '.ant-table-content, .ant-table-body';

/** Moves `role="tablist"` (and its orientation) from antd's tab bar to the list of tabs in it. */
export function mendTabList(nav: Element): void {
  const list = nav.querySelector(':scope > .ant-tabs-nav-wrap > .ant-tabs-nav-list');
  if (!list || nav.getAttribute('role') !== 'tablist') return;
  list.setAttribute('role', 'tablist');
  const orientation = nav.getAttribute('aria-orientation');
  if (orientation) list.setAttribute('aria-orientation', orientation);
  nav.removeAttribute('role');
  nav.removeAttribute('aria-orientation');
}

/** The last heading before `el` in the page, if any. */
function headingBefore(el: Element): Element | undefined {
  const headings = Array.from(el.ownerDocument.querySelectorAll('h1, h2, h3, h4, h5, h6'));
  return headings.filter((h) => h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING).at(-1);
}

/** What names a table region: its card's title, the table's own title, or the heading before it. */
export function regionTitle(el: Element): Element | undefined {
  const titles = [
    el.closest('.ant-card')?.querySelector(':scope > .ant-card-head .ant-card-head-title'),
    el.closest('.ant-table-wrapper')?.querySelector('.ant-table-title'),
    headingBefore(el),
  ];
  return titles.find((t): t is Element => !!t?.textContent?.trim());
}

let ids = 0;

const scrolls = (el: HTMLElement) =>
  el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;

/**
 * Makes a scrolling table region reachable and named by keyboard — named by the visible title
 * (`aria-labelledby`, so the name is the page's own text in its language), or 表格 / Table — or
 * takes that back when it no longer scrolls.
 */
export function mendScrollRegion(el: HTMLElement, lang: 'zh' | 'en'): void {
  if (!scrolls(el)) {
    if (el.hasAttribute(MARK))
      for (const attr of [MARK, 'tabindex', 'role', 'aria-label', 'aria-labelledby'])
        el.removeAttribute(attr);
    return;
  }
  if (!el.hasAttribute(MARK)) {
    el.setAttribute(MARK, '');
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', 'region');
  }
  const title = regionTitle(el);
  if (title) {
    if (!title.id) title.id = `a11y-region-title-${++ids}`;
    el.setAttribute('aria-labelledby', title.id);
    el.removeAttribute('aria-label');
  } else {
    el.setAttribute('aria-label', lang === 'en' ? 'Table' : '表格');
    el.removeAttribute('aria-labelledby');
  }
}

/** One pass over a document: every tab bar and every table region. */
export function mendAntd(doc: Document): void {
  const lang = doc.documentElement.lang.startsWith('en') ? 'en' : 'zh';
  for (const nav of doc.querySelectorAll('.ant-tabs-nav[role="tablist"]')) mendTabList(nav);
  for (const el of doc.querySelectorAll<HTMLElement>(REGIONS)) mendScrollRegion(el, lang);
}

/**
 * Keeps mending as pages render and the window resizes (once per animation frame at most);
 * answers the function that stops it.
 */
export function watchAntdA11y(doc: Document): () => void {
  const win = doc.defaultView!;
  let frame = 0;
  const schedule = () => {
    if (!frame)
      frame = win.requestAnimationFrame(() => {
        frame = 0;
        mendAntd(doc);
      });
  };
  const observer = new win.MutationObserver(schedule);
  observer.observe(doc.body, { childList: true, subtree: true });
  observer.observe(doc.documentElement, { attributes: true, attributeFilter: ['lang'] });
  win.addEventListener('resize', schedule);
  schedule();
  return () => {
    observer.disconnect();
    win.removeEventListener('resize', schedule);
    if (frame) win.cancelAnimationFrame(frame);
  };
}
