// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ICreateVerifier
/// @notice The snarkjs-generated Groth16 verifier of `container_create`:
/// public inputs `[commitment, policyHash, payloadHash]`.
interface ICreateVerifier {
    /// @notice True iff the proof verifies (snarkjs returns false, never reverts, on a bad proof).
    function verifyProof(
        uint256[2] calldata pA,
        uint256[2][2] calldata pB,
        uint256[2] calldata pC,
        uint256[3] calldata pubSignals
    ) external view returns (bool);
}

/// @title ISpendVerifier
/// @notice The snarkjs-generated Groth16 verifier of `container_spend`:
/// public inputs `[root, nullifier, srcDomain, dstDomain, dstCommitment, policyHash, dstPayloadHash]`.
interface ISpendVerifier {
    /// @notice True iff the proof verifies (snarkjs returns false, never reverts, on a bad proof).
    function verifyProof(
        uint256[2] calldata pA,
        uint256[2][2] calldata pB,
        uint256[2] calldata pC,
        uint256[7] calldata pubSignals
    ) external view returns (bool);
}
