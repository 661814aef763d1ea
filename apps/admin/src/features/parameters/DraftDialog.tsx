import { Button, Divider, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ErrorNotice } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Parameter } from '../../lib/api-types';
import { shenzhenToday } from '../../lib/shenzhen-date';
import { DecisionDialog } from '../common/DecisionDialog';
import { addDays } from '../fund/burn-down-data';
import { ValueEditor } from './ValueEditor';
import { type EditorState, editorFrom, isEditableUnit, valueFrom } from './values';
import { WhatIfPanel } from './WhatIfPanel';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A new dated value for a parameter: the value (validated by unit — e.g. contiguous rent tiers, 0–100%), from when
 * (and until when) it applies, why; what-if on last year's orders before saving. A draft changes nothing until it is
 * published.
 */
export function DraftDialog({ param, onClose }: { param: Parameter | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [state, setState] = useState<EditorState | null>(null);
  const [fromDate, setFromDate] = useState('');
  const [toDate, setToDate] = useState('');
  const [asked, setAsked] = useState<unknown>(undefined);
  const draft = useMutation(trpc.admin.parameters.draft.mutationOptions());

  useEffect(() => {
    if (param && isEditableUnit(param.unit)) {
      setState(editorFrom(param.unit, param.inForceToday?.value));
      setFromDate(addDays(shenzhenToday(), 1));
      setToDate('');
      setAsked(undefined);
    }
  }, [param]);

  const parsed = state ? valueFrom(state) : null;
  const whatIf = useQuery(
    trpc.admin.parameters.whatIf.queryOptions(
      { key: param?.key ?? 'art6.rateBps', value: asked },
      { enabled: param?.whatIf === true && asked !== undefined, staleTime: 60_000 },
    ),
  );
  const datesOk = ISO_DATE.test(fromDate) && (toDate === '' || (ISO_DATE.test(toDate) && toDate >= fromDate));

  async function confirm(reason: string) {
    if (!param || !parsed?.ok) return;
    await draft.mutateAsync({
      key: param.key,
      value: parsed.value,
      fromDate,
      ...(toDate ? { toDate } : {}),
      reason,
    });
    notifications.show({ color: 'teal', message: t('parameters.drafted') });
    await queryClient.invalidateQueries({ queryKey: trpc.admin.parameters.list.queryKey() });
  }

  return (
    <DecisionDialog
      opened={param !== null}
      onClose={onClose}
      size="xl"
      title={param ? t('parameters.draftTitle', { key: param.key }) : ''}
      effect={param?.setByBureau ? t('parameters.draftEffect') : t('parameters.draftEffectWhatIfOnly')}
      confirmLabel={t('parameters.saveDraft')}
      canConfirm={Boolean(parsed?.ok) && datesOk}
      reasonHint={t('parameters.draftHint')}
      onConfirm={confirm}
    >
      {param && state ? (
        <Stack gap="sm">
          <ValueEditor state={state} onChange={setState} />
          {parsed && !parsed.ok ? (
            <Text size="sm" c="red" data-testid="param-value-error">
              {t(`parameters.problem.${parsed.problem}`)}
            </Text>
          ) : null}
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('parameters.fromDate')}
              description={t('parameters.fromDateHint')}
              value={fromDate}
              onChange={(e) => setFromDate(e.currentTarget.value)}
              required
              data-testid="param-from-date"
            />
            <TextInput
              type="date"
              label={t('parameters.toDate')}
              description={t('parameters.toDateHint')}
              value={toDate}
              onChange={(e) => setToDate(e.currentTarget.value)}
              error={toDate && fromDate && toDate < fromDate ? t('parameters.toBeforeFrom') : undefined}
              data-testid="param-to-date"
            />
          </Group>
          {param.whatIf ? (
            <>
              <Divider label={t('parameters.whatIf.title')} labelPosition="left" />
              <Group>
                <Button
                  variant="light"
                  disabled={!parsed?.ok}
                  loading={whatIf.isFetching}
                  onClick={() => {
                    if (!parsed?.ok) return;
                    if (JSON.stringify(parsed.value) === JSON.stringify(asked)) void whatIf.refetch();
                    else setAsked(parsed.value);
                  }}
                  data-testid="param-what-if"
                >
                  {t('parameters.whatIf.run')}
                </Button>
                <Text size="xs" c="dimmed">
                  {t('parameters.whatIf.help')}
                </Text>
              </Group>
              {whatIf.isError ? <ErrorNotice error={whatIf.error} /> : null}
              {whatIf.data && !whatIf.isFetching ? (
                <WhatIfPanel result={whatIf.data} unit={param.unit} />
              ) : null}
            </>
          ) : null}
        </Stack>
      ) : null}
    </DecisionDialog>
  );
}
