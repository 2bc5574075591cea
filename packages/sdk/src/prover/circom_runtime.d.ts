// circom_runtime (a snarkjs dependency) ships no types; only what the prover uses.
declare module 'circom_runtime' {
  export interface WitnessCalculator {
    /** The witness in snarkjs' .wtns binary format; `sanityCheck` 0 skips the extra checks. */
    calculateWTNSBin(input: Record<string, unknown>, sanityCheck: 0 | 1): Promise<Uint8Array>;
  }
  export function WitnessCalculatorBuilder(
    code: Uint8Array,
    options?: Record<string, unknown>,
  ): Promise<WitnessCalculator>;
}
