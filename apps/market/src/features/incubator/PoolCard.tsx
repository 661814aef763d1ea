import { Alert, Badge, Button, Card, Group, NumberInput, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ErrorNotice, Money } from '@nanshan/ui';
import { trpc } from '@nanshan/ui/api-client';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { IncubatorPool } from '../../lib/api-types';
import { newIdempotencyKey } from '../../lib/idempotency-key';
import { useUnitLabel } from '../catalogue/use-unit-label';
import { refreshAfterOrderChange } from '../orders/invalidate';
import { quantityProblem } from '../quote/quantity';
import { type Declaration, RelatedPartyDeclaration } from '../quote/RelatedPartyDeclaration';

/**
 * The dedicated compute pool of Art. 10: price, how much of the shared capacity is left, and a buy form that places
 * an order through the same `orders.place` flow as the catalogue (idempotency key per attempt, declaration), then
 * opens the order page to pay. The pool price is the support, so no subsidy is quoted; the order page shows the
 * server's exact charge.
 */
export function PoolCard({ pool }: { pool: IncubatorPool }) {
  const { t } = useTranslation();
  const unitLabel = useUnitLabel();
  const navigate = useNavigate();
  const unit = unitLabel(pool.unit);
  const soldOut = pool.availableUnits < pool.minQuantity;
  // The listing's own bounds, narrowed by the shared capacity that is left.
  const bounds = {
    min: pool.minQuantity,
    max: Math.max(pool.minQuantity, Math.min(pool.maxQuantity, pool.availableUnits)),
  };
  const [quantity, setQuantity] = useState<number | string>(pool.minQuantity);
  const [declaration, setDeclaration] = useState<Declaration | null>(null);
  const problem = quantityProblem(quantity, bounds);
  const usedShare =
    pool.capacityUnits > 0 ? ((pool.capacityUnits - pool.availableUnits) / pool.capacityUnits) * 100 : 100;

  const attempt = useRef<{ scope: string; key: string } | null>(null);
  const place = useMutation(
    trpc.orders.place.mutationOptions({
      onSuccess: async ({ orderId }) => {
        attempt.current = null;
        notifications.show({ color: 'teal', message: t('incubator.placed') });
        await refreshAfterOrderChange();
        await navigate(`/orders/${orderId}`);
      },
      onError: (error) => {
        if (error.data?.reason === 'idempotency_key_reused') attempt.current = null;
      },
    }),
  );

  function buy() {
    if (problem || typeof quantity !== 'number' || declaration === null) return;
    const scope = `${pool.offeringId}:${quantity}:${declaration}`;
    if (attempt.current?.scope !== scope) attempt.current = { scope, key: newIdempotencyKey() };
    place.mutate({
      offeringId: pool.offeringId,
      quantity,
      notRelatedDeclared: declaration === 'not_related',
      idempotencyKey: attempt.current.key,
    });
  }

  // An estimate for the buyer: whole units × the pool's unit price, integer fen. The order carries the exact charge.
  const estimateFen =
    !problem && typeof quantity === 'number' && Number.isSafeInteger(quantity * pool.unitPriceFen)
      ? quantity * pool.unitPriceFen
      : null;

  return (
    <Card data-testid="pool-card" data-pool-id={pool.id} data-offering-id={pool.offeringId}>
      <Stack>
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={4}>{pool.name}</Title>
            <Text size="sm" c="dimmed">
              {pool.gpuModel} · {pool.providerName}
            </Text>
          </div>
          <Badge variant="light" color="grape" tt="none">
            {t('article.art10.hint')}
          </Badge>
        </Group>
        <Group justify="space-between" align="baseline">
          <Text size="sm" c="dimmed">
            {t('incubator.poolPrice')}
          </Text>
          <Text size="sm">
            <Money fen={pool.unitPriceFen} fw={700} data-testid="pool-unit-price" />{' '}
            <Text span c="dimmed" size="sm">
              {t('catalogue.perUnit', { unit })}
            </Text>
          </Text>
        </Group>
        <Stack gap={4}>
          <Progress
            value={usedShare}
            color={soldOut ? 'red' : usedShare > 80 ? 'orange' : 'nanshan'}
            size="lg"
            aria-label={t('incubator.available', {
              available: pool.availableUnits.toLocaleString(),
              capacity: pool.capacityUnits.toLocaleString(),
              unit,
            })}
            data-testid="pool-capacity-bar"
          />
          <Text size="sm" data-testid="pool-available" data-available={pool.availableUnits}>
            {t('incubator.available', {
              available: pool.availableUnits.toLocaleString(),
              capacity: pool.capacityUnits.toLocaleString(),
              unit,
            })}
          </Text>
        </Stack>
        <Text size="xs" c="dimmed">
          {t('incubator.poolNote')}
        </Text>
        {soldOut ? (
          <Alert color="gray" data-testid="pool-sold-out">
            {t('incubator.soldOut')}
          </Alert>
        ) : (
          <Stack gap="sm">
            <Text fw={600}>{t('incubator.buyTitle')}</Text>
            <NumberInput
              label={t('incubator.quantity', { unit })}
              description={t('incubator.quantityHint', { max: bounds.max.toLocaleString() })}
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
              data-testid="pool-buy-quantity"
            />
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t('incubator.estimate')}
              </Text>
              {estimateFen !== null ? (
                <Money fen={estimateFen} fw={700} data-testid="pool-buy-estimate" />
              ) : (
                <Text c="dimmed">—</Text>
              )}
            </Group>
            <RelatedPartyDeclaration
              providerName={pool.providerName}
              value={declaration}
              onChange={setDeclaration}
              testIdPrefix="pool-"
            />
            {place.isError ? <ErrorNotice error={place.error} data-testid="pool-buy-error" /> : null}
            <Button
              onClick={buy}
              disabled={problem !== null || declaration === null}
              loading={place.isPending}
              data-testid="pool-buy"
            >
              {t('incubator.buy')}
            </Button>
            {declaration === null ? (
              <Text size="xs" c="orange.8">
                {t('quote.declarationRequired')}
              </Text>
            ) : null}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
