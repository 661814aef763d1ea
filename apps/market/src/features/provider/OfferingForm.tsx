import {
  Button,
  Grid,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  type AmountProblem,
  ErrorNotice,
  FormSection,
  fenToAmountText,
  formatFen,
  parseAmountToFen,
  useLanguage,
} from '@nanshan/ui';
import type { trpc } from '@nanshan/ui/api-client';
import type { inferInput } from '@trpc/tanstack-react-query';
import { useTranslation } from 'react-i18next';
import { zhCN } from '../../i18n/zh-CN';
import type { ProviderOffering, ProviderProfile } from '../../lib/api-types';
import { useFormField } from '../../lib/form-field';
import { requiredText, type ValidationKey } from '../../lib/validation';
import { useUnitLabel } from '../catalogue/use-unit-label';

export type OfferingInput = inferInput<typeof trpc.offerings.create>;
type Unit = OfferingInput['unit'];
type ServiceKind = NonNullable<OfferingInput['serviceKind']>;

/** Billing units the API accepts, compute-like first; the form shows those that fit the kind first. */
const COMPUTE_UNITS: Unit[] = ['gpu_hour', 'card_month', 'node_month', 'tb_month'];
const SERVICE_UNITS: Unit[] = ['million_tokens', 'api_call_thousand', 'project', 'card_month'];
const SERVICE_KINDS = Object.keys(zhCN.providerOfferings.serviceKind) as ServiceKind[];

interface FormValues {
  title: string;
  serviceKind: ServiceKind;
  gpuModel: string;
  gpuCount: number | string;
  unit: Unit | '';
  price: string;
  region: string;
  description: string;
  stock: number | string;
  minQuantity: number | string;
  maxQuantity: number | string;
}

const PRICE_KEYS: Record<Exclude<AmountProblem, 'required'>, ValidationKey> = {
  format: 'validation.amountFormat',
  tooPrecise: 'validation.amountTooPrecise',
  tooLarge: 'validation.amountTooLarge',
};

function priceProblem(text: string): ValidationKey | null {
  const parsed = parseAmountToFen(text, 'yuan');
  if (!parsed.ok) return parsed.problem === 'required' ? 'validation.required' : PRICE_KEYS[parsed.problem];
  return parsed.fen > 0 ? null : 'validation.priceZero';
}

const wholeNumber = (v: number | string, min: number): ValidationKey | null =>
  v === ''
    ? 'validation.required'
    : Number.isSafeInteger(v) && Number(v) >= min
      ? null
      : 'validation.wholeNumber';

function initialValues(offering: ProviderOffering | undefined): FormValues {
  if (!offering) {
    return {
      title: '',
      serviceKind: 'compute',
      gpuModel: '',
      gpuCount: '',
      unit: '',
      price: '',
      region: '',
      description: '',
      stock: '',
      minQuantity: 1,
      maxQuantity: 10_000,
    };
  }
  return {
    title: offering.title,
    serviceKind: offering.serviceKind,
    gpuModel: offering.gpuModel ?? '',
    gpuCount: offering.gpuCount ?? '',
    unit: offering.unit,
    price: fenToAmountText(offering.unitPriceFen, 'yuan'),
    region: offering.region ?? '',
    description: offering.description,
    stock: offering.stock ?? '',
    minQuantity: offering.minQuantity,
    maxQuantity: offering.maxQuantity,
  };
}

/**
 * An offering's terms. The kind follows the provider (a centre lists compute for Art. 6, a cloud vendor AI services
 * for Art. 9); compute sold as compute names its GPU model and count; the unit price is typed in 元 and becomes
 * integer fen by decimal-string arithmetic.
 */
export function OfferingForm({
  provider,
  offering,
  submitting,
  error,
  onSubmit,
  onCancel,
}: {
  provider: Pick<ProviderProfile, 'kind'>;
  offering?: ProviderOffering;
  submitting: boolean;
  error: unknown;
  onSubmit: (values: OfferingInput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const unitLabel = useUnitLabel();
  const kind: OfferingInput['kind'] = provider.kind === 'computing_centre' ? 'compute' : 'ai_service';
  const gpuRequired = (v: FormValues) => kind === 'compute' && v.serviceKind === 'compute';
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: initialValues(offering),
    validate: {
      title: (v) => requiredText(v) ?? (v.trim().length < 2 ? 'validation.nameMin' : null),
      unit: (v) => (v ? null : 'validation.required'),
      price: priceProblem,
      gpuModel: (v, all) => (gpuRequired(all) && !v.trim() ? 'validation.required' : null),
      gpuCount: (v, all) => (gpuRequired(all) || v !== '' ? wholeNumber(v, 1) : null),
      stock: (v) => (v === '' ? null : wholeNumber(v, 0)),
      minQuantity: (v) => wholeNumber(v, 1),
      maxQuantity: (v, all) =>
        wholeNumber(v, 1) ??
        (typeof all.minQuantity === 'number' && Number(v) < all.minQuantity
          ? 'validation.quantityRange'
          : null),
    },
  });
  const field = useFormField(form, 'offering-form');
  const values = form.getValues();
  const units = kind === 'compute' ? COMPUTE_UNITS : SERVICE_UNITS;
  const otherUnits = (kind === 'compute' ? SERVICE_UNITS : COMPUTE_UNITS).filter((u) => !units.includes(u));
  const parsedPrice = parseAmountToFen(values.price, 'yuan');

  function submit(v: FormValues) {
    const price = parseAmountToFen(v.price, 'yuan');
    if (!price.ok || !v.unit) return;
    onSubmit({
      title: v.title.trim(),
      kind,
      serviceKind: kind === 'compute' ? v.serviceKind : 'compute',
      gpuModel: v.gpuModel.trim() || null,
      gpuCount: v.gpuCount === '' ? null : Number(v.gpuCount),
      unit: v.unit,
      unitPriceFen: price.fen,
      region: v.region.trim() || null,
      description: v.description.trim(),
      stock: v.stock === '' ? null : Number(v.stock),
      minQuantity: Number(v.minQuantity),
      maxQuantity: Number(v.maxQuantity),
    });
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate data-testid="offering-form">
      <Stack gap="lg">
        <FormSection title={t('providerOfferings.sections.basics')}>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <TextInput
              label={t('providerOfferings.fields.title')}
              required
              maxLength={200}
              {...field('title')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput
              label={t('providerOfferings.fields.kind')}
              value={t(`catalogue.kind.${kind}`)}
              readOnly
              disabled
              description={t('providerOfferings.fields.kindFixed', {
                kind: t(`provider.kind.${provider.kind}`),
                offeringKind: t(`catalogue.kind.${kind}`),
              })}
              data-testid="offering-form-kind"
              data-kind={kind}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea
              label={t('providerOfferings.fields.description')}
              autosize
              minRows={2}
              maxLength={4000}
              {...field('description')}
            />
          </Grid.Col>
        </FormSection>

        <FormSection title={t('providerOfferings.sections.spec')}>
          {kind === 'compute' ? (
            <Grid.Col span={{ base: 12, md: 4 }}>
              <NativeSelect
                label={t('providerOfferings.fields.serviceKind')}
                description={t('providerOfferings.fields.serviceKindHint')}
                data={SERVICE_KINDS.map((k) => ({
                  value: k,
                  label: t(`providerOfferings.serviceKind.${k}`),
                }))}
                {...field('serviceKind')}
              />
            </Grid.Col>
          ) : null}
          <Grid.Col span={{ base: 12, md: kind === 'compute' ? 4 : 6 }}>
            <TextInput
              label={t('providerOfferings.fields.gpuModel')}
              description={gpuRequired(values) ? t('providerOfferings.fields.gpuModelHint') : undefined}
              placeholder="NVIDIA H800 80GB"
              required={gpuRequired(values)}
              maxLength={100}
              {...field('gpuModel')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: kind === 'compute' ? 4 : 6 }}>
            <NumberInput
              label={t('providerOfferings.fields.gpuCount')}
              required={gpuRequired(values)}
              description={gpuRequired(values) ? ' ' : undefined}
              min={1}
              allowDecimal={false}
              allowNegative={false}
              {...field('gpuCount')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput
              label={t('providerOfferings.fields.region')}
              placeholder={language === 'en' ? 'Shenzhen Nanshan' : '深圳南山'}
              maxLength={100}
              {...field('region')}
            />
          </Grid.Col>
        </FormSection>

        <FormSection title={t('providerOfferings.sections.price')}>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <NativeSelect
              label={t('providerOfferings.fields.unit')}
              required
              data={[
                { value: '', label: '—', disabled: true },
                ...[...units, ...otherUnits].map((u) => ({ value: u, label: unitLabel(u) })),
              ]}
              {...field('unit')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput
              label={t('providerOfferings.fields.unitPrice')}
              description={
                parsedPrice.ok && parsedPrice.fen > 0
                  ? `${formatFen(parsedPrice.fen, language)}${values.unit ? ` / ${unitLabel(values.unit)}` : ''}`
                  : t('providerOfferings.fields.unitPriceHint')
              }
              required
              inputMode="decimal"
              {...field('price')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <NumberInput
              label={t('providerOfferings.fields.stock')}
              description={t('providerOfferings.fields.stockHint')}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=","
              {...field('stock')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 4 }}>
            <NumberInput
              label={t('providerOfferings.fields.minQuantity')}
              required
              min={1}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=","
              {...field('minQuantity')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 4 }}>
            <NumberInput
              label={t('providerOfferings.fields.maxQuantity')}
              required
              min={1}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=","
              {...field('maxQuantity')}
            />
          </Grid.Col>
        </FormSection>

        {error ? <ErrorNotice error={error} data-testid="offering-form-error" /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('filing.cancel')}
          </Button>
          <Button type="submit" loading={submitting} data-testid="offering-form-submit">
            {offering ? t('providerOfferings.save') : t('providerOfferings.createSubmit')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('providerOfferings.subtitle')}
        </Text>
      </Stack>
    </form>
  );
}
