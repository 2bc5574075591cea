/** The BN254 scalar field (protocol.md notation: `r`) and checks on its elements. */

/** BN254 scalar field order r. */
export const FIELD_MODULUS = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;

/** Thrown when a value is not a field element (or not in a narrower declared range). */
export class FieldRangeError extends Error {
  override readonly name = 'FieldRangeError';
}

/** Returns `value` if it lies in [0, r), throws FieldRangeError otherwise. */
export function assertField(value: bigint, what = 'value'): bigint {
  if (typeof value !== 'bigint') throw new FieldRangeError(`${what} must be a bigint`);
  if (value < 0n || value >= FIELD_MODULUS) throw new FieldRangeError(`${what} is not a field element: ${value}`);
  return value;
}

/** Returns `value` if it lies in [0, 2^bits), throws FieldRangeError otherwise. */
export function assertBits(value: bigint, bits: number, what = 'value'): bigint {
  if (typeof value !== 'bigint') throw new FieldRangeError(`${what} must be a bigint`);
  if (value < 0n || value >= 1n << BigInt(bits))
    throw new FieldRangeError(`${what} is not a ${bits}-bit integer: ${value}`);
  return value;
}

/** An integer reduced into the field, e.g. a keccak256 output (`uint256(h) mod r`). */
export function toField(value: bigint): bigint {
  const v = value % FIELD_MODULUS;
  return v < 0n ? v + FIELD_MODULUS : v;
}
