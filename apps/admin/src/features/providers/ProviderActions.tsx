import { Alert, Button, Group, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { trpc } from '@nanshan/ui/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderDecision, ProviderDecisionInput, ProviderDetail } from '../../lib/api-types';
import { shenzhenToday } from '../../lib/shenzhen-date';
import { DecisionDialog } from '../common/DecisionDialog';
import { ALLOWED_FROM, DECISIONS } from './labels';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const COLORS: Record<ProviderDecision, string> = {
  approve: 'teal',
  file: 'nanshan',
  suspend: 'orange',
  revoke: 'red',
  reinstate: 'teal',
};

/**
 * The provider's legal transitions with a reason: approve (Art. 6 registration), file (Art. 9 备案, with its
 * validity period; renews a filing), suspend or revoke (delists every offering at once), reinstate. Each dialog
 * says what the decision does before it is made.
 */
export function ProviderActions({ provider }: { provider: ProviderDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState<ProviderDecision | null>(null);
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const decide = useMutation(trpc.admin.providers.decide.mutationOptions());
  const allowed = DECISIONS.filter((d) => ALLOWED_FROM[d].includes(provider.status));
  const checklistDone = provider.checklist.every((i) => i.status === 'accepted');

  useEffect(() => {
    if (!decision) return;
    // Filing needs a period: start from the current one, or today. Approval keeps the current one unless changed.
    setValidFrom(provider.filing.validFrom ?? (decision === 'file' ? shenzhenToday() : ''));
    setValidTo(provider.filing.validTo ?? '');
  }, [decision, provider.filing.validFrom, provider.filing.validTo]);

  const withPeriod = decision === 'file' || decision === 'approve' || decision === 'reinstate';
  const periodRequired = decision === 'file';
  const periodGiven = validFrom !== '' || validTo !== '';
  const periodProblem = !withPeriod
    ? null
    : periodRequired && (!ISO_DATE.test(validFrom) || !ISO_DATE.test(validTo))
      ? 'providers.dialog.periodRequired'
      : periodGiven && (!ISO_DATE.test(validFrom) || !ISO_DATE.test(validTo))
        ? 'providers.dialog.periodBoth'
        : periodGiven && validFrom > validTo
          ? 'providers.dialog.periodReversed'
          : periodGiven && validTo < shenzhenToday()
            ? 'providers.dialog.periodEnded'
            : null;

  async function confirm(reason: string) {
    if (!decision) return;
    const providerId = provider.id;
    const period = withPeriod && periodGiven ? { validFrom, validTo } : {};
    const input: ProviderDecisionInput =
      decision === 'file'
        ? { decision, providerId, reason, validFrom, validTo }
        : decision === 'approve' || decision === 'reinstate'
          ? { decision, providerId, reason, ...period }
          : { decision, providerId, reason };
    const result = await decide.mutateAsync(input);
    notifications.show({
      color: 'teal',
      message:
        result.delistedOfferings > 0
          ? t('providers.decidedDelisted', { count: result.delistedOfferings })
          : t(`providers.decided.${decision}`),
    });
    await queryClient.invalidateQueries({ queryKey: trpc.admin.providers.pathKey() });
  }

  const fileLabel = provider.status === 'filed' ? t('providers.actions.renew') : t('providers.actions.file');
  return (
    <>
      {allowed.map((d) => (
        <Button
          key={d}
          color={COLORS[d]}
          variant={d === 'suspend' || d === 'revoke' ? 'light' : 'filled'}
          onClick={() => setDecision(d)}
          data-testid={`provider-decide-${d}`}
        >
          {d === 'file' ? fileLabel : t(`providers.actions.${d}`)}
        </Button>
      ))}
      <DecisionDialog
        opened={decision !== null}
        onClose={() => setDecision(null)}
        title={
          decision
            ? t('providers.dialog.title', {
                action: decision === 'file' ? fileLabel : t(`providers.actions.${decision}`),
                name: provider.name,
              })
            : ''
        }
        effect={
          decision ? (
            <>
              <Text size="sm">{t(`providers.dialog.effect.${decision}`)}</Text>
              {(decision === 'suspend' || decision === 'revoke') && provider.offerings.listed > 0 ? (
                <Text size="sm" fw={600} mt={4} data-testid="provider-delist-warning">
                  {t('providers.dialog.delists', { count: provider.offerings.listed })}
                </Text>
              ) : null}
            </>
          ) : (
            ''
          )
        }
        color={decision ? COLORS[decision] : undefined}
        confirmLabel={decision === 'file' ? fileLabel : decision ? t(`providers.actions.${decision}`) : ''}
        canConfirm={periodProblem === null}
        onConfirm={confirm}
      >
        {(decision === 'file' || decision === 'reinstate') &&
        provider.kind === 'cloud_vendor' &&
        !checklistDone ? (
          <Alert color="yellow" variant="light" data-testid="provider-checklist-incomplete">
            {t('providers.dialog.checklistIncomplete')}
          </Alert>
        ) : null}
        {decision === 'approve' && provider.kind === 'computing_centre' && !provider.inShenzhen ? (
          <Alert color="yellow" variant="light">
            {t('errors.reason.centre_not_in_shenzhen')}
          </Alert>
        ) : null}
        {withPeriod ? (
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('providers.dialog.validFrom')}
              required={periodRequired}
              value={validFrom}
              onChange={(e) => setValidFrom(e.currentTarget.value)}
              data-testid="provider-valid-from"
            />
            <TextInput
              type="date"
              label={t('providers.dialog.validTo')}
              required={periodRequired}
              value={validTo}
              onChange={(e) => setValidTo(e.currentTarget.value)}
              error={periodProblem ? t(periodProblem) : undefined}
              data-testid="provider-valid-to"
            />
          </Group>
        ) : null}
        {withPeriod && !periodRequired ? (
          <Text size="xs" c="dimmed">
            {t('providers.dialog.periodOptional')}
          </Text>
        ) : null}
      </DecisionDialog>
    </>
  );
}
