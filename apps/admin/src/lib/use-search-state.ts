import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

/** Filters and page numbers live in the URL, so a reload or a shared link shows the same list. */
export function useSearchState() {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (changes: Record<string, string | null | undefined>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(changes)) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [params, update] as const;
}

export function pageFrom(value: string | null): number {
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 1 ? n : 1;
}

/** The value when it is one of the allowed codes, else undefined (a hand-edited URL cannot send junk to the API). */
export function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return allowed.find((a) => a === value);
}

/**
 * A text filter typed freely and sent to the URL parameter `name` (back to page 1) after a pause of `delayMs`, so
 * the list is not re-queried on every keystroke.
 */
export function useDebouncedParam(
  name: string,
  params: URLSearchParams,
  update: (changes: Record<string, string | null>) => void,
  delayMs: number,
) {
  const [value, setValue] = useState(params.get(name) ?? '');
  const [debounced] = useDebouncedValue(value.trim(), delayMs);
  useEffect(() => {
    if ((params.get(name) ?? '') !== debounced) update({ [name]: debounced || null, page: null });
  }, [debounced, name, params, update]);
  return [value, setValue] as const;
}
