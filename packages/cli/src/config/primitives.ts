import { getAddress, isAddress } from 'viem';
import { z } from 'zod';

/** A 20-byte hex address, checksummed on output. Never echoes the offending value. */
export const addressSchema = z
  .string()
  .refine((v) => isAddress(v, { strict: false }), { message: 'expected a 0x-prefixed 20-byte hex address' })
  .transform((v) => getAddress(v));

export const chainIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const rpcUrlSchema = z
  .string()
  .refine((v) => /^(https?|wss?):\/\/[^\s]+$/.test(v), { message: 'expected an http(s):// or ws(s):// URL' });
