import { Text, Timeline } from '@mantine/core';
import { DateTime } from '@nanshan/ui';
import type { ReactNode } from 'react';

export interface DecisionEntry {
  id: string;
  /** The machine code of the decision, in `data-decision`. */
  decision: string;
  label: ReactNode;
  reason: string;
  actorName: string | null;
  at: Date;
  color?: string;
}

/** Staff decisions newest first, each with who, when and the reason the applicant sees. */
export function DecisionHistory({
  entries,
  empty,
  testId = 'decision-history',
}: {
  entries: readonly DecisionEntry[];
  empty: ReactNode;
  testId?: string;
}) {
  if (entries.length === 0) {
    return (
      <Text c="dimmed" size="sm" data-testid={`${testId}-empty`}>
        {empty}
      </Text>
    );
  }
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid={testId}>
      {entries.map((e) => (
        <Timeline.Item
          key={e.id}
          color={e.color}
          data-testid="decision-entry"
          data-decision={e.decision}
          title={
            <Text size="sm" fw={600}>
              {e.label}
            </Text>
          }
        >
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {e.reason}
          </Text>
          <Text size="xs" c="dimmed">
            {e.actorName ? `${e.actorName} · ` : ''}
            <DateTime value={e.at} span inherit />
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
