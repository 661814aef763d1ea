import { useEffect } from 'react';

/** Keeps the browser tab's title in the current language. */
export function DocumentTitle({ title }: { title: string }) {
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
}
