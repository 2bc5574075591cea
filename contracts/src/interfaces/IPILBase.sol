// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IPILBase
/// @notice What every PIL contract exposes: the pause state (protocol §7) and the shared errors.
/// Every PIL contract also exposes OpenZeppelin's `hasRole(bytes32,address)(bool)`.
interface IPILBase {
    /// @dev A `whenNotPaused` entry point was called while the chain or this contract is paused.
    error EnforcedPause();
    /// @dev A required address argument is zero.
    error ZeroAddress();
    /// @dev A value that must be a BN254 field element (`< r`) is not.
    error NotAFieldElement(uint256 value);
    /// @dev The caller is not the contract allowed to call this function.
    error UnauthorizedCaller(address caller);

    /// @notice The orchestrator wrote this contract's effective pause state (chain or contract flag).
    event PauseSynced(bool paused);

    /// @notice True when the chain (orchestrator flag) or this contract is paused.
    function isPaused() external view returns (bool);

    /// @notice Called by the orchestrator only: mirrors this contract's effective pause state.
    function syncPause(bool paused) external;

    /// @notice The orchestrator holding this chain's pause flags.
    function orchestrator() external view returns (address);
}
