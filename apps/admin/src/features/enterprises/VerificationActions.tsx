import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { describeError } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnterpriseDetail } from '../../lib/api-types';
import { DecisionDialog } from '../common/DecisionDialog';

type Action = 'verify' | 'reject' | 'revoke';

function isChanged(error: unknown): boolean {
  const d = describeError(error);
  return d.kind === 'server' && d.reason === 'enterprise_changed';
}

/**
 * Verify, reject or revoke with a reason. Verifying sends the `profileVersion` staff were shown: when the
 * enterprise changed its profile meanwhile the server refuses (`enterprise_changed`), the page reloads the profile
 * and says so, and staff decide again on what is now there.
 */
export function VerificationActions({
  enterprise,
  onProfileChanged,
}: {
  enterprise: EnterpriseDetail;
  onProfileChanged: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<Action | null>(null);
  const verify = useMutation(trpc.admin.enterprises.verify.mutationOptions());
  const reject = useMutation(trpc.admin.enterprises.reject.mutationOptions());
  const revoke = useMutation(trpc.admin.enterprises.revokeVerification.mutationOptions());
  const status = enterprise.verification.status;

  async function refresh() {
    await Promise.all([
      queryClient.invalidateQueries({
        queryKey: trpc.admin.enterprises.get.queryKey({ enterpriseId: enterprise.id }),
      }),
      queryClient.invalidateQueries({ queryKey: trpc.admin.enterprises.list.queryKey() }),
    ]);
  }

  async function decide(reason: string) {
    const enterpriseId = enterprise.id;
    try {
      if (action === 'verify') {
        await verify.mutateAsync({ enterpriseId, reason, profileVersion: enterprise.profileVersion });
      } else if (action === 'reject') {
        await reject.mutateAsync({ enterpriseId, reason });
      } else if (action === 'revoke') {
        await revoke.mutateAsync({ enterpriseId, reason });
      }
    } catch (error) {
      if (isChanged(error)) {
        setAction(null);
        onProfileChanged();
        await refresh();
        return;
      }
      throw error;
    }
    notifications.show({ color: 'teal', message: t(`enterprises.decided.${action ?? 'verify'}`) });
    await refresh();
  }

  return (
    <>
      {status !== 'verified' ? (
        <>
          <Button color="teal" onClick={() => setAction('verify')} data-testid="verify-enterprise">
            {t('enterprises.actions.verify')}
          </Button>
          <Button
            color="red"
            variant="light"
            onClick={() => setAction('reject')}
            data-testid="reject-enterprise"
          >
            {t('enterprises.actions.reject')}
          </Button>
        </>
      ) : (
        <Button
          color="red"
          variant="light"
          onClick={() => setAction('revoke')}
          data-testid="revoke-enterprise"
        >
          {t('enterprises.actions.revoke')}
        </Button>
      )}
      <DecisionDialog
        opened={action !== null}
        onClose={() => setAction(null)}
        title={action ? t(`enterprises.dialog.${action}.title`, { name: enterprise.name }) : ''}
        effect={action ? t(`enterprises.dialog.${action}.effect`) : ''}
        confirmLabel={action ? t(`enterprises.actions.${action}`) : ''}
        color={action === 'verify' ? 'teal' : 'red'}
        reasonHint={action ? t(`enterprises.dialog.${action}.hint`) : undefined}
        onConfirm={decide}
      />
    </>
  );
}
