import { ContractFunctionExecutionError, encodeErrorResult, HttpRequestError, RawContractError } from 'viem';
import { describe, expect, it } from 'vitest';
import { crossDomainNullifierAlgebraAbi } from '../abi/generated/index.js';
import {
  BaseError,
  ContractRevertError,
  mapError,
  NullifierAlreadyConsumedError,
  pilErrorsAbi,
  TransportError,
} from './index.js';

describe('errors', () => {
  it('maps a raw NullifierAlreadyConsumed revert to a typed error with its fields', () => {
    const data = encodeErrorResult({
      abi: crossDomainNullifierAlgebraAbi,
      errorName: 'NullifierAlreadyConsumed',
      args: [123n, 456n],
    });
    const viemErr = new ContractFunctionExecutionError(new RawContractError({ data }), {
      abi: [],
      functionName: 'consumeContainer',
    });
    const err = mapError(viemErr, { action: 'consume on chain 31337' });
    expect(err).toBeInstanceOf(NullifierAlreadyConsumedError);
    expect(err).toBeInstanceOf(ContractRevertError);
    expect(err).toBeInstanceOf(BaseError);
    const e = err as NullifierAlreadyConsumedError;
    expect(e.nullifier).toBe(123n);
    expect(e.domainId).toBe(456n);
    expect(e.shortMessage).toBe('Nullifier 123 was already consumed (domain 456)');
    expect(e.retryable).toBe(false);
    expect(e.docsPath).toBe('#errors');
    expect(e.walk()).toBeInstanceOf(RawContractError);
  });

  it('marks transport failures retryable', () => {
    const err = mapError(new HttpRequestError({ url: 'http://127.0.0.1:1', status: 503 }));
    expect(err).toBeInstanceOf(TransportError);
    expect(err.retryable).toBe(true);
  });

  it('knows every custom error of every PIL contract', () => {
    const names = pilErrorsAbi.map((e) => e.name);
    for (const n of ['NullifierAlreadyConsumed', 'RootNotAccepted', 'PolicyInactive', 'InvalidProof', 'EnforcedPause'])
      expect(names).toContain(n);
  });

  it('walk finds an error in the chain or returns undefined', () => {
    const inner = new Error('inner');
    const outer = new BaseError('outer', { cause: inner });
    expect(outer.walk((e) => e === inner)).toBe(inner);
    expect(outer.walk((e) => e === 'nope')).toBeUndefined();
    expect(outer.message).toContain('outer');
  });
});
