import { Radio, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type Declaration = 'not_related' | 'related';

/**
 * The buyer's related-party declaration (evidence for the subsidy review): required, nothing pre-ticked. Related
 * parties (a common actual controller) get no subsidy.
 */
export function RelatedPartyDeclaration({
  providerName,
  value,
  onChange,
  testIdPrefix = '',
}: {
  providerName: string;
  value: Declaration | null;
  onChange: (value: Declaration) => void;
  /** '' gives `not-related-declaration` / `related-party-declaration`; 'pool-' gives `pool-not-related-declaration`. */
  testIdPrefix?: string;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('quote.declarationLabel')}
      description={t('quote.declarationNote')}
      value={value}
      onChange={(v) => onChange(v === 'related' ? 'related' : 'not_related')}
      withAsterisk
    >
      <Stack gap="xs" mt="xs">
        <Radio
          value="not_related"
          label={t('quote.notRelated', { provider: providerName })}
          data-testid={`${testIdPrefix}not-related-declaration`}
        />
        <Radio
          value="related"
          label={t('quote.related', { provider: providerName })}
          data-testid={`${testIdPrefix}related-party-declaration`}
        />
      </Stack>
    </Radio.Group>
  );
}
