import { GrantStepper as Stepper, useGrantStatusLabel } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import type { GrantDetail } from '../../lib/api-types';

/** The workflow's steps (shared with the market app), in the admin's words. */
export function GrantStepper({ grant }: { grant: GrantDetail }) {
  const { t } = useTranslation();
  const statusLabel = useGrantStatusLabel('staff');
  return (
    <Stepper
      status={grant.status}
      events={grant.events}
      noticeEndsOn={grant.noticeEndsOn}
      statusLabel={statusLabel}
      noticeEndsLabel={(date) => t('grants.noticeEnds', { date })}
    />
  );
}
