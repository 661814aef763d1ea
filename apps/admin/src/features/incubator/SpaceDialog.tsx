import { Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { trpc } from '@nanshan/ui/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncubatorSpace } from '../../lib/api-types';
import { FormActions } from './FormActions';

const required = (v: string) => (v.trim() ? null : 'validation.required');

/** Adds a space (`space` null) or edits one's name and address. */
export function SpaceDialog({
  opened,
  space,
  onClose,
}: {
  opened: boolean;
  space: IncubatorSpace | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<unknown>(null);
  const create = useMutation(trpc.admin.incubator.spaces.create.mutationOptions());
  const update = useMutation(trpc.admin.incubator.spaces.update.mutationOptions());
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '', address: '' },
    validate: { name: required, address: required },
  });
  const { setValues, resetDirty } = form;

  useEffect(() => {
    if (!opened) return;
    setFailure(null);
    setValues({ name: space?.name ?? '', address: space?.address ?? '' });
    resetDirty();
  }, [opened, space, setValues, resetDirty]);

  async function submit(values: typeof form.values) {
    setFailure(null);
    try {
      const input = { name: values.name.trim(), address: values.address.trim() };
      if (space) await update.mutateAsync({ spaceId: space.id, ...input });
      else await create.mutateAsync(input);
      notifications.show({ color: 'teal', message: t('incubator.spaces.saved') });
      await queryClient.invalidateQueries({ queryKey: trpc.admin.incubator.pathKey() });
      onClose();
    } catch (error) {
      setFailure(error);
    }
  }

  const fieldError = (e: React.ReactNode) => (e === 'validation.required' ? t('validation.required') : e);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={space ? t('incubator.spaces.editTitle') : t('incubator.spaces.createTitle')}
      centered
      data-testid="space-dialog"
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <TextInput
            label={t('incubator.spaces.name')}
            required
            maxLength={200}
            data-testid="space-name"
            {...form.getInputProps('name')}
            error={fieldError(form.errors.name)}
          />
          <TextInput
            label={t('incubator.spaces.address')}
            required
            maxLength={500}
            data-testid="space-address"
            {...form.getInputProps('address')}
            error={fieldError(form.errors.address)}
          />
          <FormActions
            failure={failure}
            submitting={form.submitting}
            saveLabel={t('incubator.spaces.save')}
            onCancel={onClose}
            testIdPrefix="space"
          />
        </Stack>
      </form>
    </Modal>
  );
}
