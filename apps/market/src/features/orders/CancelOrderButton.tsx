import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { ErrorNotice } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { refreshAfterOrderChange } from './invalidate';

export function CancelOrderButton({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const cancel = useMutation(
    trpc.orders.cancel.mutationOptions({
      onSuccess: async () => {
        close();
        notifications.show({ color: 'gray', message: t('order.cancelled') });
        await refreshAfterOrderChange();
      },
      // A refusal (e.g. `payment_in_progress`: the buyer has just paid) is explained in the dialog; the order is read
      // again so the page follows it to its real state.
      onError: () => refreshAfterOrderChange(),
    }),
  );
  return (
    <>
      <Button variant="subtle" color="gray" onClick={open} data-testid="cancel-order">
        {t('order.cancel')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('order.cancelTitle')} centered>
        <Stack>
          <Text size="sm">{t('order.cancelBody')}</Text>
          {cancel.isError ? <ErrorNotice error={cancel.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('order.cancelKeep')}
            </Button>
            <Button
              color="red"
              loading={cancel.isPending}
              onClick={() => cancel.mutate({ orderId })}
              data-testid="cancel-order-confirm"
            >
              {t('order.cancelConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
