import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ErrorNotice } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrantApplication } from '../../lib/api-types';
import { refreshGrants } from './invalidate';

/** Withdraws an application nothing has been decided on, after a confirmation with an optional reason. */
export function WithdrawButton({ grant }: { grant: GrantApplication }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const withdraw = useMutation(
    trpc.grants.withdraw.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: 'teal', message: t('grants.withdraw.done') });
        setOpen(false);
        await refreshGrants();
      },
    }),
  );
  return (
    <>
      <Button variant="default" color="red" onClick={() => setOpen(true)} data-testid="grant-withdraw">
        {t('grants.withdraw.button')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('grants.withdraw.title')}>
        <Stack>
          <Text size="sm">{t('grants.withdraw.body')}</Text>
          <Textarea
            label={t('grants.withdraw.note')}
            autosize
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-testid="grant-withdraw-note"
          />
          {withdraw.isError ? (
            <ErrorNotice error={withdraw.error} data-testid="grant-withdraw-error" />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('grants.withdraw.cancel')}
            </Button>
            <Button
              color="red"
              loading={withdraw.isPending}
              onClick={() => withdraw.mutate({ applicationId: grant.id, note: note.trim() })}
              data-testid="grant-withdraw-confirm"
            >
              {t('grants.withdraw.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
