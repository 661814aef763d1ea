import { Grid, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { trpc } from '@nanshan/ui/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncubatorSpace, TenancyListItem } from '../../lib/api-types';
import { YuanInput } from '../common/YuanInput';
import { FormActions } from './FormActions';
import { centiM2Text, parseAreaToCentiM2 } from './measures';

type ValidationKey =
  | 'validation.required'
  | 'incubator.validation.area'
  | 'incubator.validation.rent'
  | 'incubator.validation.date'
  | 'incubator.validation.uscc'
  | 'incubator.validation.endBeforeStart';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Values {
  uscc: string;
  spaceId: string | null;
  unit: string;
  area: string;
  rentFen: number | null;
  startDate: string;
  endDate: string;
}

const EMPTY: Values = {
  uscc: '',
  spaceId: null,
  unit: '',
  area: '',
  rentFen: null,
  startDate: '',
  endDate: '',
};

function valuesOf(t: TenancyListItem): Values {
  return {
    uscc: t.enterprise.uscc,
    spaceId: t.spaceId,
    unit: t.unit,
    area: centiM2Text(t.areaCentiM2),
    rentFen: t.baseMonthlyRentFen,
    startDate: t.startDate,
    endDate: t.endDate ?? '',
  };
}

/**
 * Records a lease (`tenancy` null: the enterprise by its 统一社会信用代码, the space, unit, area, market rent and
 * dates) or corrects one (the enterprise and space stay). Refusals — an unverified enterprise, an overlapping lease of
 * the unit — come back translated and keep the dialog open.
 */
export function TenancyDialog({
  opened,
  tenancy,
  spaces,
  onClose,
}: {
  opened: boolean;
  tenancy: TenancyListItem | null;
  spaces: IncubatorSpace[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<unknown>(null);
  const create = useMutation(trpc.admin.incubator.tenancies.create.mutationOptions());
  const update = useMutation(trpc.admin.incubator.tenancies.update.mutationOptions());
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: EMPTY,
    validate: {
      uscc: (v): ValidationKey | null =>
        tenancy || v.trim().length === 18 ? null : 'incubator.validation.uscc',
      spaceId: (v): ValidationKey | null => (v ? null : 'validation.required'),
      unit: (v): ValidationKey | null => (v.trim() ? null : 'validation.required'),
      area: (v): ValidationKey | null =>
        parseAreaToCentiM2(v) === null ? 'incubator.validation.area' : null,
      rentFen: (v): ValidationKey | null => (v === null || v < 0 ? 'incubator.validation.rent' : null),
      startDate: (v): ValidationKey | null => (ISO_DATE.test(v) ? null : 'incubator.validation.date'),
      endDate: (v, all): ValidationKey | null =>
        v === ''
          ? null
          : !ISO_DATE.test(v)
            ? 'incubator.validation.date'
            : v < all.startDate
              ? 'incubator.validation.endBeforeStart'
              : null,
    },
  });
  const { setValues, resetDirty } = form;

  useEffect(() => {
    if (!opened) return;
    setFailure(null);
    setValues(
      tenancy ? valuesOf(tenancy) : { ...EMPTY, spaceId: spaces.length === 1 ? spaces[0]!.id : null },
    );
    resetDirty();
  }, [opened, tenancy, spaces, setValues, resetDirty]);

  async function submit(values: Values) {
    setFailure(null);
    const terms = {
      unit: values.unit.trim(),
      areaM2: values.area.trim(),
      baseMonthlyRentFen: values.rentFen ?? 0,
      startDate: values.startDate,
    };
    try {
      if (tenancy) {
        await update.mutateAsync({ tenancyId: tenancy.id, ...terms, endDate: values.endDate || null });
      } else {
        await create.mutateAsync({
          uscc: values.uscc.trim(),
          spaceId: values.spaceId ?? '',
          ...terms,
          ...(values.endDate ? { endDate: values.endDate } : {}),
        });
      }
      notifications.show({ color: 'teal', message: t('incubator.tenancies.saved') });
      await queryClient.invalidateQueries({ queryKey: trpc.admin.incubator.pathKey() });
      onClose();
    } catch (error) {
      setFailure(error);
    }
  }

  const errorOf = (name: keyof Values) => {
    const e = form.errors[name];
    return typeof e === 'string' ? t(e as ValidationKey) : e;
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={tenancy ? t('incubator.tenancies.editTitle') : t('incubator.tenancies.createTitle')}
      size="lg"
      centered
      data-testid="tenancy-dialog"
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          {tenancy ? (
            <Text size="sm" data-testid="tenancy-enterprise">
              <Text span fw={600}>
                {tenancy.enterprise.name}
              </Text>{' '}
              <Text span ff="monospace" c="dimmed">
                {tenancy.enterprise.uscc}
              </Text>{' '}
              · {tenancy.spaceName}
            </Text>
          ) : null}
          <Grid>
            {tenancy ? null : (
              <>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput
                    label={t('incubator.tenancies.uscc')}
                    description={t('incubator.tenancies.usccHint')}
                    required
                    maxLength={18}
                    ff="monospace"
                    data-testid="tenancy-uscc"
                    {...form.getInputProps('uscc')}
                    onChange={(e) => form.setFieldValue('uscc', e.currentTarget.value.toUpperCase())}
                    error={errorOf('uscc')}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Select
                    label={t('incubator.tenancies.space')}
                    required
                    data={spaces.map((s) => ({ value: s.id, label: s.name }))}
                    allowDeselect={false}
                    data-testid="tenancy-space"
                    {...form.getInputProps('spaceId')}
                    error={errorOf('spaceId')}
                  />
                </Grid.Col>
              </>
            )}
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label={t('incubator.tenancies.unit')}
                required
                maxLength={40}
                data-testid="tenancy-unit"
                {...form.getInputProps('unit')}
                error={errorOf('unit')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label={t('incubator.tenancies.area')}
                description={t('incubator.tenancies.areaHint')}
                required
                inputMode="decimal"
                data-testid="tenancy-area"
                {...form.getInputProps('area')}
                error={errorOf('area')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <YuanInput
                label={t('incubator.tenancies.rent')}
                description={t('incubator.tenancies.rentHint')}
                required
                valueFen={form.values.rentFen}
                onChangeFen={(fen) => form.setFieldValue('rentFen', fen)}
                error={errorOf('rentFen')}
                data-testid="tenancy-rent"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                type="date"
                label={t('incubator.tenancies.startDate')}
                required
                data-testid="tenancy-start"
                {...form.getInputProps('startDate')}
                error={errorOf('startDate')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                type="date"
                label={t('incubator.tenancies.endDate')}
                description={t('incubator.tenancies.endDateHint')}
                data-testid="tenancy-end"
                {...form.getInputProps('endDate')}
                error={errorOf('endDate')}
              />
            </Grid.Col>
          </Grid>
          <FormActions
            failure={failure}
            submitting={form.submitting}
            saveLabel={t('incubator.tenancies.save')}
            onCancel={onClose}
            testIdPrefix="tenancy"
          />
        </Stack>
      </form>
    </Modal>
  );
}
