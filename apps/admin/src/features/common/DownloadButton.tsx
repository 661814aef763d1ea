import { Button, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type Base64File, downloadBase64File, useErrorText } from '@nanshan/ui';
import { type ReactNode, useState } from 'react';

export interface DownloadButtonProps extends ButtonProps {
  /** Fetches the file (e.g. `queryClient.fetchQuery(trpc.admin.reports.export.queryOptions(...))`). */
  fetchFile: () => Promise<Base64File>;
  children: ReactNode;
  'data-testid'?: string;
  'aria-label'?: string;
}

/** A file the server renders: the button spins while it is produced, then the browser saves it. */
export function DownloadButton({ fetchFile, children, ...props }: DownloadButtonProps) {
  const [busy, setBusy] = useState(false);
  const errorText = useErrorText();
  async function run() {
    setBusy(true);
    try {
      downloadBase64File(await fetchFile());
    } catch (error) {
      const text = errorText(error);
      notifications.show({ color: 'red', message: text.message, autoClose: 8000 });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button variant="light" {...props} loading={busy} onClick={() => void run()}>
      {children}
    </Button>
  );
}
