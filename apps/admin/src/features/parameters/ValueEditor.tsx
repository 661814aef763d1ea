import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { YuanInput } from '../common/YuanInput';
import { RentTierEditor } from './RentTierEditor';
import { percentToBps } from './rent-tiers';
import type { EditorState } from './values';

function PercentInput({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={label}
      inputMode="decimal"
      rightSection="%"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={value !== '' && percentToBps(value) === null ? t('parameters.percentInvalid') : undefined}
      data-testid={testId}
    />
  );
}

/** The input for a candidate value, by the parameter's unit. */
export function ValueEditor({ state, onChange }: { state: EditorState; onChange: (s: EditorState) => void }) {
  const { t } = useTranslation();
  switch (state.unit) {
    case 'fen':
    case 'fen_per_card_hour':
      return (
        <YuanInput
          label={
            state.unit === 'fen' ? t('parameters.editor.amount') : t('parameters.editor.pricePerCardHour')
          }
          valueFen={state.fen}
          onChangeFen={(fen) => onChange({ ...state, fen })}
          error={state.fen === null ? t('parameters.amountInvalid') : undefined}
          data-testid="param-value-amount"
        />
      );
    case 'bps':
      return (
        <PercentInput
          label={t('parameters.editor.rate')}
          value={state.percent}
          onChange={(percent) => onChange({ ...state, percent })}
          testId="param-value-percent"
        />
      );
    case 'bps_by_field':
      return (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {(['industry', 'services', 'other'] as const).map((f) => (
            <PercentInput
              key={f}
              label={t(`parameters.field.${f}`)}
              value={state.percent[f]}
              onChange={(v) => onChange({ ...state, percent: { ...state.percent, [f]: v } })}
              testId={`param-value-${f}`}
            />
          ))}
        </SimpleGrid>
      );
    case 'bps_by_financing_kind':
      return (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {(['loan_interest', 'startup_financing', 'ip_pledge'] as const).map((f) => (
            <PercentInput
              key={f}
              label={t(`parameters.financing.${f}`)}
              value={state.percent[f]}
              onChange={(v) => onChange({ ...state, percent: { ...state.percent, [f]: v } })}
              testId={`param-value-${f}`}
            />
          ))}
        </SimpleGrid>
      );
    case 'rent_tiers':
      return <RentTierEditor rows={state.rows} onChange={(rows) => onChange({ ...state, rows })} />;
  }
}
