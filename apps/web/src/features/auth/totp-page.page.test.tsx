import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { renderPage } from '@/test/render-page';

// `hs1` is used by no other page test: once it has TOTP, every sign-in as it needs a code.
const USERNAME = 'hs1';

/** RFC 6238 code (SHA-1, 30 s, 6 digits) of a base32 secret at `timeMs`, as an authenticator shows. */
async function totpAt(secret: string, timeMs: number): Promise<string> {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = new Uint8Array((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)));
  const counter = new DataView(new ArrayBuffer(8));
  counter.setBigUint64(0, BigInt(Math.floor(timeMs / 30_000)));
  const hmacKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const mac = new DataView(await crypto.subtle.sign('HMAC', hmacKey, counter.buffer));
  const at = mac.getUint8(mac.byteLength - 1) & 0xf;
  return String((mac.getUint32(at) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

async function call(path: string, body: unknown, csrf?: string) {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, unknown> };
}

describe('the TOTP page (/account/totp)', () => {
  let secret: string;
  const password = () => inject('pageServer').accounts[USERNAME]!.password;
  beforeAll(async () => {
    const { url, accounts } = inject('pageServer');
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(`${url}/`);
    const signedIn = await call('/api/auth/login', accounts[USERNAME]);
    expect(signedIn.status).toBe(200);
  });

  it('asks for the password before it makes a first secret', async () => {
    renderPage('/account/totp');
    const field = await screen.findByTestId('totp-current-password', {}, { timeout: 30_000 });
    expect(screen.queryByTestId('totp-current-code')).toBeNull();
    expect(screen.queryByTestId('totp-secret')).toBeNull();

    fireEvent.change(field, { target: { value: 'Not-mine#2026' } });
    fireEvent.click(screen.getByTestId('totp-start'));
    await screen.findAllByText('当前密码不正确', {}, { timeout: 30_000 });
    expect(screen.queryByTestId('totp-secret')).toBeNull();

    fireEvent.change(field, { target: { value: password() } });
    fireEvent.click(screen.getByTestId('totp-start'));
    const shown = await screen.findByTestId('totp-secret', {}, { timeout: 30_000 });
    await waitFor(() => expect(shown.textContent).toMatch(/^[A-Z2-7]{16,}/));
    secret = shown.textContent!.trim();
    // The previous step's code (within the allowed drift), so the current one is still unused. Late
    // in a step, wait for the next: on a busy machine the server's check may come a step later, when
    // the previous step's code is two steps old and refused.
    const intoStep = Date.now() % 30_000;
    if (intoStep > 15_000) await new Promise((r) => setTimeout(r, 30_000 - intoStep + 200));
    fireEvent.change(screen.getByTestId('totp-code'), {
      target: { value: await totpAt(secret, Date.now() - 30_000) },
    });
    fireEvent.click(screen.getByTestId('totp-confirm'));
    await waitFor(() => expect(screen.queryByTestId('totp-secret')).toBeNull(), { timeout: 45_000 });
    cleanup();
  }, 150_000);

  it('asks for the password and a current code before it replaces the secret, not saying which was wrong', async () => {
    renderPage('/account/totp');
    const field = await screen.findByTestId('totp-current-password', {}, { timeout: 30_000 });
    const code = await screen.findByTestId('totp-current-code', {}, { timeout: 30_000 });
    expect(screen.queryByTestId('totp-secret')).toBeNull();

    fireEvent.change(field, { target: { value: 'Not-mine#2026' } });
    fireEvent.change(code, { target: { value: await totpAt(secret, Date.now()) } });
    fireEvent.click(screen.getByTestId('totp-start'));
    await screen.findAllByText('当前密码或动态验证码不正确', {}, { timeout: 30_000 });
    expect(screen.queryByTestId('totp-secret')).toBeNull();

    fireEvent.change(field, { target: { value: password() } });
    fireEvent.click(screen.getByTestId('totp-start'));
    const shown = await screen.findByTestId('totp-secret', {}, { timeout: 30_000 });
    await waitFor(() => expect(shown.textContent).toMatch(/^[A-Z2-7]{16,}/));
    expect(shown.textContent).not.toContain(secret);
  });
});
