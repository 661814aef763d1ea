import { TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { trpc } from '@nanshan/ui/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TenancyListItem } from '../../lib/api-types';
import { shenzhenToday } from '../../lib/shenzhen-date';
import { DecisionDialog } from '../common/DecisionDialog';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Sets a running lease's last day (today by default). */
export function EndTenancyDialog({
  tenancy,
  onClose,
}: {
  tenancy: TenancyListItem | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [endDate, setEndDate] = useState('');
  const end = useMutation(trpc.admin.incubator.tenancies.end.mutationOptions());

  useEffect(() => {
    if (tenancy) setEndDate(shenzhenToday());
  }, [tenancy]);

  const beforeStart = tenancy !== null && ISO_DATE.test(endDate) && endDate < tenancy.startDate;
  async function confirm() {
    if (!tenancy) return;
    await end.mutateAsync({ tenancyId: tenancy.id, endDate });
    notifications.show({ color: 'teal', message: t('incubator.tenancies.endedDone') });
    await queryClient.invalidateQueries({ queryKey: trpc.admin.incubator.pathKey() });
  }

  return (
    <DecisionDialog
      opened={tenancy !== null}
      onClose={onClose}
      title={t('incubator.tenancies.endTitle', { enterprise: tenancy?.enterprise.name, unit: tenancy?.unit })}
      effect={t('incubator.tenancies.endEffect')}
      confirmLabel={t('incubator.tenancies.endConfirm')}
      color="red"
      withReason={false}
      canConfirm={ISO_DATE.test(endDate) && !beforeStart}
      onConfirm={confirm}
    >
      <TextInput
        type="date"
        label={t('incubator.tenancies.endDateLabel')}
        value={endDate}
        onChange={(e) => setEndDate(e.currentTarget.value)}
        error={beforeStart ? t('incubator.validation.endBeforeStart') : undefined}
        required
        data-testid="tenancy-end-date"
      />
    </DecisionDialog>
  );
}
