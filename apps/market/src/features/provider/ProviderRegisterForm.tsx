import { Button, Card, Grid, Group, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ErrorNotice, FormSection } from '@nanshan/ui';
import type { trpc } from '@nanshan/ui/api-client';
import type { inferInput } from '@trpc/tanstack-react-query';
import { useTranslation } from 'react-i18next';
import { useFormField } from '../../lib/form-field';
import { emailText, requiredText, useFieldError } from '../../lib/validation';
import { normalisedUscc, usccProblem } from '../enterprise/uscc-hint';

export type ProviderRegistration = inferInput<typeof trpc.providers.register>;
type Kind = ProviderRegistration['kind'];

const SHENZHEN_CITY = '深圳市';

interface FormValues {
  kind: Kind | '';
  name: string;
  uscc: string;
  location: 'shenzhen' | 'outside';
  city: string;
  address: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  description: string;
}

/**
 * Provider registration: kind (centre for Art. 6, which must be in Shenzhen; cloud vendor for Art. 9), the
 * 统一社会信用代码 checked as it is typed, the Shenzhen location and contacts. Being in Shenzhen is chosen, not
 * guessed from the city's spelling; the server checks that the two agree.
 */
export function ProviderRegisterForm({
  submitting,
  error,
  onSubmit,
}: {
  submitting: boolean;
  error: unknown;
  onSubmit: (values: ProviderRegistration) => void;
}) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: {
      kind: '',
      name: '',
      uscc: '',
      location: 'shenzhen',
      city: SHENZHEN_CITY,
      address: '',
      contactName: '',
      contactPhone: '',
      contactEmail: '',
      description: '',
    },
    validate: {
      kind: (v) => (v ? null : 'validation.required'),
      name: (v) => requiredText(v) ?? (v.trim().length < 2 ? 'validation.nameMin' : null),
      uscc: usccProblem,
      city: requiredText,
      address: requiredText,
      contactName: requiredText,
      // The phone's format is the server's to judge (its answer names the field); here it is only required.
      contactPhone: requiredText,
      contactEmail: emailText,
    },
  });
  const field = useFormField(form, 'provider-register');
  const values = form.getValues();
  const usccOk = values.uscc.trim() !== '' && usccProblem(values.uscc) === null;

  function chooseKind(kind: Kind) {
    // Art. 6: a computing centre must be in Shenzhen, so choosing it puts the location there.
    if (kind === 'computing_centre') {
      form.setValues({ kind, location: 'shenzhen', city: SHENZHEN_CITY });
    } else {
      form.setFieldValue('kind', kind);
    }
  }

  function chooseLocation(location: 'shenzhen' | 'outside') {
    form.setValues({
      location,
      city: location === 'shenzhen' ? SHENZHEN_CITY : values.city === SHENZHEN_CITY ? '' : values.city,
    });
  }

  function submit(v: FormValues) {
    if (!v.kind) return;
    onSubmit({
      kind: v.kind,
      name: v.name.trim(),
      uscc: normalisedUscc(v.uscc),
      city: v.city.trim(),
      inShenzhen: v.location === 'shenzhen',
      address: v.address.trim(),
      contactName: v.contactName.trim(),
      contactPhone: v.contactPhone.trim(),
      contactEmail: v.contactEmail.trim(),
      description: v.description.trim(),
    });
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate data-testid="provider-register-form">
      <Stack gap="lg">
        <Card>
          <Radio.Group
            label={t('provider.sections.kind')}
            styles={{ label: { fontSize: 'var(--mantine-font-size-lg)', fontWeight: 600 } }}
            required
            value={values.kind}
            onChange={(v) => chooseKind(v === 'cloud_vendor' ? 'cloud_vendor' : 'computing_centre')}
            error={fieldError(form.errors.kind)}
          >
            <Stack gap="sm" mt="sm">
              {(['computing_centre', 'cloud_vendor'] as const).map((k) => (
                <Radio
                  key={k}
                  value={k}
                  label={t(`provider.kind.${k}`)}
                  description={t(`provider.kindHint.${k}`)}
                  data-testid={`provider-register-kind-${k}`}
                />
              ))}
            </Stack>
          </Radio.Group>
        </Card>
        <FormSection title={t('provider.sections.identity')}>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput
              label={t('provider.fields.name')}
              required
              autoComplete="organization"
              {...field('name')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput
              label={t('provider.fields.uscc')}
              description={
                usccOk ? (
                  <Text span size="xs" c="teal.8" data-testid="provider-register-uscc-valid">
                    ✓ {t('enterprise.fields.usccValid')}
                  </Text>
                ) : (
                  `${t('enterprise.fields.usccHint')} (${normalisedUscc(values.uscc).length}/18)`
                )
              }
              required
              maxLength={40}
              spellCheck={false}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              {...field('uscc')}
              onBlur={() => {
                form.setFieldValue('uscc', normalisedUscc(values.uscc));
                form.validateField('uscc');
              }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Radio.Group
              label={t('provider.fields.location')}
              required
              value={values.location}
              onChange={(v) => chooseLocation(v === 'outside' ? 'outside' : 'shenzhen')}
              description={
                values.kind === 'computing_centre' ? t('provider.fields.centreInShenzhen') : undefined
              }
            >
              <Group gap="lg" mt={6}>
                <Radio
                  value="shenzhen"
                  label={t('provider.fields.inShenzhen')}
                  data-testid="provider-register-in-shenzhen"
                />
                <Radio
                  value="outside"
                  label={t('provider.fields.outsideShenzhen')}
                  disabled={values.kind === 'computing_centre'}
                  data-testid="provider-register-outside-shenzhen"
                />
              </Group>
            </Radio.Group>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput
              label={t('provider.fields.city')}
              required
              readOnly={values.location === 'shenzhen'}
              {...field('city')}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput
              label={t('provider.fields.address')}
              required
              autoComplete="street-address"
              {...field('address')}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea
              label={t('provider.fields.description')}
              autosize
              minRows={2}
              maxLength={4000}
              {...field('description')}
            />
          </Grid.Col>
        </FormSection>
        <FormSection title={t('provider.sections.contact')}>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput
              label={t('provider.fields.contactName')}
              required
              autoComplete="name"
              {...field('contactName')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput
              label={t('provider.fields.contactPhone')}
              required
              type="tel"
              autoComplete="tel"
              {...field('contactPhone')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput
              label={t('provider.fields.contactEmail')}
              required
              type="email"
              autoComplete="email"
              {...field('contactEmail')}
            />
          </Grid.Col>
        </FormSection>
        {error ? <ErrorNotice error={error} data-testid="provider-register-error" /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={submitting} data-testid="provider-register-submit">
            {t('provider.registerSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
