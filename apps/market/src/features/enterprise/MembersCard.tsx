import {
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { DateTime, ErrorNotice, QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnterpriseMember } from '../../lib/api-types';
import { emailText, useFieldError } from '../../lib/validation';
import { refreshAfterEnterpriseChange } from './invalidate';

/** The people who act for the enterprise; owners add members by email and remove them (never the last owner). */
export function MembersCard({ isOwner, myUserId }: { isOwner: boolean; myUserId: string }) {
  const { t } = useTranslation();
  const members = useQuery(trpc.enterprises.members.queryOptions());
  const [removing, setRemoving] = useState<EnterpriseMember | null>(null);
  return (
    <Card data-testid="members-card">
      <Stack>
        <div>
          <Title order={3}>{t('members.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('members.subtitle')}
          </Text>
        </div>
        <QueryState query={members} isEmpty={(d) => d.length === 0}>
          {(data) => (
            <Table.ScrollContainer minWidth={560}>
              <Table data-testid="members-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('members.name')}</Table.Th>
                    <Table.Th>{t('members.email')}</Table.Th>
                    <Table.Th>{t('members.role')}</Table.Th>
                    <Table.Th>{t('members.joinedAt')}</Table.Th>
                    {isOwner ? <Table.Th /> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.map((m) => (
                    <Table.Tr
                      key={m.userId}
                      data-testid="member-row"
                      data-user-id={m.userId}
                      data-role={m.role}
                    >
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {m.name}{' '}
                          {m.userId === myUserId ? (
                            <Text span size="xs" c="dimmed">
                              {t('members.you')}
                            </Text>
                          ) : null}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" data-testid="member-email">
                          {m.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={m.role === 'owner' ? 'nanshan' : 'gray'} tt="none">
                          {t(`enterprise.role.${m.role}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <DateTime value={m.joinedAt} size="sm" />
                      </Table.Td>
                      {isOwner ? (
                        <Table.Td ta="right">
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            onClick={() => setRemoving(m)}
                            data-testid="member-remove"
                          >
                            {t('members.remove')}
                          </Button>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
        {isOwner ? (
          <AddMemberForm />
        ) : (
          <Text size="sm" c="dimmed" data-testid="members-owner-only">
            {t('members.ownerOnly')}
          </Text>
        )}
      </Stack>
      <RemoveMemberModal
        member={removing}
        isSelf={removing?.userId === myUserId}
        onClose={() => setRemoving(null)}
      />
    </Card>
  );
}

function AddMemberForm() {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', role: 'member' as 'member' | 'owner' },
    validate: { email: emailText },
  });
  const add = useMutation(
    trpc.enterprises.addMember.mutationOptions({
      onSuccess: async (member) => {
        notifications.show({ color: 'teal', message: t('members.added', { name: member.name }) });
        form.reset();
        await refreshAfterEnterpriseChange();
      },
    }),
  );
  return (
    <form
      onSubmit={form.onSubmit((v) => add.mutate({ email: v.email.trim(), role: v.role }))}
      noValidate
      data-testid="member-add-form"
    >
      <Stack gap="sm">
        <Text fw={600} size="sm">
          {t('members.add')}
        </Text>
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={t('members.addEmail')}
              description={t('members.addEmailHint')}
              type="email"
              autoComplete="off"
              data-testid="member-add-email"
              {...form.getInputProps('email')}
              error={fieldError(form.errors.email)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 7, sm: 3 }}>
            <NativeSelect
              label={t('members.addRole')}
              data={[
                { value: 'member', label: t('enterprise.role.member') },
                { value: 'owner', label: t('enterprise.role.owner') },
              ]}
              data-testid="member-add-role"
              {...form.getInputProps('role')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 5, sm: 3 }}>
            <Button type="submit" fullWidth loading={add.isPending} data-testid="member-add-submit">
              {t('members.addSubmit')}
            </Button>
          </Grid.Col>
        </Grid>
        {add.isError ? <ErrorNotice error={add.error} data-testid="member-add-error" /> : null}
      </Stack>
    </form>
  );
}

function RemoveMemberModal({
  member,
  isSelf,
  onClose,
}: {
  member: EnterpriseMember | null;
  isSelf: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const remove = useMutation(
    trpc.enterprises.removeMember.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: 'gray', message: t('members.removed') });
        onClose();
        await refreshAfterEnterpriseChange();
      },
    }),
  );
  return (
    <Modal
      opened={member !== null}
      onClose={() => {
        remove.reset();
        onClose();
      }}
      title={t('members.removeTitle')}
      centered
    >
      {member ? (
        <Stack>
          <Text size="sm">
            {isSelf
              ? t('members.removeSelfBody')
              : t('members.removeBody', { name: member.name, email: member.email })}
          </Text>
          {remove.isError ? <ErrorNotice error={remove.error} data-testid="member-remove-error" /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('members.removeKeep')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate({ userId: member.userId })}
              data-testid="member-remove-confirm"
            >
              {t('members.removeConfirm')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
