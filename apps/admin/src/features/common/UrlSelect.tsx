import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface UrlSelectProps<T extends string> {
  /** The URL parameter this filter reads and writes. */
  name: string;
  label: string;
  options: readonly T[];
  optionLabel: (value: T) => string;
  value: T | undefined;
  update: (changes: Record<string, string | null>) => void;
  /** Label of the "no filter" choice; `common.all` unless given. */
  allLabel?: string;
  width?: number;
  testId: string;
}

/** An "all or one of these" filter bound to a URL parameter; choosing goes back to page 1. */
export function UrlSelect<T extends string>({
  name,
  label,
  options,
  optionLabel,
  value,
  update,
  allLabel,
  width = 180,
  testId,
}: UrlSelectProps<T>) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      data={[
        { value: 'all', label: allLabel ?? t('common.all') },
        ...options.map((o) => ({ value: o, label: optionLabel(o) })),
      ]}
      value={value ?? 'all'}
      onChange={(v) => update({ [name]: v && v !== 'all' ? v : null, page: null })}
      allowDeselect={false}
      w={{ base: '100%', xs: width }}
      data-testid={testId}
    />
  );
}
