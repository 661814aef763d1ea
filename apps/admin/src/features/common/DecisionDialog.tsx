import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { ErrorNotice } from '@nanshan/ui';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The server's limit on a decision's reason (every staff decision is shown to the applicant with it). */
export const REASON_MAX = 2000;

export interface DecisionDialogProps {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  /** What the decision does, in plain words (e.g. "revocation delists every offering at once"). */
  effect: ReactNode;
  confirmLabel: ReactNode;
  color?: string;
  /** Extra fields of the decision (an amount, validity dates); rendered above the reason. */
  children?: ReactNode;
  /** False while the extra fields are incomplete or invalid. */
  canConfirm?: boolean;
  /** Placeholder for the reason, e.g. what the applicant should fix. */
  reasonHint?: string;
  /** Runs the mutation; a thrown error is shown in the dialog and the dialog stays open. */
  onConfirm: (reason: string) => Promise<unknown>;
  /** Called after a successful decision, before the dialog closes. */
  onDone?: () => void;
  /** False only where the API records no reason (e.g. a payout batch): the dialog then just confirms. */
  withReason?: boolean;
  /** The text may be left empty (e.g. a note on an accepted checklist item); it is still sent and shown. */
  reasonOptional?: boolean;
  /** Label of the text field when it is a note rather than a reason. */
  reasonLabel?: string;
  size?: 'md' | 'lg' | 'xl';
}

/**
 * Confirmation of a staff decision with its required reason. Nothing is sent until the reason is written and the
 * confirm button pressed; a refusal from the server stays in the dialog, translated.
 */
export function DecisionDialog({
  opened,
  onClose,
  title,
  effect,
  confirmLabel,
  color,
  children,
  canConfirm = true,
  reasonHint,
  onConfirm,
  onDone,
  withReason = true,
  reasonOptional = false,
  reasonLabel,
  size = 'lg',
}: DecisionDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    if (opened) {
      setReason('');
      setTouched(false);
      setFailure(null);
    }
  }, [opened]);

  const trimmed = reason.trim();
  const reasonError = touched && !trimmed && !reasonOptional ? t('decision.reasonRequired') : null;

  async function confirm() {
    setTouched(true);
    if ((withReason && !reasonOptional && !trimmed) || !canConfirm) return;
    setBusy(true);
    setFailure(null);
    try {
      await onConfirm(trimmed);
      onDone?.();
      onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={busy ? () => undefined : onClose}
      title={<Text fw={600}>{title}</Text>}
      size={size}
      centered
      data-testid="decision-dialog"
    >
      <Stack>
        <Alert color={color ?? 'nanshan'} variant="light" data-testid="decision-effect">
          {effect}
        </Alert>
        {children}
        {withReason ? (
          <Textarea
            label={reasonLabel ?? t('decision.reason')}
            description={t('decision.reasonVisible')}
            placeholder={reasonHint}
            required={!reasonOptional}
            autosize
            minRows={3}
            maxLength={REASON_MAX}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            onBlur={() => setTouched(true)}
            error={reasonError}
            data-testid="decision-reason"
          />
        ) : null}
        {failure ? <ErrorNotice error={failure} data-testid="decision-error" /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy} data-testid="decision-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            color={color}
            onClick={() => void confirm()}
            loading={busy}
            disabled={!canConfirm}
            data-testid="decision-confirm"
          >
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
