import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, renderPage } from '@/test/render-page';

/** The two credentials of 上党区 the page server issued (one revoked since): test/page-server.ts. */
const credentials = () => getJson<{ valid: string; revoked: string }>('/__page-test/credentials');

const fromBase64url = (s: string) =>
  new TextDecoder().decode(
    Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
  );
const toBase64url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const PAGE = '/public/credentials/verify';
const text = (id: string) => screen.getByTestId(id).textContent ?? '';

describe('验证电子证书 (/public/credentials/verify), no sign-in', () => {
  let issued: { valid: string; revoked: string };
  // The first request waits for the page server to finish loading the demo: a hook's time, not a test's.
  beforeAll(async () => {
    issued = await credentials();
  });

  it('shows who issued what to whom, the signature valid and the credential not revoked', async () => {
    const { valid } = issued;
    renderPage(PAGE);
    const input = await screen.findByTestId('credential-text', {}, { timeout: 30_000 });
    fireEvent.change(input, { target: { value: `  ${valid}\n` } });
    fireEvent.click(screen.getByTestId('credential-verify'));
    await waitFor(() => expect(screen.getByTestId('credential-verdict')).toBeTruthy(), { timeout: 30_000 });
    expect(text('credential-verdict')).toBe('证书有效');
    expect(text('credential-issuer')).toBe('上党区教育局');
    expect(text('credential-achievement')).toBe('电工（中级）');
    expect(text('credential-holder')).toBe('王小明');
    expect(text('credential-issued-on')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(text('credential-signature')).toBe('有效');
    expect(text('credential-status')).toBe('未撤销');
  });

  it('reads an uploaded .jwt file and says a revoked credential is revoked, with the reason', async () => {
    const { revoked } = issued;
    renderPage(PAGE);
    await screen.findByTestId('credential-text', {}, { timeout: 30_000 });
    const file = new File([revoked], '证书.jwt', { type: 'application/octet-stream' });
    const picker = document.querySelector('input[type="file"]')!;
    fireEvent.change(picker, { target: { files: [file] } });
    await waitFor(() => expect(screen.getByTestId('credential-verdict')).toBeTruthy(), { timeout: 30_000 });
    expect(text('credential-verdict')).toBe('证书已撤销');
    expect(text('credential-reasons')).toContain('已被签发方撤销');
    expect(text('credential-holder')).toBe('李小红');
    expect(text('credential-signature')).toBe('有效');
    expect(text('credential-status')).toBe('已撤销');
  });

  it('refuses a tampered credential: signature invalid, the reason given, nothing of its content shown', async () => {
    const { valid } = issued;
    const [header, payload, signature] = valid.split('.') as [string, string, string];
    const changed = fromBase64url(payload).replace('王小明', '王大明');
    expect(changed).toContain('王大明');
    const tampered = `${header}.${toBase64url(changed)}.${signature}`;
    renderPage(PAGE);
    const input = await screen.findByTestId('credential-text', {}, { timeout: 30_000 });
    fireEvent.change(input, { target: { value: tampered } });
    fireEvent.click(screen.getByTestId('credential-verify'));
    await waitFor(() => expect(screen.getByTestId('credential-verdict')).toBeTruthy(), { timeout: 30_000 });
    expect(text('credential-verdict')).toBe('证书未通过验证');
    expect(text('credential-reasons')).toContain('签名');
    expect(text('credential-signature')).toBe('无效');
    expect(screen.queryByTestId('credential-holder')).toBeNull();
    expect(document.body.textContent).not.toContain('王大明');
  });
});
