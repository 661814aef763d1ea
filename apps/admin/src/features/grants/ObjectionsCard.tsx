import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DateTime } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrantDetail } from '../../lib/api-types';
import { DecisionDialog } from '../common/DecisionDialog';
import { useGrantRefresh } from './use-grant-refresh';

type Objection = GrantDetail['objections'][number];

/** Objections raised during the public notice (公示); each open one is dismissed or upheld, with a resolution. */
export function ObjectionsCard({ grant }: { grant: GrantDetail }) {
  const { t } = useTranslation();
  const refresh = useGrantRefresh();
  const [resolving, setResolving] = useState<{
    objection: Objection;
    outcome: 'dismissed' | 'upheld';
  } | null>(null);
  const resolve = useMutation(trpc.admin.grants.resolveObjection.mutationOptions());
  if (grant.objections.length === 0 && grant.status !== 'public_notice') return null;

  async function confirm(resolution: string) {
    if (!resolving) return;
    await resolve.mutateAsync({
      objectionId: resolving.objection.id,
      outcome: resolving.outcome,
      resolution,
    });
    notifications.show({ color: 'teal', message: t(`grants.objections.done.${resolving.outcome}`) });
    await refresh();
  }

  return (
    <Card data-testid="grant-objections">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>{t('grants.objections.title')}</Title>
          {grant.openObjections > 0 ? (
            <Badge color="red" variant="light" tt="none">
              {t('grants.openObjections', { count: grant.openObjections })}
            </Badge>
          ) : null}
        </Group>
        {grant.objections.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('grants.objections.none')}
          </Text>
        ) : (
          grant.objections.map((o) => (
            <Card key={o.id} padding="sm" data-testid="grant-objection" data-resolved={o.resolution !== null}>
              <Stack gap={4}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {o.text}
                </Text>
                <Text size="xs" c="dimmed">
                  <DateTime value={o.at} span inherit />
                </Text>
                {o.resolution ? (
                  <Text size="sm" c={o.resolution.outcome === 'upheld' ? 'red.8' : 'teal.8'}>
                    {t(`grants.objections.outcome.${o.resolution.outcome}`)}：{o.resolution.note}
                    {o.resolvedAt ? (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        · <DateTime value={o.resolvedAt} span inherit />
                      </Text>
                    ) : null}
                  </Text>
                ) : (
                  <Group gap="xs">
                    <Button
                      size="compact-sm"
                      variant="light"
                      color="teal"
                      onClick={() => setResolving({ objection: o, outcome: 'dismissed' })}
                      data-testid="grant-objection-dismiss"
                    >
                      {t('grants.objections.dismiss')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="light"
                      color="red"
                      onClick={() => setResolving({ objection: o, outcome: 'upheld' })}
                      data-testid="grant-objection-uphold"
                    >
                      {t('grants.objections.uphold')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Card>
          ))
        )}
      </Stack>
      <DecisionDialog
        opened={resolving !== null}
        onClose={() => setResolving(null)}
        title={
          resolving ? t(`grants.objections.${resolving.outcome === 'upheld' ? 'uphold' : 'dismiss'}`) : ''
        }
        effect={resolving ? t(`grants.objections.effect.${resolving.outcome}`) : ''}
        color={resolving?.outcome === 'upheld' ? 'red' : 'teal'}
        confirmLabel={
          resolving ? t(`grants.objections.${resolving.outcome === 'upheld' ? 'uphold' : 'dismiss'}`) : ''
        }
        reasonLabel={t('grants.objections.resolution')}
        onConfirm={confirm}
      />
    </Card>
  );
}
