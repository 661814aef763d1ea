import { Anchor, Card, Center, Stack, Text, Title } from '@mantine/core';
import { queryClient, trpc } from '@nanshan/ui/api-client';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { homePathFor } from '../features/session/RequireRole';
import { SignInForm } from '../features/session/SignInForm';
import { safeNextPath } from '../lib/safe-next';

export function SignInRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const requested = params.get('next');
  // Without a page to return to, each role starts at its own home (SME dashboard, provider dashboard).
  const destination = () =>
    requested
      ? safeNextPath(requested, '/dashboard')
      : homePathFor(queryClient.getQueryData(trpc.session.me.queryKey())?.user.role);
  return (
    <Center py="xl">
      <Card w="100%" maw={420}>
        <Stack>
          <div>
            <Title order={2}>{t('auth.signInTitle')}</Title>
            <Text size="sm" c="dimmed">
              {t('auth.signInSubtitle')}
            </Text>
          </div>
          <SignInForm onSignedIn={() => void navigate(destination(), { replace: true })} />
          <Text size="sm">
            {t('auth.noAccount')}{' '}
            <Anchor component={Link} to="/sign-up" data-testid="go-sign-up">
              {t('auth.goSignUp')}
            </Anchor>
          </Text>
        </Stack>
      </Card>
    </Center>
  );
}
