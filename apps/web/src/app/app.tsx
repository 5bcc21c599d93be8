import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { setSessionLostHandler } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { AppProviders } from './providers';
import { createQueryClient } from './query-client';
import { createRouter } from './router';

/** The whole web app: providers around the router. */
export function App() {
  const [queryClient] = useState(() => {
    const client = createQueryClient();
    setSessionLostHandler(() => client.setQueryData(queryKeys.me, null));
    return client;
  });
  const [router] = useState(createRouter);
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
