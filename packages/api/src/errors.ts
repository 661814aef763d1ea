import { TRPCError } from '@trpc/server';

type TrpcCode = ConstructorParameters<typeof TRPCError>[0]['code'];

/**
 * A refusal the domain explains with a stable reason code (translated by the apps), e.g.
 * `offering_not_listed`, `no_enterprise`, `order_not_payable`.
 */
export class DomainError extends Error {
  constructor(
    readonly reason: string,
    readonly code: TrpcCode = 'BAD_REQUEST',
    message?: string,
  ) {
    super(message ?? reason);
  }
}

export function domainError(reason: string, code: TrpcCode = 'BAD_REQUEST', message?: string): TRPCError {
  return new TRPCError({ code, message: message ?? reason, cause: new DomainError(reason, code, message) });
}
