import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './build/precompress.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Vendor chunks: React, antd (with its rc-component and icon deps) and ECharts change on
 * different schedules from the app, so each gets its own long-cached file. ECharts is only
 * pulled in by the signed-in pages that draw charts, not by the public home page. A group takes
 * its modules' dependencies along, so React has the highest priority (else it would be pulled
 * into the ECharts chunk through echarts-for-react) and ECharts the lowest.
 */
const vendorGroups = [
  {
    name: 'vendor-echarts',
    test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor)[\\/]/,
    priority: 10,
  },
  {
    name: 'vendor-antd',
    test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|@emotion|stylis|dayjs|compute-scroll-into-view|scroll-into-view-if-needed|throttle-debounce|json2mq|string-convert|clsx|is-mobile)[\\/]/,
    priority: 20,
  },
  {
    name: 'vendor-react',
    test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|react-is)[\\/]/,
    priority: 30,
  },
];

export default defineConfig({
  root,
  plugins: [react(), precompress()],
  resolve: { alias: { '@': `${root}src` } },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: `${root}dist`,
    emptyOutDir: true,
    // antd 6 (css-in-js, every component the app uses) is one ~1.3 MB chunk, cached across releases.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: { codeSplitting: { groups: vendorGroups } },
    },
  },
});
