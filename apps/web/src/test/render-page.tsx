import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { inject } from 'vitest';
import { AppProviders } from '@/app/providers';
import { createQueryClient } from '@/app/query-client';
import { appRoutes } from '@/app/router';
import { setNavigator } from '@/lib/api-client';

/** The happy-dom window's control: the page's URL decides where relative `/api` calls go. */
const happyDom = () => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;

/**
 * Signs in on the page server (a real Zhijiao with the demo district, see
 * apps/server/src/test/page-server.ts) as a demo account; the session cookie stays in the test
 * window, as in a browser.
 */
export async function signIn(username: string): Promise<void> {
  const { url, accounts } = inject('pageServer');
  const account = accounts[username];
  if (!account) throw new Error(`no page-test account ${username}`);
  happyDom().setURL(`${url}/`);
  const res = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  if (!res.ok) throw new Error(`sign-in as ${username}: ${res.status} ${await res.text()}`);
}

/** Reads the API as the signed-in user, for comparing what a page shows with what the server says. */
export async function getJson<T>(path: string): Promise<T> {
  const { url } = inject('pageServer');
  if (window.location.origin !== new URL(url).origin) happyDom().setURL(`${url}/`);
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * Renders the app at `path` as it runs in the browser (the real routes, providers and API client)
 * against the page server, without a browser: the route-level test of a page.
 */
export function renderPage(path: string) {
  const { url } = inject('pageServer');
  happyDom().setURL(`${url}${path}`);
  const router = createMemoryRouter(appRoutes(), { initialEntries: [path] });
  setNavigator((to) => void router.navigate(to));
  const view = render(
    <AppProviders queryClient={createQueryClient()}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, router };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pageServer: { url: string; accounts: Record<string, { username: string; password: string }> };
  }
}
