import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { ErrorNotice } from '@nanshan/ui';
import { authClient, queryClient, trpc } from '@nanshan/ui/api-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { emailText, useFieldError } from '../../lib/validation';

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: { email: emailText, password: (v) => (v ? null : 'validation.required') },
  });

  async function submit(values: typeof form.values) {
    setFailure(null);
    const { error } = await authClient.signIn.email({
      email: values.email.trim(),
      password: values.password,
    });
    if (error) {
      setFailure(error);
      return;
    }
    // The session cookie changed: everything cached belongs to the previous visitor.
    queryClient.removeQueries();
    await queryClient.fetchQuery(trpc.session.me.queryOptions());
    notifications.show({ color: 'teal', message: t('auth.signedIn') });
    onSignedIn();
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
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
