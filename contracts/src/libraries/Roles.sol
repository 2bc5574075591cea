// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Roles
/// @notice The role identifiers of protocol §8. `DEFAULT_ADMIN_ROLE` (0x00) comes from AccessControl.
library Roles {
    /// @dev Standard timelock (48 h): `upgradeToAndCall` on every proxy.
    bytes32 internal constant UPGRADER_ROLE = keccak256("UPGRADER_ROLE");
    /// @dev Standard timelock: `VerifierRegistry.setVerifier`.
    bytes32 internal constant VERIFIER_ADMIN_ROLE = keccak256("VERIFIER_ADMIN_ROLE");
    /// @dev Standard timelock: register/deactivate policies.
    bytes32 internal constant POLICY_ADMIN_ROLE = keccak256("POLICY_ADMIN_ROLE");
    /// @dev Standard timelock: recover fee-pool and slashed ETH.
    bytes32 internal constant RECOVERY_ROLE = keccak256("RECOVERY_ROLE");
    /// @dev Safe (M-of-N): pause, remove relayer, deactivate policy or backend.
    bytes32 internal constant GUARDIAN_ROLE = keccak256("GUARDIAN_ROLE");
    /// @dev Emergency timelock (6 h): unpause.
    bytes32 internal constant UNPAUSER_ROLE = keccak256("UNPAUSER_ROLE");
    /// @dev Emergency timelock: add relayer, set quorum.
    bytes32 internal constant RELAYER_ADMIN_ROLE = keccak256("RELAYER_ADMIN_ROLE");
}
