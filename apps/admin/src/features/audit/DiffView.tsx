import { Badge, Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type DiffChange, diffSnapshots } from './diff';

const COLORS: Record<DiffChange, string> = { added: 'teal', removed: 'red', changed: 'yellow', same: 'gray' };

/** Before / after of an audited action, field by field; unchanged fields are dimmed. */
export function DiffView({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const rows = diffSnapshots(before, after);
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="audit-diff-empty">
        {t('audit.noSnapshot')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withTableBorder data-testid="audit-diff">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.diff.field')}</Table.Th>
            <Table.Th>{t('audit.diff.before')}</Table.Th>
            <Table.Th>{t('audit.diff.after')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr
              key={r.path}
              data-testid="audit-diff-row"
              data-change={r.change}
              c={r.change === 'same' ? 'dimmed' : undefined}
            >
              <Table.Td>
                <Code>{r.path}</Code>
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                <Text
                  size="sm"
                  td={r.change === 'changed' || r.change === 'removed' ? 'line-through' : undefined}
                >
                  {r.before ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                <Text size="sm" fw={r.change === 'same' ? undefined : 600}>
                  {r.after ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                {r.change === 'same' ? null : (
                  <Badge size="xs" variant="light" color={COLORS[r.change]} tt="none">
                    {t(`audit.diff.${r.change}`)}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
