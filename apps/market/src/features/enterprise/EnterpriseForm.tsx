import {
  Alert,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  NativeSelect,
  NumberInput,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  type AmountProblem,
  type AmountUnit,
  ErrorNotice,
  FormSection,
  fenToAmountText,
  formatFen,
  parseAmountToFen,
  useLanguage,
} from '@nanshan/ui';
import type { trpc } from '@nanshan/ui/api-client';
import type { inferInput } from '@trpc/tanstack-react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnterpriseOptions, EnterpriseProfile } from '../../lib/api-types';
import { useFormField } from '../../lib/form-field';
import { requiredText, useFieldError, type ValidationKey } from '../../lib/validation';
import { useEnterpriseLabels } from './labels';
import { normalisedUscc, usccProblem } from './uscc-hint';

export type EnterpriseRegistration = inferInput<typeof trpc.enterprises.register>;
export type EnterpriseFacts = Omit<EnterpriseRegistration, 'uscc'>;

/** The facts whose change withdraws staff verification (the server's ELIGIBILITY_FACTS, minus the derived one). */
export const ELIGIBILITY_FIELDS = [
  'district',
  'legalStatus',
  'industry',
  'employees',
  'revenueFen',
  'assetsFen',
  'techSmeRegistered',
  'aiActivity',
] as const satisfies ReadonlyArray<keyof EnterpriseFacts>;

interface FormValues {
  name: string;
  uscc: string;
  district: string;
  industry: string;
  legalStatus: string;
  employees: number | string;
  amountUnit: AmountUnit;
  revenue: string;
  assets: string;
  aiActivity: string;
  techSmeRegistered: boolean;
}

const AMOUNT_KEYS: Record<Exclude<AmountProblem, 'required'>, ValidationKey> = {
  format: 'validation.amountFormat',
  tooPrecise: 'validation.amountTooPrecise',
  tooLarge: 'validation.amountTooLarge',
};

function amountText(value: string, unit: AmountUnit): ValidationKey | null {
  const parsed = parseAmountToFen(value, unit);
  if (parsed.ok) return null;
  return parsed.problem === 'required' ? 'validation.required' : AMOUNT_KEYS[parsed.problem];
}

function initialValues(profile: EnterpriseProfile | undefined, options: EnterpriseOptions): FormValues {
  if (profile) {
    return {
      name: profile.name,
      uscc: profile.uscc,
      district: profile.district,
      industry: profile.industry,
      legalStatus: profile.legalStatus,
      employees: profile.employees,
      amountUnit: 'wan',
      revenue: fenToAmountText(profile.revenueFen, 'wan'),
      assets: fenToAmountText(profile.assetsFen, 'wan'),
      aiActivity: profile.aiActivity,
      techSmeRegistered: profile.techSmeRegistered,
    };
  }
  // Nothing is guessed for the applicant except the district, which defaults to the one Art. 3 asks for.
  return {
    name: '',
    uscc: '',
    district: options.districts.find((d) => d.value === '南山区')?.value ?? '',
    industry: '',
    legalStatus: '',
    employees: '',
    amountUnit: 'wan',
    revenue: '',
    assets: '',
    aiActivity: '',
    techSmeRegistered: false,
  };
}

/** The typed facts the API takes, from form values that passed validation. */
function toFacts(values: FormValues, options: EnterpriseOptions): EnterpriseFacts {
  const pick = <T extends { value: string }>(list: readonly T[], value: string): T['value'] => {
    const found = list.find((o) => o.value === value);
    if (!found) throw new Error(`not an option: ${value}`);
    return found.value;
  };
  const fen = (text: string) => {
    const parsed = parseAmountToFen(text, values.amountUnit);
    if (!parsed.ok) throw new Error('amount not validated');
    return parsed.fen;
  };
  return {
    name: values.name.trim(),
    // The server's option lists are the allowed codes; it validates them again.
    district: pick(options.districts, values.district) as EnterpriseFacts['district'],
    industry: pick(options.industries, values.industry),
    legalStatus: pick(
      options.legalStatuses.map((v) => ({ value: v })),
      values.legalStatus,
    ),
    aiActivity: pick(
      options.aiActivities.map((v) => ({ value: v })),
      values.aiActivity,
    ),
    employees: Number(values.employees),
    revenueFen: fen(values.revenue),
    assetsFen: fen(values.assets),
    techSmeRegistered: values.techSmeRegistered,
  };
}

export interface EnterpriseFormProps {
  mode: 'register' | 'edit';
  options: EnterpriseOptions;
  /** The current profile when editing. */
  profile?: EnterpriseProfile;
  submitting: boolean;
  error: unknown;
  onSubmit: (values: EnterpriseRegistration) => void;
  onCancel?: () => void;
  /** Shown above the buttons (e.g. the verification warning when editing). */
  notice?: (changedEligibility: boolean) => ReactNode;
}

/**
 * Registration and correction of the enterprise profile. Revenue and assets are typed in 万元 or 元 and become
 * integer fen by decimal-string arithmetic; the 统一社会信用代码 is checked as it is typed.
 */
export function EnterpriseForm({
  mode,
  options,
  profile,
  submitting,
  error,
  onSubmit,
  onCancel,
  notice,
}: EnterpriseFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const fieldError = useFieldError();
  const labels = useEnterpriseLabels(options);
  const prefix = mode === 'register' ? 'enterprise-register' : 'enterprise-edit';
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: initialValues(profile, options),
    validate: {
      name: (v) => requiredText(v) ?? (v.trim().length < 2 ? 'validation.nameMin' : null),
      uscc: (v) => (mode === 'register' ? usccProblem(v) : null),
      district: requiredText,
      industry: requiredText,
      legalStatus: requiredText,
      aiActivity: requiredText,
      employees: (v) =>
        v === ''
          ? 'validation.required'
          : Number.isSafeInteger(v) && Number(v) >= 0
            ? null
            : 'validation.wholeNumber',
      revenue: (v, values) => amountText(v, values.amountUnit),
      assets: (v, values) => amountText(v, values.amountUnit),
    },
  });
  const field = useFormField(form, prefix);
  const values = form.getValues();

  // Switching 万元 ↔ 元 re-expresses what was typed (exactly), so the amount does not change by a factor of 10,000.
  function changeUnit(next: AmountUnit) {
    const convert = (text: string) => {
      const parsed = parseAmountToFen(text, values.amountUnit);
      return parsed.ok ? fenToAmountText(parsed.fen, next) : text;
    };
    form.setValues({ amountUnit: next, revenue: convert(values.revenue), assets: convert(values.assets) });
  }

  function preview(text: string): string | undefined {
    const parsed = parseAmountToFen(text, values.amountUnit);
    return parsed.ok ? t('enterprise.amountPreview', { amount: formatFen(parsed.fen, language) }) : undefined;
  }

  const usccCheck =
    mode === 'register' && values.uscc.trim() ? usccProblem(values.uscc) : 'validation.required';
  const changedEligibility = (() => {
    if (!profile) return false;
    const parsed = (() => {
      try {
        return toFacts(values, options);
      } catch {
        return null;
      }
    })();
    if (!parsed) return false;
    return ELIGIBILITY_FIELDS.some((f) => parsed[f] !== profile[f]);
  })();

  function submit(v: FormValues) {
    const facts = toFacts(v, options);
    onSubmit({ ...facts, uscc: mode === 'register' ? normalisedUscc(v.uscc) : (profile?.uscc ?? '') });
  }

  const unitLabel = t(`enterprise.amountUnits.${values.amountUnit}`);

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate data-testid={`${prefix}-form`}>
      <Stack gap="lg">
        <FormSection title={t('enterprise.sections.identity')}>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput
              label={t('enterprise.fields.name')}
              description={t('enterprise.fields.nameHint')}
              required
              autoComplete="organization"
              {...field('name')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            {mode === 'register' ? (
              <TextInput
                label={t('enterprise.fields.uscc')}
                description={
                  usccCheck === null ? (
                    <Text span size="xs" c="teal.8" data-testid={`${prefix}-uscc-valid`}>
                      ✓ {t('enterprise.fields.usccValid')}
                    </Text>
                  ) : (
                    `${t('enterprise.fields.usccHint')} (${normalisedUscc(values.uscc).length}/18)`
                  )
                }
                required
                maxLength={40}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                autoCapitalize="characters"
                spellCheck={false}
                {...field('uscc')}
                onBlur={() => {
                  form.setFieldValue('uscc', normalisedUscc(values.uscc));
                  form.validateField('uscc');
                }}
              />
            ) : (
              <TextInput
                label={t('enterprise.fields.uscc')}
                description={t('enterprise.fields.usccFixed')}
                value={profile?.uscc ?? ''}
                readOnly
                disabled
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              />
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <NativeSelect
              label={t('enterprise.fields.district')}
              description={t('enterprise.fields.districtHint')}
              required
              data={[
                { value: '', label: '—', disabled: true },
                ...options.districts.map((d) => ({ value: d.value, label: labels.district(d.value) })),
              ]}
              {...field('district')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <NativeSelect
              label={t('enterprise.fields.legalStatus')}
              required
              data={[
                { value: '', label: '—', disabled: true },
                ...options.legalStatuses.map((s) => ({ value: s, label: labels.legalStatus(s) })),
              ]}
              {...field('legalStatus')}
            />
          </Grid.Col>
        </FormSection>

        <Card>
          <Stack>
            <Group justify="space-between" align="flex-end">
              <Title order={4}>{t('enterprise.sections.size')}</Title>
              <Stack gap={4}>
                <Text size="xs" c="dimmed">
                  {t('enterprise.fields.amountUnit')}
                </Text>
                <SegmentedControl
                  size="xs"
                  value={values.amountUnit}
                  onChange={(v) => changeUnit(v === 'yuan' ? 'yuan' : 'wan')}
                  data={[
                    { value: 'wan', label: t('enterprise.amountUnits.wan') },
                    { value: 'yuan', label: t('enterprise.amountUnits.yuan') },
                  ]}
                  data-testid={`${prefix}-amount-unit`}
                />
              </Stack>
            </Group>
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 6 }}>
                <NativeSelect
                  label={t('enterprise.fields.industry')}
                  description={t('enterprise.fields.industryHint')}
                  required
                  data={[
                    { value: '', label: '—', disabled: true },
                    ...options.industries.map((i) => ({ value: i.value, label: labels.industry(i.value) })),
                  ]}
                  {...field('industry')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <NumberInput
                  label={t('enterprise.fields.employees')}
                  required
                  min={0}
                  allowDecimal={false}
                  allowNegative={false}
                  thousandSeparator=","
                  {...field('employees')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <TextInput
                  label={t('enterprise.fields.amountLabel', {
                    field: t('enterprise.fields.revenue'),
                    unit: unitLabel,
                  })}
                  description={preview(values.revenue) ?? ' '}
                  required
                  inputMode="decimal"
                  {...field('revenue')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <TextInput
                  label={t('enterprise.fields.amountLabel', {
                    field: t('enterprise.fields.assets'),
                    unit: unitLabel,
                  })}
                  description={preview(values.assets) ?? ' '}
                  required
                  inputMode="decimal"
                  {...field('assets')}
                />
              </Grid.Col>
              <Grid.Col span={12}>
                <Checkbox
                  label={t('enterprise.fields.techSme')}
                  description={t('enterprise.fields.techSmeHint')}
                  data-testid={`${prefix}-tech-sme`}
                  {...form.getInputProps('techSmeRegistered', { type: 'checkbox' })}
                />
              </Grid.Col>
            </Grid>
          </Stack>
        </Card>

        <Card>
          <Radio.Group
            label={t('enterprise.fields.aiActivity')}
            styles={{ label: { fontSize: 'var(--mantine-font-size-lg)', fontWeight: 600 } }}
            required
            {...form.getInputProps('aiActivity')}
            error={fieldError(form.errors.aiActivity)}
          >
            <Stack gap="sm" mt="sm">
              {options.aiActivities.map((a) => (
                <Radio
                  key={a}
                  value={a}
                  label={labels.aiActivity(a)}
                  description={t(`enterprise.aiActivityHint.${a}`)}
                  data-testid={`${prefix}-ai-activity-${a}`}
                />
              ))}
            </Stack>
          </Radio.Group>
        </Card>

        {notice?.(changedEligibility)}
        {error ? <ErrorNotice error={error} data-testid={`${prefix}-error`} /> : null}
        <Group justify="flex-end">
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t('enterprise.editCancel')}
            </Button>
          ) : null}
          <Button type="submit" loading={submitting} data-testid={`${prefix}-submit`}>
            {mode === 'register' ? t('enterprise.registerSubmit') : t('enterprise.editSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A warning for the edit form: verified profiles lose verification when an eligibility fact changes. */
export function VerificationWarning({ verified, changed }: { verified: boolean; changed: boolean }) {
  const { t } = useTranslation();
  if (!verified) return null;
  return (
    <Alert color={changed ? 'orange' : 'yellow'} variant="light" data-testid="enterprise-edit-warning">
      <Stack gap={4}>
        <Text size="sm">{t('enterprise.editWarningVerified')}</Text>
        {changed ? (
          <Text size="sm" fw={600} data-testid="enterprise-edit-warning-changed">
            {t('enterprise.editWarningChanged')}
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
}
