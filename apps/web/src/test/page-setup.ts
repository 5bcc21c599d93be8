import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The pages render against a real server doing real work: on a busy machine a navigation or a
// fetch takes longer than Testing Library's 1 s default, and that is not a failure.
configure({ asyncUtilTimeout: 15_000 });

// Unmount each page before the window goes away (React must not render into a torn-down window).
afterEach(() => cleanup());

/**
 * happy-dom draws nothing: a canvas has no 2D context. Charts (ECharts' canvas renderer) get one
 * that accepts every call and draws nothing, so a page with charts renders its real content
 * around them; what a chart shows is checked in the Chromium journeys and screenshots.
 */
const noop = () => undefined;
const context2d = new Proxy(
  {},
  {
    get: (_target, key) =>
      key === 'measureText' ? () => ({ width: 0 }) : key === 'getImageData' ? () => ({ data: [] }) : noop,
    set: () => true,
  },
);
HTMLCanvasElement.prototype.getContext = function getContext() {
  return context2d as CanvasRenderingContext2D;
} as unknown as HTMLCanvasElement['getContext'];
