import { Button, Card, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ErrorNotice, Money, QueryState } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrantNotice } from '../../lib/api-types';
import { refreshGrants } from './invalidate';

function ObjectionModal({ notice, onClose }: { notice: GrantNotice; onClose: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const object = useMutation(
    trpc.grants.object.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: 'teal', message: t('grants.notices.objected') });
        onClose();
        await refreshGrants();
      },
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('grants.notices.objectTitle', { project: notice.projectName })}>
      <Stack>
        <Textarea
          label={t('grants.notices.objectText')}
          required
          autosize
          minRows={3}
          maxLength={2000}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="objection-text"
        />
        {object.isError ? <ErrorNotice error={object.error} data-testid="objection-error" /> : null}
        <Button
          disabled={text.trim() === ''}
          loading={object.isPending}
          onClick={() => object.mutate({ applicationId: notice.id, text: text.trim() })}
          data-testid="objection-submit"
        >
          {t('grants.notices.objectSubmit')}
        </Button>
      </Stack>
    </Modal>
  );
}

/** Applications under public notice (公示) today, anyone's; a signed-in user may object while the notice runs. */
export function NoticesCard() {
  const { t } = useTranslation();
  const notices = useQuery(trpc.grants.notices.queryOptions());
  const [objecting, setObjecting] = useState<GrantNotice | null>(null);
  return (
    <Card data-testid="grant-notices">
      <Stack>
        <Title order={4}>{t('grants.notices.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('grants.notices.hint')}
        </Text>
        <QueryState
          query={notices}
          isEmpty={(d) => d.length === 0}
          empty={
            <Text size="sm" c="dimmed" data-testid="grant-notices-empty">
              {t('grants.notices.empty')}
            </Text>
          }
        >
          {(rows) => (
            <Table.ScrollContainer minWidth={720}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('grants.notices.enterprise')}</Table.Th>
                    <Table.Th>{t('grants.columns.project')}</Table.Th>
                    <Table.Th ta="right">{t('grants.columns.proposed')}</Table.Th>
                    <Table.Th>{t('grants.notices.endsOn')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((n) => (
                    <Table.Tr key={n.id} data-testid="grant-notice" data-grant-id={n.id}>
                      <Table.Td>{n.enterpriseName}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{n.projectName}</Text>
                        <Text size="xs" c="dimmed">
                          {t(`grants.article.${n.article}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Money fen={n.noticedFen} size="sm" />
                      </Table.Td>
                      <Table.Td>{n.noticeEndsOn}</Table.Td>
                      <Table.Td>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setObjecting(n)}
                          data-testid="grant-notice-object"
                        >
                          {t('grants.notices.object')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
      </Stack>
      {objecting ? <ObjectionModal notice={objecting} onClose={() => setObjecting(null)} /> : null}
    </Card>
  );
}
