// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Groth16Proof} from "./PILTypes.sol";

/// @title IVerifierRegistry
/// @notice circuit id -> (verifier, vkHash), with retired keys kept (protocol §5).
interface IVerifierRegistry {
    /// @notice A verifier entry. `publicInputs` is 3 (`ICreateVerifier`) or 7 (`ISpendVerifier`).
    struct VerifierEntry {
        address verifier;
        uint8 publicInputs;
        bytes32 vkHash;
    }

    /// @dev The proof verifies under neither the current nor a retired key (or the verifier call failed).
    error InvalidProof();
    /// @dev No verifier is registered for `circuitId`.
    error UnknownCircuit(bytes32 circuitId);
    /// @dev The number of public inputs does not match the circuit's.
    error PublicInputCountMismatch(bytes32 circuitId, uint256 expected, uint256 given);
    /// @dev Only 3 and 7 public inputs are supported (the two PIL circuits).
    error UnsupportedPublicInputCount(uint256 count);
    /// @dev The verifier address has no code.
    error VerifierHasNoCode(address verifier);
    /// @dev The circuit's public-input count cannot change on rotation.
    error PublicInputCountChanged(bytes32 circuitId, uint256 previous, uint256 given);

    /// @notice `circuitId` now verifies with `verifier` (key `vkHash`).
    event VerifierSet(bytes32 indexed circuitId, address indexed verifier, bytes32 vkHash, uint8 publicInputs);
    /// @notice The previous verifier of `circuitId` was retired.
    event VerifierRetired(bytes32 indexed circuitId, address indexed verifier, bytes32 vkHash);
    /// @notice A proof failed under the current key but verified under the retired key `retiredVkHash`;
    /// the calling operation returned without any state change.
    event RetiredKeyProofRejected(bytes32 indexed circuitId, bytes32 retiredVkHash);

    /// @notice Sets (or rotates) the verifier of `circuitId`; the previous one is kept as retired.
    /// `VERIFIER_ADMIN_ROLE` (48 h timelock); open while paused.
    function setVerifier(bytes32 circuitId, address verifier, bytes32 vkHash, uint8 publicInputs) external;

    /// @notice Verifies `proof` for `circuitId`. Returns true when it verifies under the current
    /// key; returns false after emitting {RetiredKeyProofRejected} when it verifies only under a
    /// retired key (the caller must then return without changing state); reverts
    /// {InvalidProof} otherwise. Changes no storage.
    function verifyProof(bytes32 circuitId, Groth16Proof calldata proof, uint256[] calldata publicInputs)
        external
        returns (bool);

    /// @notice The current verifier of `circuitId` (zero entry if unknown).
    function verifierOf(bytes32 circuitId) external view returns (VerifierEntry memory);
    /// @notice How many retired verifiers `circuitId` has.
    function retiredCount(bytes32 circuitId) external view returns (uint256);
    /// @notice The `i`-th retired verifier of `circuitId` (oldest first).
    function retiredAt(bytes32 circuitId, uint256 i) external view returns (VerifierEntry memory);
}
