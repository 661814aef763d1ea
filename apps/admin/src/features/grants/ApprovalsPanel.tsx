import { Alert, Group, Stack, Text } from '@mantine/core';
import { DateTime, Money } from '@nanshan/ui';
import { useTranslation } from 'react-i18next';
import type { GrantDetail } from '../../lib/api-types';
import { useMe } from '../session/use-me';

/**
 * The four-eyes rule: above the threshold two different staff members approve the same amount. When one approval is
 * recorded the application waits in public notice for the second, and says so plainly.
 */
export function ApprovalsPanel({ grant }: { grant: GrantDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const { twoPersonAboveFen } = grant.approvalRule;
  const first = grant.approvals[0];
  const waitingForSecond =
    grant.status === 'public_notice' &&
    grant.approvals.length === 1 &&
    first &&
    first.amountFen > twoPersonAboveFen;
  const mine = first?.approverUserId === me.data?.user.id;
  return (
    <Stack gap="xs" data-testid="grant-approvals">
      {waitingForSecond ? (
        <Alert
          color="grape"
          variant="filled"
          title={t('grants.approvals.secondNeeded')}
          data-testid="grant-second-approver-needed"
        >
          {mine
            ? t('grants.approvals.waitingForColleague', { amount: '' })
            : t('grants.approvals.youCanBeSecond', { name: first.approverName })}
          <Money fen={first.amountFen} fw={700} />
        </Alert>
      ) : null}
      {grant.approvals.length > 0
        ? grant.approvals.map((a, i) => (
            <Group key={a.approverUserId} gap="xs" data-testid="grant-approval">
              <Text size="sm" fw={600}>
                {t('grants.approvals.nth', { n: i + 1 })}
              </Text>
              <Text size="sm">{a.approverName}</Text>
              <Money fen={a.amountFen} size="sm" fw={600} />
              <DateTime value={a.at} size="xs" c="dimmed" />
            </Group>
          ))
        : null}
      <Text size="xs" c="dimmed">
        {t('grants.approvals.rule', { count: grant.approvalRule.approvalsNeeded })}{' '}
        <Money fen={twoPersonAboveFen} />
      </Text>
    </Stack>
  );
}
