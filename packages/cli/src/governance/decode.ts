// Offline decoding of calldata and revert data with our ABIs and the Safe and
// timelock ABIs; nested calls (Safe → MultiSend → timelock → PIL contract) are
// decoded all the way down.
import {
  type Abi,
  type AbiFunction,
  type Address,
  decodeErrorResult,
  decodeFunctionData,
  formatEther,
  getAddress,
  type Hex,
  hexToBigInt,
  hexToNumber,
  size,
  slice,
  toFunctionSelector,
} from 'viem';
import { InputError } from '../errors.js';
import { allAbis } from './abis.js';

export type DecodedArg = { name: string; type: string; value: unknown };
export type DecodedCall = {
  /** The contract the call goes to, when known (label), else the ABI that matched. */
  contract: string;
  to?: Address;
  value?: bigint;
  function: string;
  signature: string;
  selector: Hex;
  args: DecodedArg[];
  /** Calls inside this one: a Safe transaction, a MultiSend batch, a timelock operation. */
  inner?: DecodedCall[];
  /** Set when nothing matched. */
  unknown?: true;
};

export type Labels = (address: Address) => string | undefined;

/** `0x` + an even number of hex digits, at least a 4-byte selector. */
export function parseCalldata(input: string): Hex {
  const data = input.trim();
  if (!/^0x([0-9a-fA-F]{2})*$/.test(data) || data.length < 10) {
    throw new InputError('Malformed calldata', {
      details: `expected 0x followed by an even number of hex digits (at least a 4-byte selector), got ${data.length > 20 ? `${data.slice(0, 20)}… (${data.length} chars)` : `"${data}"`}`,
    });
  }
  return data as Hex;
}

function signatureOf(fn: AbiFunction): string {
  return `${fn.name}(${fn.inputs.map((i) => i.type).join(',')})`;
}

export function decodeCall(data: Hex, options: { to?: Address; value?: bigint; labels?: Labels } = {}): DecodedCall {
  const selector = slice(data, 0, 4);
  const label = options.to ? options.labels?.(options.to) : undefined;
  const base = {
    ...(options.to ? { to: options.to } : {}),
    ...(options.value !== undefined ? { value: options.value } : {}),
  };
  for (const { name, abi } of allAbis()) {
    const fn = (abi as Abi).find((i): i is AbiFunction => i.type === 'function' && toFunctionSelector(i) === selector);
    if (!fn) continue;
    let decoded: { args?: readonly unknown[] };
    try {
      decoded = decodeFunctionData({ abi: [fn], data });
    } catch {
      continue;
    }
    const values = decoded.args ?? [];
    const args = fn.inputs.map((input, i) => ({ name: input.name ?? `arg${i}`, type: input.type, value: values[i] }));
    const call: DecodedCall = {
      ...base,
      contract: label ?? name,
      function: fn.name,
      signature: signatureOf(fn),
      selector,
      args,
    };
    const inner = innerCalls(fn.name, args, options.labels);
    if (inner.length) call.inner = inner;
    return call;
  }
  return { ...base, contract: label ?? 'unknown', function: '?', signature: '?', selector, args: [], unknown: true };
}

function innerCalls(fn: string, args: DecodedArg[], labels?: Labels): DecodedCall[] {
  const arg = (n: string) => args.find((a) => a.name === n)?.value;
  const sub = (data: unknown, to: unknown, value: unknown) =>
    typeof data === 'string' && data.length >= 10
      ? [decodeCall(data as Hex, { to: to as Address, value: value as bigint, ...(labels ? { labels } : {}) })]
      : [];
  switch (fn) {
    case 'schedule':
      return sub(arg('data'), arg('target'), arg('value'));
    case 'execute':
      return sub(arg('payload'), arg('target'), arg('value'));
    case 'scheduleBatch':
    case 'executeBatch': {
      const targets = (arg('targets') ?? []) as Address[];
      const values = (arg('values') ?? []) as bigint[];
      const payloads = (arg('payloads') ?? []) as Hex[];
      return targets.flatMap((t, i) => sub(payloads[i], t, values[i]));
    }
    case 'execTransaction':
      return sub(arg('data'), arg('to'), arg('value'));
    case 'multiSend':
      return unpackMultiSend(arg('transactions') as Hex).flatMap((t) => sub(t.data, t.to, t.value));
    default:
      return [];
  }
}

/** MultiSend's packed encoding: operation (1) | to (20) | value (32) | length (32) | data. */
export function unpackMultiSend(packed: Hex): { operation: number; to: Address; value: bigint; data: Hex }[] {
  const out: { operation: number; to: Address; value: bigint; data: Hex }[] = [];
  let offset = 0;
  const total = size(packed);
  while (offset < total) {
    const operation = hexToNumber(slice(packed, offset, offset + 1));
    const to = getAddress(slice(packed, offset + 1, offset + 21));
    const value = hexToBigInt(slice(packed, offset + 21, offset + 53));
    const length = Number(hexToBigInt(slice(packed, offset + 53, offset + 85)));
    const data = length ? slice(packed, offset + 85, offset + 85 + length) : '0x';
    out.push({ operation, to, value, data });
    offset += 85 + length;
  }
  return out;
}

/** A custom error (ours, OpenZeppelin's, the Safe's) from revert data, e.g. `WouldBreakQuorum(1, 2)`. */
export function decodeRevert(data: Hex | undefined): string | undefined {
  if (!data || data.length < 10) return undefined;
  for (const { abi } of allAbis()) {
    try {
      const { errorName, args } = decodeErrorResult({ abi, data });
      return `${errorName}(${(args ?? []).map((a) => formatValue(a)).join(', ')})`;
    } catch {}
  }
  return undefined;
}

export function formatValue(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (value && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${formatValue(v)}`)
      .join(', ')}}`;
  return String(value);
}

/** Indented text, one call per line with its arguments below, nested calls further in. */
export function formatCall(call: DecodedCall, indent = '', bullet = ''): string {
  const head = call.unknown
    ? `${indent}${bullet}${call.to ? `${call.contract} ${call.to}: ` : ''}unknown function ${call.selector}`
    : `${indent}${bullet}${call.contract}${call.to ? ` (${call.to})` : ''}.${call.signature}${call.value ? ` value ${formatEther(call.value)} ETH` : ''}`;
  const lines = [head];
  for (const a of call.args) {
    const v =
      typeof a.value === 'string' && a.value.length > 140
        ? `${a.value.slice(0, 138)}… (${(a.value.length - 2) / 2} bytes)`
        : formatValue(a.value);
    lines.push(`${indent}    ${a.name} (${a.type}): ${v}`);
  }
  for (const c of call.inner ?? []) lines.push(formatCall(c, `${indent}    `, '↳ '));
  return lines.join('\n');
}
