import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { ErrorNotice } from '@nanshan/ui';
import { authClient, queryClient, trpc } from '@nanshan/ui/api-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endSession } from './end-session';

type ValidationKey = 'validation.required' | 'validation.email';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function SignInForm({ adminsOnly, onSignedIn }: { adminsOnly: boolean; onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<unknown>(null);
  const [refused, setRefused] = useState(adminsOnly);
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (v): ValidationKey | null =>
        !v.trim() ? 'validation.required' : EMAIL.test(v.trim()) ? null : 'validation.email',
      password: (v): ValidationKey | null => (v ? null : 'validation.required'),
    },
  });
  const fieldError = (e: React.ReactNode) => (typeof e === 'string' ? t(e as ValidationKey) : e);

  async function submit(values: typeof form.values) {
    setFailure(null);
    setRefused(false);
    const { error } = await authClient.signIn.email({
      email: values.email.trim(),
      password: values.password,
    });
    if (error) {
      setFailure(error);
      return;
    }
    queryClient.removeQueries();
    const me = await queryClient.fetchQuery(trpc.session.me.queryOptions());
    if (me?.user.role !== 'admin') {
      await endSession();
      setRefused(true);
      return;
    }
    notifications.show({ color: 'teal', message: t('auth.signedIn') });
    onSignedIn();
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        {refused ? (
          <Alert color="red" variant="light" data-testid="admins-only">
            {t('auth.adminsOnly')}
          </Alert>
        ) : null}
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          required
          data-testid="sign-in-email"
          {...form.getInputProps('email')}
          error={fieldError(form.errors.email)}
        />
        <PasswordInput
          label={t('auth.password')}
          autoComplete="current-password"
          required
          data-testid="sign-in-password"
          {...form.getInputProps('password')}
          error={fieldError(form.errors.password)}
        />
        {failure ? <ErrorNotice error={failure} data-testid="sign-in-error" /> : null}
        <Button type="submit" loading={form.submitting} data-testid="sign-in-submit">
          {t('auth.signInButton')}
        </Button>
      </Stack>
    </form>
  );
}
