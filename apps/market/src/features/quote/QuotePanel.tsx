import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  NumberInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { ErrorNotice } from '@nanshan/ui';
import { queryClient, trpc } from '@nanshan/ui/api-client';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { Offering } from '../../lib/api-types';
import { newIdempotencyKey } from '../../lib/idempotency-key';
import { useUnitLabel } from '../catalogue/use-unit-label';
import { useMe } from '../session/use-me';
import { contractPeriodProblem } from './contract-period';
import { QuoteBreakdown } from './QuoteBreakdown';
import { quantityProblem } from './quantity';
import { type Declaration, RelatedPartyDeclaration } from './RelatedPartyDeclaration';

/** Quantity → live quote (price, subsidy, cap left, trace) → place order with an idempotency key. */
export function QuotePanel({ offering }: { offering: Offering }) {
  const { t } = useTranslation();
  const unitLabel = useUnitLabel();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const bounds = { min: offering.minQuantity, max: offering.maxQuantity };
  const [quantity, setQuantity] = useState<number | string>(offering.minQuantity);
  const problem = quantityProblem(quantity, bounds);
  const [debounced] = useDebouncedValue(problem ? null : (quantity as number), 300);
  // Related parties (a common actual controller) get no subsidy, so the buyer must declare either way before
  // ordering; nothing is pre-ticked. Until then the quote shows what an unrelated buyer gets (and says so); once
  // declared, the quote is asked with the same answer the order carries, so it shows what placing reserves.
  const [declaration, setDeclaration] = useState<Declaration | null>(null);
  // The contract period is optional evidence kept with the order (DOMAIN-NOTES: contract with GPU type, quantity,
  // period); when given it must be whole and in order.
  const [period, setPeriod] = useState({ from: '', to: '' });
  const periodProblem = contractPeriodProblem(period);
  const notRelatedDeclared = declaration !== 'related';

  const canOrder = me.data?.user.role === 'sme' && me.data.enterprise !== null;
  const quote = useQuery(
    trpc.orders.quote.queryOptions(
      { offeringId: offering.id, quantity: debounced ?? offering.minQuantity, notRelatedDeclared },
      { enabled: canOrder && debounced !== null, placeholderData: keepPreviousData, staleTime: 5_000 },
    ),
  );
  const quoteIsCurrent =
    !problem && quote.data !== undefined && !quote.isPlaceholderData && quote.data.quantity === quantity;

  // One key per checkout attempt (offering + quantity + declaration), reused if the same attempt is retried after a failure, so
  // a retry can never create a second order; a different quantity is a different checkout.
  const checkout = useRef<{ scope: string; key: string } | null>(null);
  const place = useMutation(
    trpc.orders.place.mutationOptions({
      onSuccess: async ({ orderId }) => {
        checkout.current = null;
        notifications.show({ color: 'teal', message: t('quote.placed') });
        await queryClient.invalidateQueries(trpc.orders.pathFilter());
        await queryClient.invalidateQueries(trpc.subsidy.pathFilter());
        await navigate(`/orders/${orderId}`);
      },
      onError: (error) => {
        if (error.data?.reason === 'idempotency_key_reused') checkout.current = null;
      },
    }),
  );

  function placeOrder() {
    if (problem || periodProblem || typeof quantity !== 'number' || declaration === null) return;
    const scope = `${offering.id}:${quantity}:${declaration}:${period.from}:${period.to}`;
    if (checkout.current?.scope !== scope) checkout.current = { scope, key: newIdempotencyKey() };
    place.mutate({
      offeringId: offering.id,
      quantity,
      notRelatedDeclared,
      idempotencyKey: checkout.current.key,
      ...(period.from && period.to ? { contractPeriodFrom: period.from, contractPeriodTo: period.to } : {}),
    });
  }

  return (
    <Card>
      <Stack>
        <Title order={3}>{t('quote.title')}</Title>
        <NumberInput
          label={t('offering.quantity')}
          description={t('offering.quantityRange', { unit: unitLabel(offering.unit), ...bounds })}
          value={quantity}
          onChange={setQuantity}
          min={bounds.min}
          max={bounds.max}
          step={1}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          thousandSeparator=","
          error={problem ? t(problem.key, problem.values) : undefined}
          data-testid="quantity-input"
        />
        {canOrder ? (
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('quote.contractPeriod')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('quote.contractPeriodHint')}
            </Text>
            <Group grow gap="sm" align="flex-start">
              <TextInput
                type="date"
                label={t('quote.contractFrom')}
                value={period.from}
                max={period.to || undefined}
                onChange={(e) => {
                  const from = e.currentTarget.value;
                  setPeriod((p) => ({ ...p, from }));
                }}
                data-testid="contract-period-from"
              />
              <TextInput
                type="date"
                label={t('quote.contractTo')}
                value={period.to}
                min={period.from || undefined}
                onChange={(e) => {
                  const to = e.currentTarget.value;
                  setPeriod((p) => ({ ...p, to }));
                }}
                data-testid="contract-period-to"
              />
            </Group>
            {periodProblem ? (
              <Text size="xs" c="red" data-testid="contract-period-error">
                {t(periodProblem)}
              </Text>
            ) : null}
          </Stack>
        ) : null}
        {canOrder ? (
          <RelatedPartyDeclaration
            providerName={offering.providerName}
            value={declaration}
            onChange={setDeclaration}
          />
        ) : null}
        {me.isPending ? null : !me.data ? (
          <Alert color="nanshan" variant="light">
            <Stack gap="xs">
              <Text size="sm">{t('quote.signIn')}</Text>
              <Button
                component={Link}
                to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}
                size="xs"
                w="fit-content"
                data-testid="quote-sign-in"
              >
                {t('quote.signInButton')}
              </Button>
            </Stack>
          </Alert>
        ) : me.data.user.role !== 'sme' ? (
          <Alert color="gray">{t('quote.notSme')}</Alert>
        ) : !me.data.enterprise ? (
          <Alert color="yellow">
            <Stack gap="xs">
              <Text size="sm">{t('quote.noEnterprise')}</Text>
              <Button
                component={Link}
                to="/enterprise/register"
                size="xs"
                w="fit-content"
                data-testid="quote-register-enterprise"
              >
                {t('quote.registerEnterprise')}
              </Button>
            </Stack>
          </Alert>
        ) : problem ? (
          <Text size="sm" c="dimmed">
            {t('quote.enterQuantity')}
          </Text>
        ) : quote.isError && !quote.data ? (
          <ErrorNotice error={quote.error} onRetry={() => void quote.refetch()} />
        ) : quote.data ? (
          <Stack gap="xs" style={{ opacity: quoteIsCurrent ? 1 : 0.6 }} aria-busy={!quoteIsCurrent}>
            {!quoteIsCurrent ? (
              <Text size="xs" c="dimmed">
                {t('quote.updating')}
              </Text>
            ) : null}
            {quote.isError ? <ErrorNotice error={quote.error} /> : null}
            {declaration === null ? (
              <Text size="xs" c="dimmed">
                {t('quote.assumedNotRelated')}
              </Text>
            ) : null}
            <QuoteBreakdown quote={quote.data} />
          </Stack>
        ) : (
          <Loader size="sm" />
        )}
        {canOrder ? (
          <Stack gap="xs">
            {place.isError ? <ErrorNotice error={place.error} data-testid="place-order-error" /> : null}
            <Button
              size="md"
              onClick={placeOrder}
              disabled={!quoteIsCurrent || quote.isError || declaration === null || periodProblem !== null}
              loading={place.isPending}
              data-testid="place-order"
            >
              {t('quote.placeOrder')}
            </Button>
            <Text size="xs" c={declaration === null ? 'orange.8' : 'dimmed'} data-testid="place-order-note">
              {declaration === null ? t('quote.declarationRequired') : t('quote.placeNote')}
            </Text>
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
