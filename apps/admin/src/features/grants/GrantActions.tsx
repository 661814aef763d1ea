import { Alert, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { GrantStatus } from '@nanshan/ui';
import { describeError, Money, useGrantStatusLabel } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrantDetail } from '../../lib/api-types';
import { DecisionDialog } from '../common/DecisionDialog';
import { YuanInput } from '../common/YuanInput';
import { useMe } from '../session/use-me';
import { useGrantRefresh } from './use-grant-refresh';

const NEXT_STEP: Partial<Record<GrantStatus, GrantStatus>> = {
  submitted: 'formal_check',
  formal_check: 'bureau_review',
  bureau_review: 'funding_plan',
  funding_plan: 'verification',
  verification: 'public_notice',
};
const REVIEW_STATES: readonly GrantStatus[] = [
  'submitted',
  'formal_check',
  'bureau_review',
  'funding_plan',
  'verification',
  'public_notice',
];
const OPEN_STATES: readonly GrantStatus[] = [...REVIEW_STATES, 'info_requested'];
const DEFAULT_NOTICE_DAYS = 5;
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;

type Action = 'advance' | 'requestInfo' | 'reject' | 'approve' | 'disburse' | 'revoke';

/**
 * Why approval is not possible, as an i18n key; null when it is. The notice's end is only a hint (`noticeHint`): the
 * server's date decides it, and the browser's clock may differ.
 */
export function approvalBlock(grant: GrantDetail, myUserId: string | undefined) {
  if (grant.status !== 'public_notice') return null;
  if (grant.openObjections > 0) return 'grants.approve.objectionsOpen' as const;
  if (grant.currentProposal.amountFen === 0) return 'grants.approve.proposalZero' as const;
  if (myUserId && grant.approvals.some((a) => a.approverUserId === myUserId))
    return 'grants.approve.alreadyYou' as const;
  return null;
}

/**
 * The staff actions the application's step allows: advance (naming the step seen, so a stale screen is refused),
 * request information, reject, approve an amount (never above the proposal nor the amount published at the notice; two
 * staff members above the threshold), disburse or revoke a decided grant. Every one asks for confirmation and says
 * what it does.
 */
export function GrantActions({ grant, onChanged }: { grant: GrantDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const statusLabel = useGrantStatusLabel('staff');
  const me = useMe();
  const refresh = useGrantRefresh();
  const [action, setAction] = useState<Action | null>(null);
  const [noticeDays, setNoticeDays] = useState<number>(DEFAULT_NOTICE_DAYS);
  const [amountFen, setAmountFen] = useState<number | null>(null);
  const [reference, setReference] = useState('');
  const advance = useMutation(trpc.admin.grants.advance.mutationOptions());
  const requestInfo = useMutation(trpc.admin.grants.requestInfo.mutationOptions());
  const reject = useMutation(trpc.admin.grants.reject.mutationOptions());
  const approve = useMutation(trpc.admin.grants.approve.mutationOptions());
  const disburse = useMutation(trpc.admin.grants.disburse.mutationOptions());
  const revoke = useMutation(trpc.admin.grants.revoke.mutationOptions());

  const proposalFen = grant.currentProposal.amountFen;
  const noticedFen = grant.noticedFen ?? 0;
  const threshold = grant.approvalRule.twoPersonAboveFen;
  const firstApproval = grant.approvals[0];
  const pendingSecond = firstApproval !== undefined && firstApproval.amountFen > threshold;
  const next = NEXT_STEP[grant.status];
  const block = approvalBlock(grant, me.data?.user.id);
  const noticeRunning = grant.noticeRunning;

  useEffect(() => {
    if (action === 'approve')
      setAmountFen(pendingSecond ? firstApproval.amountFen : Math.min(proposalFen, noticedFen));
    if (action === 'advance') setNoticeDays(DEFAULT_NOTICE_DAYS);
    if (action === 'disburse') setReference('');
  }, [action, pendingSecond, firstApproval, proposalFen, noticedFen]);

  const amountProblem =
    action !== 'approve'
      ? null
      : amountFen === null || amountFen < 1
        ? 'grants.approve.amountInvalid'
        : amountFen > proposalFen
          ? 'grants.approve.aboveProposal'
          : amountFen > noticedFen
            ? 'grants.approve.aboveNotice'
            : pendingSecond && amountFen !== firstApproval.amountFen
              ? 'grants.approve.mustMatch'
              : null;
  const needsTwo = amountFen !== null && amountFen > threshold;

  async function confirm(text: string) {
    const applicationId = grant.id;
    try {
      switch (action) {
        case 'advance': {
          await advance.mutateAsync({
            applicationId,
            from: grant.status,
            note: text,
            ...(next === 'public_notice' ? { noticeDays } : {}),
          });
          notifications.show({
            color: 'teal',
            message: t('grants.done.advance', { step: statusLabel(next ?? 'submitted') }),
          });
          break;
        }
        case 'requestInfo':
          await requestInfo.mutateAsync({ applicationId, note: text });
          notifications.show({ color: 'teal', message: t('grants.done.requestInfo') });
          break;
        case 'reject':
          await reject.mutateAsync({ applicationId, reason: text });
          notifications.show({ color: 'teal', message: t('grants.done.reject') });
          break;
        case 'approve': {
          if (amountFen === null) return;
          const result = await approve.mutateAsync({ applicationId, amountFen, note: text });
          notifications.show({
            color: 'teal',
            message: result.decided ? t('grants.done.approve') : t('grants.done.firstApproval'),
          });
          break;
        }
        case 'revoke':
          await revoke.mutateAsync({ applicationId, reason: text });
          notifications.show({ color: 'teal', message: t('grants.done.revoke') });
          break;
        case 'disburse': {
          const paid = await disburse.mutateAsync({
            applicationId,
            ...(reference.trim() ? { reference: reference.trim() } : {}),
          });
          notifications.show({
            color: 'teal',
            message: t('grants.done.disburse', { reference: paid.reference }),
          });
          break;
        }
        default:
          return;
      }
    } catch (error) {
      const d = describeError(error);
      if (d.kind === 'server' && d.reason === 'grant_changed') {
        setAction(null);
        onChanged();
        await refresh();
        return;
      }
      throw error;
    }
    await refresh();
  }

  const buttons = (
    <Group gap="xs" wrap="wrap" data-testid="grant-actions">
      {next ? (
        <Button onClick={() => setAction('advance')} data-testid="grant-advance">
          {t('grants.actions.advance', { step: statusLabel(next) })}
        </Button>
      ) : null}
      {grant.status === 'public_notice' ? (
        <Button
          color="teal"
          onClick={() => setAction('approve')}
          disabled={block !== null}
          data-testid="grant-approve"
        >
          {pendingSecond ? t('grants.actions.approveSecond') : t('grants.actions.approve')}
        </Button>
      ) : null}
      {grant.status === 'decided' ? (
        <>
          <Button color="green" onClick={() => setAction('disburse')} data-testid="grant-disburse">
            {t('grants.actions.disburse')}
          </Button>
          <Button variant="light" color="red" onClick={() => setAction('revoke')} data-testid="grant-revoke">
            {t('grants.actions.revoke')}
          </Button>
        </>
      ) : null}
      {REVIEW_STATES.includes(grant.status) ? (
        <Button
          variant="light"
          color="orange"
          onClick={() => setAction('requestInfo')}
          data-testid="grant-request-info"
        >
          {t('grants.actions.requestInfo')}
        </Button>
      ) : null}
      {OPEN_STATES.includes(grant.status) ? (
        <Button variant="light" color="red" onClick={() => setAction('reject')} data-testid="grant-reject">
          {t('grants.actions.reject')}
        </Button>
      ) : null}
    </Group>
  );

  const dialogTitle = action
    ? action === 'advance'
      ? t('grants.actions.advance', { step: statusLabel(next ?? 'submitted') })
      : action === 'approve' && pendingSecond
        ? t('grants.actions.approveSecond')
        : t(`grants.actions.${action}`)
    : '';

  return (
    <Stack gap="xs">
      {buttons}
      {block ? (
        <Text size="xs" c="dimmed" data-testid="grant-approve-blocked" data-block={block}>
          {t(block)}
        </Text>
      ) : noticeRunning ? (
        <Text size="xs" c="dimmed" data-testid="grant-notice-running">
          {t('grants.approve.noticeRunning', { date: grant.noticeEndsOn ?? '' })}
        </Text>
      ) : null}
      <DecisionDialog
        opened={action !== null}
        onClose={() => setAction(null)}
        title={dialogTitle}
        effect={
          action === 'advance'
            ? t(next === 'public_notice' ? 'grants.effect.advanceToNotice' : 'grants.effect.advance', {
                step: statusLabel(next ?? 'submitted'),
              })
            : action === 'approve'
              ? t('grants.effect.approve')
              : action === 'disburse'
                ? t('grants.effect.disburse')
                : action
                  ? t(`grants.effect.${action}`)
                  : ''
        }
        color={
          action === 'reject' || action === 'revoke'
            ? 'red'
            : action === 'requestInfo'
              ? 'orange'
              : action === 'approve'
                ? 'teal'
                : undefined
        }
        confirmLabel={dialogTitle}
        withReason={action !== 'disburse'}
        reasonOptional={action === 'advance' || action === 'approve'}
        reasonLabel={action === 'reject' || action === 'revoke' ? undefined : t('grants.note')}
        reasonHint={action ? t(`grants.hint.${action}`) : undefined}
        canConfirm={
          action === 'approve'
            ? amountProblem === null
            : action === 'disburse'
              ? reference.trim() === '' || REFERENCE.test(reference.trim())
              : true
        }
        onConfirm={confirm}
      >
        {action === 'advance' && next === 'public_notice' ? (
          <NumberInput
            label={t('grants.noticeDays')}
            description={t('grants.noticeDaysHint')}
            min={1}
            max={30}
            allowDecimal={false}
            value={noticeDays}
            onChange={(v) =>
              setNoticeDays(typeof v === 'number' && v >= 1 && v <= 30 ? v : DEFAULT_NOTICE_DAYS)
            }
            data-testid="grant-notice-days"
          />
        ) : null}
        {action === 'advance' && next === 'public_notice' && proposalFen === 0 ? (
          <Alert color="red" variant="light">
            {t('errors.reason.proposal_is_zero')}
          </Alert>
        ) : null}
        {action === 'approve' ? (
          <Stack gap="xs">
            <Group gap="lg">
              <Text size="sm">
                {t('grants.approve.proposal')}{' '}
                <Money fen={proposalFen} fw={700} data-testid="grant-approve-proposal" />
              </Text>
              <Text size="sm">
                {t('grants.approve.noticed')}{' '}
                <Money fen={noticedFen} fw={700} data-testid="grant-approve-noticed" />
              </Text>
              <Text size="sm" c="dimmed">
                {t('grants.approve.fundLeft', { year: grant.fund.year })} <Money fen={grant.fund.leftFen} />
              </Text>
              {grant.usage ? (
                <Text size="sm" c="dimmed">
                  {t('grants.approve.capLeft')} <Money fen={grant.usage.leftFen} />
                </Text>
              ) : null}
            </Group>
            <YuanInput
              label={t('grants.approve.amount')}
              description={t('grants.approve.amountHint')}
              valueFen={amountFen}
              onChangeFen={setAmountFen}
              required
              error={amountProblem ? t(amountProblem) : undefined}
              data-testid="grant-approve-amount"
            />
            {needsTwo ? (
              <Alert color="grape" variant="light" data-testid="grant-approve-two-person">
                {pendingSecond
                  ? t('grants.approve.youAreSecond', { name: firstApproval.approverName })
                  : t('grants.approve.needsTwo', { threshold: '' })}
                <Money fen={threshold} fw={600} />
              </Alert>
            ) : null}
          </Stack>
        ) : null}
        {action === 'disburse' ? (
          <Stack gap="xs">
            <Text size="sm">
              {t('grants.disburse.amount')}{' '}
              <Money fen={grant.decidedFen ?? 0} fw={700} data-testid="grant-disburse-amount" /> →{' '}
              {grant.enterprise.name}
            </Text>
            <TextInput
              label={t('settlement.dialog.reference')}
              description={t('settlement.dialog.referenceHint')}
              value={reference}
              onChange={(e) => setReference(e.currentTarget.value)}
              error={
                reference.trim() === '' || REFERENCE.test(reference.trim())
                  ? undefined
                  : t('settlement.dialog.referenceInvalid')
              }
              data-testid="grant-disburse-reference"
            />
          </Stack>
        ) : null}
      </DecisionDialog>
    </Stack>
  );
}
