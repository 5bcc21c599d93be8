// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { mendAntd, mendTabList } from './antd-a11y';

/** Gives an element the sizes a browser would measure (happy-dom lays nothing out). */
function size(el: Element, scrollWidth: number, clientWidth: number) {
  Object.defineProperty(el, 'scrollWidth', { configurable: true, value: scrollWidth });
  Object.defineProperty(el, 'clientWidth', { configurable: true, value: clientWidth });
  Object.defineProperty(el, 'scrollHeight', { configurable: true, value: 100 });
  Object.defineProperty(el, 'clientHeight', { configurable: true, value: 100 });
}

const region = (id: string) => document.querySelector<HTMLElement>(`#${id} .ant-table-content`)!;

describe('mending antd for keyboards and screen readers', () => {
  beforeEach(() => {
    document.documentElement.lang = 'zh-CN';
    document.body.innerHTML = `
      <h2>计划任务</h2>
      <div class="ant-tabs-nav" role="tablist" aria-orientation="horizontal">
        <div class="ant-tabs-nav-wrap"><div class="ant-tabs-nav-list">
          <div class="ant-tabs-tab"><div role="tab">名册</div></div>
        </div></div>
        <div class="ant-tabs-nav-operations"><button class="ant-tabs-nav-more">…</button></div>
      </div>
      <div class="ant-card" id="carded"><div class="ant-card-head"><div class="ant-card-head-title">里程碑</div></div>
        <div class="ant-card-body"><div class="ant-table-wrapper"><div class="ant-table-content"></div></div></div>
      </div>
      <div id="plain"><div class="ant-table-wrapper"><div class="ant-table-content"></div></div></div>`;
  });

  it('gives the tab list role to the list of tabs, not the bar that also holds the overflow button', () => {
    const nav = document.querySelector('.ant-tabs-nav')!;
    mendTabList(nav);
    expect(nav.hasAttribute('role')).toBe(false);
    const list = document.querySelector('.ant-tabs-nav-list')!;
    expect(list.getAttribute('role')).toBe('tablist');
    expect(list.getAttribute('aria-orientation')).toBe('horizontal');
    expect(list.contains(document.querySelector('.ant-tabs-nav-more'))).toBe(false);
  });

  it('makes a table that scrolls sideways a focusable region named by its card title or the heading before it', () => {
    size(region('carded'), 900, 350);
    size(region('plain'), 900, 350);
    mendAntd(document);
    const carded = region('carded');
    expect(carded.getAttribute('tabindex')).toBe('0');
    expect(carded.getAttribute('role')).toBe('region');
    expect(document.getElementById(carded.getAttribute('aria-labelledby')!)!.textContent).toBe('里程碑');
    const plain = region('plain');
    expect(document.getElementById(plain.getAttribute('aria-labelledby')!)!.textContent).toBe('计划任务');
  });

  it('leaves a table that fits alone, and takes back what it added once the table fits', () => {
    size(region('carded'), 350, 350);
    mendAntd(document);
    expect(region('carded').hasAttribute('tabindex')).toBe(false);
    size(region('carded'), 900, 350);
    mendAntd(document);
    expect(region('carded').getAttribute('role')).toBe('region');
    size(region('carded'), 350, 350);
    mendAntd(document);
    for (const attr of ['tabindex', 'role', 'aria-labelledby', 'aria-label'])
      expect(region('carded').hasAttribute(attr)).toBe(false);
  });

  it('names a table with no title around it 表格, or Table on an English page', () => {
    document.body.innerHTML = '<div class="ant-table-wrapper"><div class="ant-table-content"></div></div>';
    const el = document.querySelector<HTMLElement>('.ant-table-content')!;
    size(el, 900, 350);
    mendAntd(document);
    expect(el.getAttribute('aria-label')).toBe('表格');
    document.documentElement.lang = 'en';
    mendAntd(document);
    expect(el.getAttribute('aria-label')).toBe('Table');
  });
});
