import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { ErrorNotice } from '@nanshan/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authClient } from '../../lib/auth-client';
import { queryClient, trpc } from '../../lib/trpc';
import { emailText, passwordText, requiredText, useFieldError } from '../../lib/validation';

/** Self-service sign-up creates an SME user (the server refuses any other role over HTTP). */
export function SignUpForm({ onSignedUp }: { onSignedUp: () => void }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '', email: '', password: '' },
    validate: { name: requiredText, email: emailText, password: passwordText },
  });

  async function submit(values: typeof form.values) {
    setFailure(null);
    const { error } = await authClient.signUp.email({
      name: values.name.trim(),
      email: values.email.trim(),
      password: values.password,
    });
    if (error) {
      setFailure(error);
      return;
    }
    queryClient.removeQueries();
    await queryClient.fetchQuery(trpc.session.me.queryOptions());
    notifications.show({ color: 'teal', message: t('auth.signedUp') });
    onSignedUp();
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <TextInput
          label={t('auth.name')}
          autoComplete="name"
          required
          data-testid="sign-up-name"
          {...form.getInputProps('name')}
          error={fieldError(form.errors.name)}
        />
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="email"
          required
          data-testid="sign-up-email"
          {...form.getInputProps('email')}
          error={fieldError(form.errors.email)}
        />
        <PasswordInput
          label={t('auth.password')}
          description={t('auth.passwordHint')}
          autoComplete="new-password"
          required
          data-testid="sign-up-password"
          {...form.getInputProps('password')}
          error={fieldError(form.errors.password)}
        />
        {failure ? <ErrorNotice error={failure} data-testid="sign-up-error" /> : null}
        <Button type="submit" loading={form.submitting} data-testid="sign-up-submit">
          {t('auth.signUpButton')}
        </Button>
      </Stack>
    </form>
  );
}
