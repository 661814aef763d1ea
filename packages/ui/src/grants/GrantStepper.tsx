import { Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { GRANT_STEPS, type GrantStatus, stepperState } from './workflow';

export interface GrantStepperProps {
  status: string;
  /** The application's history, oldest first: a detour is drawn on the step it left from. */
  events: readonly { fromStatus: string | null; toStatus: string }[];
  noticeEndsOn: string | null;
  /** The app's words for a status, and for the public notice's last day. */
  statusLabel: (status: GrantStatus) => string;
  noticeEndsLabel: (date: string) => string;
}

/** submitted → formal check → bureau review → funding plan → verification → public notice → decided → paid. */
export function GrantStepper({
  status,
  events,
  noticeEndsOn,
  statusLabel,
  noticeEndsLabel,
}: GrantStepperProps) {
  const state = stepperState(status, events);
  // Eight steps do not fit a phone's width: the stepper runs down the page there.
  const narrow = useMediaQuery('(max-width: 62em)');
  const ended = state.detour === 'rejected' || state.detour === 'revoked';
  const detourColor = ended ? 'red' : 'orange';
  return (
    <Stepper
      active={state.complete ? GRANT_STEPS.length : state.active}
      size="xs"
      iconSize={26}
      orientation={narrow ? 'vertical' : 'horizontal'}
      allowNextStepsSelect={false}
      color={state.detour ? detourColor : undefined}
      data-testid="grant-stepper"
      data-active-step={GRANT_STEPS[state.active]}
      data-detour={state.detour ?? ''}
      data-complete={state.complete}
      styles={narrow ? undefined : { separator: { minWidth: 8, marginInline: 4 } }}
    >
      {GRANT_STEPS.map((step, index) => {
        const here = index === state.active;
        return (
          <Stepper.Step
            key={step}
            label={statusLabel(step)}
            color={here && state.detour ? detourColor : undefined}
            data-testid={`grant-step-${step}`}
            description={
              here && state.detour ? (
                <Text size="xs" c={ended ? 'red' : 'orange.8'} fw={600}>
                  {statusLabel(state.detour)}
                </Text>
              ) : step === 'public_notice' && noticeEndsOn ? (
                <Text size="xs" c="dimmed">
                  {noticeEndsLabel(noticeEndsOn)}
                </Text>
              ) : undefined
            }
          />
        );
      })}
    </Stepper>
  );
}
