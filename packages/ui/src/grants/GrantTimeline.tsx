import { Text, Timeline } from '@mantine/core';
import type { ReactNode } from 'react';
import { DateTime } from '../components/DateTime';
import { displayEventKind } from './workflow';

const COLORS: Record<string, string> = {
  rejected: 'red',
  withdrawn: 'gray',
  info_requested: 'orange',
  decided: 'teal',
  paid: 'green',
  revoked: 'red',
  objection_raised: 'red',
  non_duplication_excluded: 'red',
};

export interface GrantTimelineEvent {
  kind: string;
  fromStatus: string | null;
  toStatus: string;
  note: string;
  at: Date;
}

export interface GrantTimelineProps<E extends GrantTimelineEvent> {
  /** Oldest first, as the API gives them; shown newest first. */
  events: readonly E[];
  /** The app's words for what happened (`kind` as `displayEventKind` names it). */
  title: (kind: ReturnType<typeof displayEventKind<E['kind']>>, event: E) => ReactNode;
  /** Who acted, as the app may show it (staff see names; the applicant sees a role). */
  actor: (event: E) => ReactNode;
}

/** Every step of an application with who, when, and the note the applicant sees too. */
export function GrantTimeline<E extends GrantTimelineEvent>({ events, title, actor }: GrantTimelineProps<E>) {
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="grant-history">
      {[...events].reverse().map((e, i) => {
        const kind = displayEventKind(e);
        return (
          <Timeline.Item
            // Events have no id in the views; the history is append-only, so its order is stable.
            // biome-ignore lint/suspicious/noArrayIndexKey: an event list is append-only
            key={i}
            color={COLORS[kind]}
            data-testid="grant-event"
            data-kind={kind}
            data-to-status={e.toStatus}
            title={
              <Text size="sm" fw={600}>
                {title(kind, e)}
              </Text>
            }
          >
            {e.note ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="grant-event-note">
                {e.note}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed">
              {actor(e)} · <DateTime value={e.at} span inherit />
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
