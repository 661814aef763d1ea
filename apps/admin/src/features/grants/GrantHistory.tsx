import { GrantTimeline, useGrantStatusLabel } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import type { GrantDetail } from '../../lib/api-types';

/** Every step of the application with who (staff by name), when and the note the applicant also sees. */
export function GrantHistory({ grant }: { grant: GrantDetail }) {
  const { t } = useTranslation();
  const statusLabel = useGrantStatusLabel('staff');
  return (
    <GrantTimeline
      events={grant.events}
      title={(kind, e) =>
        kind === 'advanced'
          ? t('grants.event.advancedTo', { step: statusLabel(e.toStatus) })
          : t(`grants.event.${kind}`)
      }
      actor={(e) => (e.actor === 'staff' ? e.actorName : t(`grants.actor.${e.actor}`))}
    />
  );
}
