import { Alert, Button, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useMe } from './use-me';

/**
 * Inside `RequireSignIn`: renders its children for the given role. An SME page can also ask for an enterprise; a
 * user without one is sent to register it. The server refuses other roles regardless; this only explains.
 */
export function RequireRole({
  as: role,
  withEnterprise = false,
  children,
}: {
  as: 'sme' | 'provider';
  withEnterprise?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const data = me.data;
  if (!data) return null;
  if (data.user.role !== role) {
    return (
      <Alert color="gray" data-testid="wrong-role">
        <Stack gap="xs">
          {role === 'sme' ? t('common.smeOnly') : t('common.providerOnly')}
          <Button component={Link} to={homePathFor(data.user.role)} size="xs" w="fit-content" variant="light">
            {t('common.home')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (withEnterprise && role === 'sme' && !data.enterprise)
    return <Navigate to="/enterprise/register" replace />;
  return <>{children}</>;
}

/** Where a signed-in user starts: SMEs on their dashboard, providers on theirs. */
export function homePathFor(role: string | undefined): string {
  if (role === 'provider') return '/provider';
  if (role === 'sme') return '/dashboard';
  return '/';
}
