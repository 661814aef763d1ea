import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface PageHeaderProps {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Buttons or filters aligned right (wrapping under the title on phones). */
  actions?: ReactNode;
  back?: { to: string; label: ReactNode };
  badge?: ReactNode;
}

export function PageHeader({ title, subtitle, actions, back, badge }: PageHeaderProps) {
  return (
    <Stack gap={4}>
      {back ? (
        <Anchor component={Link} to={back.to} size="sm" data-testid="back-link">
          ← {back.label}
        </Anchor>
      ) : null}
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="sm" align="center">
            <Title order={2} style={{ overflowWrap: 'anywhere' }}>
              {title}
            </Title>
            {badge}
          </Group>
          {subtitle ? (
            <Text size="sm" c="dimmed" component="div">
              {subtitle}
            </Text>
          ) : null}
        </Stack>
        {actions ? (
          <Group gap="xs" wrap="wrap">
            {actions}
          </Group>
        ) : null}
      </Group>
    </Stack>
  );
}
