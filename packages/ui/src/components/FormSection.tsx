import { Card, Grid, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export interface FormSectionProps {
  title: ReactNode;
  /** `Grid.Col`s laid out on the form's 12-column grid. */
  children: ReactNode;
}

/** One titled card of a long form (identity, contact, price…), its fields on a 12-column grid. */
export function FormSection({ title, children }: FormSectionProps) {
  return (
    <Card>
      <Stack>
        <Title order={4}>{title}</Title>
        <Grid gap="md">{children}</Grid>
      </Stack>
    </Card>
  );
}
