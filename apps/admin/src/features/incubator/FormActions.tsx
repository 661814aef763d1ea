import { Button, Group } from '@mantine/core';
import { ErrorNotice } from '@nanshan/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The foot of a form dialog: the server's refusal (translated), cancel, and the submit button. */
export function FormActions({
  failure,
  submitting,
  saveLabel,
  onCancel,
  testIdPrefix,
}: {
  failure: unknown;
  submitting: boolean;
  saveLabel: ReactNode;
  onCancel: () => void;
  /** `<prefix>-error`, `<prefix>-save`. */
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {failure ? <ErrorNotice error={failure} data-testid={`${testIdPrefix}-error`} /> : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={submitting} data-testid={`${testIdPrefix}-save`}>
          {saveLabel}
        </Button>
      </Group>
    </>
  );
}
