import { Anchor, Card, Center, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { SignUpForm } from '../features/session/SignUpForm';

export function SignUpRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Center py="xl">
      <Card w="100%" maw={420}>
        <Stack>
          <div>
            <Title order={2}>{t('auth.signUpTitle')}</Title>
            <Text size="sm" c="dimmed">
              {t('auth.signUpSubtitle')}
            </Text>
          </div>
          {/* A new account has no enterprise or provider yet: onboarding starts with registering it. */}
          <SignUpForm
            onSignedUp={(role) =>
              void navigate(role === 'provider' ? '/provider/register' : '/enterprise/register', {
                replace: true,
              })
            }
          />
          <Text size="sm">
            {t('auth.haveAccount')}{' '}
            <Anchor component={Link} to="/sign-in">
              {t('auth.goSignIn')}
            </Anchor>
          </Text>
        </Stack>
      </Card>
    </Center>
  );
}
