// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Groth16Proof, SpendArgs} from "./PILTypes.sol";

/// @title IPILv2Orchestrator
/// @notice The chain's pause flags and the one-call coordinated transition (protocol §5, §7).
interface IPILv2Orchestrator {
    /// @notice The addresses of this chain's PIL contracts, for discovery and for `transition`.
    struct Components {
        address container;
        address policies;
        address stateCommitments;
        address nullifiers;
        address verifierRegistry;
        address hub;
        address relayerRegistry;
    }

    /// @dev `transition` was called before `setComponents`.
    error ComponentsNotSet();
    /// @dev `pauseContract`/`unpauseContract` named an address that is not a component of this chain.
    error UnknownComponent(address target);
    /// @dev ETH was sent with a local transition (only exports carry a fee).
    error UnexpectedValue();
    /// @dev Passing back the refunded fee of an export rejected under a retired key failed.
    error RefundFailed(address to, uint256 amount);

    /// @notice The chain-wide flag was set (`pause()` or `pauseAll()`).
    event ChainPaused(address indexed account);
    /// @notice The chain-wide flag was cleared.
    event ChainUnpaused(address indexed account);
    /// @notice The per-contract flag of `target` was set.
    event ContractPaused(address indexed target, address indexed account);
    /// @notice The per-contract flag of `target` was cleared.
    event ContractUnpaused(address indexed target, address indexed account);
    /// @notice The component addresses changed.
    event ComponentsSet(Components components);
    /// @notice A component's pause mirror could not be written (it stays as it was): investigate it.
    event PauseSyncFailed(address indexed target);
    /// @notice A coordinated transition was executed (the container emits the detailed event).
    event TransitionExecuted(uint256 indexed nullifier, uint256 indexed dstChainId, address indexed caller);

    /// @notice Sets the chain-wide pause flag. `GUARDIAN_ROLE`.
    function pause() external;
    /// @notice Same as {pause} (the runbook's name). `GUARDIAN_ROLE`.
    function pauseAll() external;
    /// @notice Pauses one contract. `GUARDIAN_ROLE`.
    function pauseContract(address target) external;
    /// @notice Clears the chain-wide flag. `UNPAUSER_ROLE`; open while paused.
    function unpause() external;
    /// @notice Clears the per-contract flag of `target`. `UNPAUSER_ROLE`; open while paused.
    function unpauseContract(address target) external;
    /// @notice True when the chain-wide flag or `target`'s flag is set.
    function isPausedFor(address target) external view returns (bool);
    /// @notice The chain-wide flag alone.
    function chainPaused() external view returns (bool);
    /// @notice `target`'s own flag alone.
    function contractPaused(address target) external view returns (bool);

    /// @notice Records the component addresses. `DEFAULT_ADMIN_ROLE`.
    function setComponents(Components calldata components) external;
    /// @notice The component addresses.
    function components() external view returns (Components memory);

    /// @notice The coordinated transition in one call: verifies the spend proof, checks the policy,
    /// consumes the nullifier, and either inserts the new note here (`dstChainId == block.chainid`;
    /// registered in EASC as pending under an attested policy) or appends the message to the
    /// hub's outbox (any other chain; `msg.value` is the relayer fee).
    function transition(
        Groth16Proof calldata proof,
        SpendArgs calldata args,
        uint256 dstChainId,
        bytes calldata ciphertext
    ) external payable;
}
