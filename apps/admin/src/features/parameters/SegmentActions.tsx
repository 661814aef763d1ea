import { Button, Group, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Parameter, StoredSegment } from '../../lib/api-types';
import { shenzhenToday } from '../../lib/shenzhen-date';
import { DecisionDialog } from '../common/DecisionDialog';
import { WhatIfPanel } from './WhatIfPanel';

function WhatIfModal({
  param,
  segment,
  onClose,
}: {
  param: Parameter;
  segment: StoredSegment;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const whatIf = useQuery(
    trpc.admin.parameters.whatIf.queryOptions({ key: param.key, value: segment.value }),
  );
  return (
    <Modal opened onClose={onClose} size="xl" title={t('parameters.whatIf.title')} centered>
      <QueryState query={whatIf} skeletonRows={5}>
        {(result) => <WhatIfPanel result={result} unit={param.unit} />}
      </QueryState>
    </Modal>
  );
}

/**
 * Publish (bureau-set values only, effective tomorrow or later), withdraw, or evaluate a draft; withdraw a published
 * value that has not taken effect yet.
 */
export function SegmentActions({ param, segment }: { param: Parameter; segment: StoredSegment }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<'publish' | 'withdraw' | 'whatIf' | null>(null);
  const publish = useMutation(trpc.admin.parameters.publish.mutationOptions());
  const withdraw = useMutation(trpc.admin.parameters.withdraw.mutationOptions());
  const today = shenzhenToday();
  const draft = segment.status === 'draft';
  if (!draft && !(segment.status === 'published' && segment.fromDate > today)) return null;
  const tooEarly = segment.fromDate <= today;

  async function confirm(reason: string) {
    if (action === 'publish') await publish.mutateAsync({ id: segment.id, reason });
    else await withdraw.mutateAsync({ id: segment.id, reason });
    notifications.show({
      color: 'teal',
      message: t(action === 'publish' ? 'parameters.published' : 'parameters.withdrawn'),
    });
    await queryClient.invalidateQueries({ queryKey: trpc.admin.parameters.list.queryKey() });
  }

  return (
    <Group gap={4} wrap="nowrap">
      {draft && param.whatIf ? (
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => setAction('whatIf')}
          data-testid="param-draft-what-if"
        >
          {t('parameters.whatIf.run')}
        </Button>
      ) : null}
      {draft && param.setByBureau ? (
        <Button size="compact-xs" onClick={() => setAction('publish')} data-testid="param-publish">
          {t('parameters.publish')}
        </Button>
      ) : null}
      <Button
        size="compact-xs"
        variant="light"
        color="red"
        onClick={() => setAction('withdraw')}
        data-testid="param-withdraw"
      >
        {t('parameters.withdraw')}
      </Button>
      {action === 'whatIf' ? (
        <WhatIfModal param={param} segment={segment} onClose={() => setAction(null)} />
      ) : null}
      <DecisionDialog
        opened={action === 'publish' || action === 'withdraw'}
        onClose={() => setAction(null)}
        title={
          action === 'publish'
            ? t('parameters.publishTitle', { key: param.key, date: segment.fromDate })
            : t('parameters.withdrawTitle', { key: param.key })
        }
        effect={
          action === 'publish' ? (
            <>
              <Text size="sm">{t('parameters.publishEffect', { date: segment.fromDate })}</Text>
              {tooEarly ? (
                <Text size="sm" c="red" fw={600} data-testid="param-publish-too-early">
                  {t('parameters.publishTooEarly')}
                </Text>
              ) : null}
            </>
          ) : (
            t(draft ? 'parameters.withdrawEffect' : 'parameters.withdrawPublishedEffect')
          )
        }
        color={action === 'withdraw' ? 'red' : undefined}
        confirmLabel={action === 'publish' ? t('parameters.publish') : t('parameters.withdraw')}
        canConfirm={action !== 'publish' || !tooEarly}
        onConfirm={confirm}
      />
    </Group>
  );
}
