import { Card, Center, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { SignInState } from '../features/session/AdminGuard';
import { SignInForm } from '../features/session/SignInForm';

function safeNext(value: string | undefined): string {
  return value?.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export function SignInRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as SignInState;
  return (
    <Center py="xl">
      <Card w="100%" maw={420}>
        <Stack>
          <div>
            <Title order={2}>{t('auth.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('auth.subtitle')}
            </Text>
          </div>
          {/* Keyed by navigation so arriving again (e.g. after a refused session) shows the new notice. */}
          <SignInForm
            key={location.key}
            adminsOnly={state.adminsOnly === true}
            onSignedIn={() => void navigate(safeNext(state.next), { replace: true })}
          />
        </Stack>
      </Card>
    </Center>
  );
}
