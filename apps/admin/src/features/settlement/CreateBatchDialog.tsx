import { List, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Money } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { OwedProvider } from '../../lib/api-types';
import { DecisionDialog } from '../common/DecisionDialog';

/** The bank reference the API accepts (letters, digits, . _ -; 3–64 characters); empty lets the server number it. */
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;

/** Pays everything owed to the chosen providers in one batch; each paid order is settled once, clawbacks netted. */
export function CreateBatchDialog({
  opened,
  onClose,
  providers,
}: {
  opened: boolean;
  onClose: () => void;
  providers: OwedProvider[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [reference, setReference] = useState('');
  const create = useMutation(trpc.admin.settlement.createBatch.mutationOptions());
  const totalFen = providers.reduce((s, p) => s + p.netFen, 0);
  const referenceOk = reference.trim() === '' || REFERENCE.test(reference.trim());

  async function confirm() {
    const batch = await create.mutateAsync({
      providerIds: providers.map((p) => p.providerId),
      ...(reference.trim() ? { reference: reference.trim() } : {}),
    });
    notifications.show({ color: 'teal', message: t('settlement.created', { reference: batch.reference }) });
    await queryClient.invalidateQueries({ queryKey: trpc.admin.settlement.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.admin.fund.pathKey() });
    setReference('');
    void navigate(`/settlement/batches/${batch.id}`);
  }

  return (
    <DecisionDialog
      opened={opened}
      onClose={onClose}
      title={t('settlement.dialog.title')}
      effect={t('settlement.dialog.effect')}
      confirmLabel={t('settlement.dialog.confirm')}
      withReason={false}
      canConfirm={providers.length > 0 && referenceOk}
      onConfirm={confirm}
    >
      <Stack gap="sm">
        <List size="sm" data-testid="settlement-dialog-providers">
          {providers.map((p) => (
            <List.Item key={p.providerId}>
              {p.providerName} · <Money fen={p.netFen} fw={600} />
            </List.Item>
          ))}
        </List>
        <Text size="sm">
          {t('settlement.dialog.total')}{' '}
          <Money fen={totalFen} fw={700} data-testid="settlement-dialog-total" />
        </Text>
        <TextInput
          label={t('settlement.dialog.reference')}
          description={t('settlement.dialog.referenceHint')}
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
          error={referenceOk ? undefined : t('settlement.dialog.referenceInvalid')}
          maxLength={64}
          data-testid="settlement-reference"
        />
      </Stack>
    </DecisionDialog>
  );
}
