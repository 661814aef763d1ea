import { Anchor, Code, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { DateTime } from '@nanshan/ui';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEntry } from '../../lib/api-types';
import { ExpandToggle } from '../common/ExpandToggle';
import { useOptionalText } from '../common/use-optional-text';
import { DiffView } from './DiffView';
import { targetLink } from './targets';

/** The audit log, newest first; a row opens to its before / after and its place in the hash chain. */
export function AuditTable({
  items,
  onActor,
}: {
  items: AuditEntry[];
  /** Filter the log to one actor (clicking a name). */
  onActor: (entry: AuditEntry) => void;
}) {
  const { t } = useTranslation();
  const optional = useOptionalText();
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40} />
            <Table.Th>{t('audit.columns.id')}</Table.Th>
            <Table.Th>{t('audit.columns.at')}</Table.Th>
            <Table.Th>{t('audit.columns.actor')}</Table.Th>
            <Table.Th>{t('audit.columns.action')}</Table.Th>
            <Table.Th>{t('audit.columns.target')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => {
            const expanded = open === e.id;
            const link = targetLink(e.targetType, e.targetId);
            const actionText = optional(`audit.action.${e.action}`);
            const typeText = optional(`audit.targetType.${e.targetType}`);
            return (
              <Fragment key={e.id}>
                <Table.Tr data-testid="audit-row" data-audit-id={e.id} data-action={e.action}>
                  <Table.Td>
                    <Tooltip label={expanded ? t('audit.collapse') : t('audit.expand')}>
                      <ExpandToggle
                        expanded={expanded}
                        onToggle={() => setOpen(expanded ? null : e.id)}
                        label={t('audit.expand')}
                        data-testid="audit-expand"
                      />
                    </Tooltip>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {e.id}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <DateTime value={e.at} size="sm" />
                  </Table.Td>
                  <Table.Td>
                    {e.actorUserId ? (
                      <Anchor
                        component="button"
                        size="sm"
                        onClick={() => onActor(e)}
                        data-testid="audit-actor"
                      >
                        {e.actorName ?? e.actorUserId}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('audit.system')}
                      </Text>
                    )}
                    {e.actorEmail ? (
                      <Text size="xs" c="dimmed">
                        {e.actorEmail}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{actionText ?? e.action}</Text>
                    <Code fz="xs">{e.action}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{typeText ?? e.targetType}</Text>
                    {link ? (
                      <Anchor
                        component={Link}
                        to={link}
                        size="xs"
                        ff="monospace"
                        data-testid="audit-target-link"
                      >
                        {e.targetId}
                      </Anchor>
                    ) : (
                      <Text size="xs" ff="monospace" c="dimmed">
                        {e.targetId}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
                {expanded ? (
                  <Table.Tr data-testid="audit-detail">
                    <Table.Td colSpan={6} bg="var(--mantine-color-gray-0)">
                      <Stack gap="sm" py="xs">
                        <DiffView before={e.before} after={e.after} />
                        <Group gap="xl" wrap="wrap">
                          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                            {t('audit.prevHash')} <Code fz="xs">{e.prevHash}</Code>
                          </Text>
                          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                            {t('audit.hash')} <Code fz="xs">{e.hash}</Code>
                          </Text>
                        </Group>
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
