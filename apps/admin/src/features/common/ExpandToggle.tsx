import { ActionIcon } from '@mantine/core';
import type { ComponentPropsWithRef } from 'react';

export interface ExpandToggleProps
  extends Omit<ComponentPropsWithRef<'button'>, 'onClick' | 'children' | 'color'> {
  expanded: boolean;
  onToggle: () => void;
  label: string;
  'data-testid': string;
}

/**
 * The +/− button that opens a table row's detail row (trace, orders, before/after). Other props and the ref pass
 * through, so a Tooltip can wrap it.
 */
export function ExpandToggle({ expanded, onToggle, label, ...rest }: ExpandToggleProps) {
  return (
    <ActionIcon {...rest} variant="subtle" onClick={onToggle} aria-expanded={expanded} aria-label={label}>
      {expanded ? '−' : '+'}
    </ActionIcon>
  );
}
