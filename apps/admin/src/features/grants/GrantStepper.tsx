import { Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { GrantDetail } from '../../lib/api-types';
import { GRANT_STEPS, stepperState } from './workflow';

/** submitted → formal check → bureau review → funding plan → verification → public notice → decided → paid. */
export function GrantStepper({ grant }: { grant: GrantDetail }) {
  const { t } = useTranslation();
  const state = stepperState(grant.status, grant.events);
  // Eight steps do not fit a phone's width: the stepper runs down the page there.
  const narrow = useMediaQuery('(max-width: 62em)');
  return (
    <Stepper
      active={state.complete ? GRANT_STEPS.length : state.active}
      size="xs"
      iconSize={26}
      orientation={narrow ? 'vertical' : 'horizontal'}
      allowNextStepsSelect={false}
      color={state.detour === 'rejected' ? 'red' : state.detour ? 'orange' : undefined}
      data-testid="grant-stepper"
      data-active-step={GRANT_STEPS[state.active]}
      data-detour={state.detour ?? ''}
      styles={narrow ? undefined : { separator: { minWidth: 8, marginInline: 4 } }}
    >
      {GRANT_STEPS.map((step, index) => (
        <Stepper.Step
          key={step}
          label={t(`grants.status.${step}`)}
          description={
            index === state.active && state.detour ? (
              <Text size="xs" c={state.detour === 'rejected' ? 'red' : 'orange.8'} fw={600}>
                {t(`grants.status.${state.detour}`)}
              </Text>
            ) : step === 'public_notice' && grant.noticeEndsOn ? (
              <Text size="xs" c="dimmed">
                {t('grants.noticeEnds', { date: grant.noticeEndsOn })}
              </Text>
            ) : undefined
          }
          color={
            index === state.active && state.detour
              ? state.detour === 'rejected'
                ? 'red'
                : 'orange'
              : undefined
          }
          data-testid={`grant-step-${step}`}
        />
      ))}
    </Stepper>
  );
}
