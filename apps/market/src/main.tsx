import '@nanshan/ui/styles.css';
import './print.css';
import { NanshanProvider } from '@nanshan/ui';
import { queryClient } from '@nanshan/ui/api-client';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { i18n } from './i18n';
import { router } from './router';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <NanshanProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </NanshanProvider>
  </StrictMode>,
);
