import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pickText, useLanguage } from '../i18n/use-language';

export interface TraceStepView {
  code: string;
  zh: string;
  en: string;
}

export interface TraceListProps {
  steps: readonly TraceStepView[];
  'data-testid'?: string;
}

/** The rules' explanation, step by step, in the current language (each step carries both texts). */
export function TraceList({ steps, 'data-testid': testId = 'trace' }: TraceListProps) {
  const { t } = useTranslation('ui');
  const language = useLanguage();
  if (steps.length === 0) {
    return (
      <Text c="dimmed" size="sm" data-testid={testId}>
        {t('trace.empty')}
      </Text>
    );
  }
  return (
    <List type="ordered" spacing="xs" size="sm" data-testid={testId}>
      {steps.map((step, index) => (
        // Steps have no id; their position in the explanation is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: a trace is immutable and ordered
        <List.Item key={`${index}-${step.code}`} data-testid="trace-step" data-code={step.code}>
          {pickText(step, language)}
        </List.Item>
      ))}
    </List>
  );
}
