import { Text, Timeline } from '@mantine/core';
import { DateTime } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import type { GrantDetail } from '../../lib/api-types';

const COLORS: Record<string, string> = {
  rejected: 'red',
  withdrawn: 'gray',
  info_requested: 'orange',
  decided: 'teal',
  paid: 'green',
  objection_raised: 'red',
  non_duplication_excluded: 'red',
};

/** Statuses that end (or settle) an application: an event reaching one is named after it whatever it came from. */
const OUTCOMES = new Set(['rejected', 'withdrawn', 'decided', 'paid']);

/**
 * The event's kind for display. The API names an event leaving `info_requested` "responded" even when staff rejected
 * the application from there; an event that reaches an outcome is named after the outcome.
 */
function displayKind(e: GrantDetail['events'][number]): GrantDetail['events'][number]['kind'] {
  if (e.fromStatus !== e.toStatus && OUTCOMES.has(e.toStatus)) return e.toStatus as 'rejected';
  return e.kind;
}

/** Every step of the application with who (staff by name), when and the note the applicant also sees. */
export function GrantHistory({ grant }: { grant: GrantDetail }) {
  const { t } = useTranslation();
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="grant-history">
      {[...grant.events].reverse().map((e, i) => {
        const kind = displayKind(e);
        return (
          <Timeline.Item
            // Events have no id in the view; newest first, their position is stable.
            // biome-ignore lint/suspicious/noArrayIndexKey: an event list is append-only
            key={i}
            color={COLORS[kind]}
            data-testid="grant-event"
            data-kind={kind}
            title={
              <Text size="sm" fw={600}>
                {kind === 'advanced'
                  ? t('grants.event.advancedTo', { step: t(`grants.status.${e.toStatus}`) })
                  : t(`grants.event.${kind}`)}
              </Text>
            }
          >
            {e.note ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {e.note}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed">
              {e.actor === 'staff' ? e.actorName : t(`grants.actor.${e.actor}`)} ·{' '}
              <DateTime value={e.at} span inherit />
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
