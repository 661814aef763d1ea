import { Button, PasswordInput, Radio, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { ErrorNotice } from '@nanshan/ui';
import { authClient, queryClient, trpc } from '@nanshan/ui/api-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { emailText, passwordText, requiredText, useFieldError } from '../../lib/validation';

export type SignUpRole = 'sme' | 'provider';

/**
 * Self-service sign-up creates an enterprise (SME) user or a provider user; the server refuses any other role over
 * HTTP. Each then registers its enterprise or provider.
 */
export function SignUpForm({ onSignedUp }: { onSignedUp: (role: SignUpRole) => void }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '', email: '', password: '', role: 'sme' as SignUpRole },
    validate: { name: requiredText, email: emailText, password: passwordText },
  });

  async function submit(values: typeof form.values) {
    setFailure(null);
    const { error } = await authClient.signUp.email({
      name: values.name.trim(),
      email: values.email.trim(),
      password: values.password,
      // better-auth's additional user field (see packages/api auth): 'sme' or 'provider' only.
      role: values.role,
    } as Parameters<typeof authClient.signUp.email>[0]);
    if (error) {
      setFailure(error);
      return;
    }
    queryClient.removeQueries();
    await queryClient.fetchQuery(trpc.session.me.queryOptions());
    notifications.show({ color: 'teal', message: t('auth.signedUp') });
    onSignedUp(values.role);
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <Radio.Group label={t('auth.accountType')} {...form.getInputProps('role')}>
          <Stack gap="xs" mt={6}>
            <Radio
              value="sme"
              label={t('auth.roleSme')}
              description={t('auth.roleSmeHint')}
              data-testid="sign-up-role-sme"
            />
            <Radio
              value="provider"
              label={t('auth.roleProvider')}
              description={t('auth.roleProviderHint')}
              data-testid="sign-up-role-provider"
            />
          </Stack>
        </Radio.Group>
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
