// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Policy} from "./PILTypes.sol";

/// @title IPolicyBoundProofs
/// @notice Disclosure policies: `policyHash -> (createCircuitId, spendCircuitId, attestationQuorum, active)`
/// (protocol §5). Policies name circuit ids, never raw keys.
interface IPolicyBoundProofs {
    /// @dev The policy is unknown or deactivated.
    error PolicyInactive(uint256 policyHash);
    /// @dev A policy with this hash is already registered.
    error PolicyAlreadyRegistered(uint256 policyHash);
    /// @dev The policy is not registered.
    error PolicyNotRegistered(uint256 policyHash);
    /// @dev A circuit id is zero.
    error InvalidCircuitId();

    /// @notice A policy was registered (active).
    event PolicyRegistered(
        uint256 indexed policyHash, bytes32 createCircuitId, bytes32 spendCircuitId, uint16 attestationQuorum
    );
    /// @notice A policy was deactivated.
    event PolicyDeactivated(uint256 indexed policyHash, address indexed account);
    /// @notice A deactivated policy was activated again.
    event PolicyReactivated(uint256 indexed policyHash, address indexed account);

    /// @notice Registers an active policy. `POLICY_ADMIN_ROLE`; `whenNotPaused`.
    function registerPolicy(
        uint256 policyHash,
        bytes32 createCircuitId,
        bytes32 spendCircuitId,
        uint16 attestationQuorum
    ) external;
    /// @notice Deactivates a policy. `POLICY_ADMIN_ROLE` or `GUARDIAN_ROLE`; open while paused.
    function deactivatePolicy(uint256 policyHash) external;
    /// @notice Activates a deactivated policy again. `POLICY_ADMIN_ROLE`; `whenNotPaused`.
    function reactivatePolicy(uint256 policyHash) external;

    /// @notice The policy (all zero if unknown).
    function getPolicy(uint256 policyHash) external view returns (Policy memory);
    /// @notice The policy; reverts {PolicyInactive} when unknown or inactive.
    function activePolicy(uint256 policyHash) external view returns (Policy memory);
    /// @notice The circuit a proof under an active policy must verify against (the spend circuit
    /// when `spend`, else the create circuit) and the policy's attestation quorum; reverts
    /// {PolicyInactive} when unknown or inactive. Reads two slots instead of three (hot path).
    function activeCircuit(uint256 policyHash, bool spend)
        external
        view
        returns (bytes32 circuitId, uint16 attestationQuorum);
    /// @notice Whether the policy is registered and active.
    function isActive(uint256 policyHash) external view returns (bool);
}
