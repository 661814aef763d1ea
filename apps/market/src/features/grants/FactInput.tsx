import { Checkbox, NativeSelect, Textarea, TextInput } from '@mantine/core';
import { trpc } from '@nanshan/ui/api-client';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FactField, FactName } from './facts-fields';

/** Which catalogue a party fact names: Art. 6 a computing centre, Art. 9 a filed cloud vendor. */
const PARTY_KIND: Partial<Record<FactName, { offerings: 'compute' | 'ai_service'; provider: string }>> = {
  providerId: { offerings: 'compute', provider: 'computing_centre' },
  vendorId: { offerings: 'ai_service', provider: 'cloud_vendor' },
};

export interface FactInputProps {
  field: FactField;
  value: string | boolean | undefined;
  onChange: (value: string | boolean) => void;
  error: ReactNode;
}

function PartySelect({ field, value, onChange, error }: FactInputProps) {
  const { t } = useTranslation();
  const party = PARTY_KIND[field.name];
  const facets = useQuery(trpc.offerings.facets.queryOptions({ kind: party?.offerings }));
  const providers = (facets.data?.providers ?? []).filter((p) => p.kind === party?.provider);
  return (
    <NativeSelect
      label={t(`grants.facts.${field.name}`)}
      required
      value={String(value ?? '')}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[
        { value: '', label: providers.length ? '—' : t('grants.form.partyNone') },
        ...providers.map((p) => ({ value: p.id, label: p.name })),
      ]}
      error={error}
      data-testid={`grant-fact-${field.name}`}
    />
  );
}

/** One fact as its type asks: a yes/no box, a choice, a date, an amount in 元, a list, or a provider. */
export function FactInput(props: FactInputProps) {
  const { t } = useTranslation();
  const { field, value, onChange, error } = props;
  const label = t(`grants.facts.${field.name}`);
  const testId = `grant-fact-${field.name}`;
  switch (field.type) {
    case 'boolean':
      return (
        <Checkbox
          label={label}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
          error={error}
          data-testid={testId}
        />
      );
    case 'choice':
      return (
        <NativeSelect
          label={label}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.currentTarget.value)}
          data={field.options.map((o) => ({
            value: o,
            // Option labels are keyed by fact and option; a new option from the API shows its code until worded.
            label: t(`grants.factOptions.${field.name}.${o}` as 'grants.factOptions.kind.ip_pledge', {
              defaultValue: o,
            }),
          }))}
          error={error}
          data-testid={testId}
        />
      );
    case 'party':
      return <PartySelect {...props} />;
    case 'list':
      return (
        <Textarea
          label={label}
          description={t('grants.form.listHint')}
          required
          autosize
          minRows={2}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.currentTarget.value)}
          error={error}
          data-testid={testId}
        />
      );
    default:
      return (
        <TextInput
          label={label}
          required
          type={field.type === 'date' ? 'date' : 'text'}
          inputMode={field.type === 'money' ? 'decimal' : undefined}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.currentTarget.value)}
          error={error}
          data-testid={testId}
        />
      );
  }
}
