// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Checkpoint} from "./PILTypes.sol";

/// @title IRelayerRegistry
/// @notice Relayer admission, stake with unbonding, slashing and the relayer-set epoch (protocol §6).
interface IRelayerRegistry {
    /// @notice A relayer's record.
    struct Relayer {
        bool admitted;
        uint64 unbondingReadyAt;
        uint256 bonded;
        uint256 unbonding;
    }

    /// @dev Already admitted.
    error AlreadyAdmitted(address relayer);
    /// @dev Not admitted.
    error NotAdmitted(address relayer);
    /// @dev Removing the relayer would leave fewer active relayers than the quorum.
    error WouldBreakQuorum(uint256 activeAfter, uint256 quorum);
    /// @dev The quorum is zero or above the active relayer count.
    error InvalidQuorum(uint256 quorum, uint256 activeCount);
    /// @dev A zero amount.
    error ZeroAmount();
    /// @dev More than the bonded stake.
    error InsufficientStake(uint256 requested, uint256 bonded);
    /// @dev The unbonding period has not passed.
    error StillUnbonding(uint64 readyAt);
    /// @dev Nothing to withdraw.
    error NothingToWithdraw();
    /// @dev The evidence does not prove misbehaviour.
    error InvalidEvidence();
    /// @dev The signer has nothing to slash.
    error NothingToSlash(address relayer);
    /// @dev This evidence was already used against this relayer.
    error EvidenceAlreadyUsed(bytes32 evidence);
    /// @dev An ETH transfer failed.
    error TransferFailed(address to, uint256 amount);
    /// @dev More than the slashed balance.
    error InsufficientSlashedBalance(uint256 requested, uint256 available);

    /// @notice A relayer was admitted.
    event RelayerAdded(address indexed relayer);
    /// @notice A relayer was removed by the guardian.
    event RelayerRemoved(address indexed relayer, address indexed account);
    /// @notice The active relayer set changed; votes of earlier epochs no longer count.
    event RelayerSetEpochChanged(uint256 indexed epoch, uint256 activeCount);
    /// @notice Stake was bonded.
    event Staked(address indexed relayer, uint256 amount, uint256 bonded);
    /// @notice Stake started unbonding.
    event UnstakeRequested(address indexed relayer, uint256 amount, uint64 readyAt);
    /// @notice Unbonded stake was withdrawn.
    event Withdrawn(address indexed relayer, uint256 amount);
    /// @notice A relayer was slashed: `amount` taken, `reward` paid to `reporter`.
    event RelayerSlashed(
        address indexed relayer, address indexed reporter, bytes32 indexed evidence, uint256 amount, uint256 reward
    );
    /// @notice The quorum changed.
    event QuorumSet(uint256 quorum);
    /// @notice The hub used for wrong-root evidence changed.
    event HubSet(address hub);
    /// @notice Governance recovered slashed ETH.
    event SlashedFundsRecovered(address indexed to, uint256 amount);

    /// @notice Admits a relayer. `RELAYER_ADMIN_ROLE` (6 h timelock); `whenNotPaused`.
    function addRelayer(address relayer) external;
    /// @notice Removes a relayer from the set (its stake stays, unbondable). `GUARDIAN_ROLE`;
    /// open while paused; refused if fewer active relayers than the quorum would remain.
    function removeRelayer(address relayer) external;
    /// @notice Sets the checkpoint quorum (1..activeCount). `RELAYER_ADMIN_ROLE`; `whenNotPaused`.
    function setQuorum(uint256 quorum) external;
    /// @notice Sets the local hub for wrong-root evidence. `DEFAULT_ADMIN_ROLE`.
    function setHub(address hub) external;
    /// @notice Bonds `msg.value` for the caller. `whenNotPaused`.
    function stake() external payable;
    /// @notice Moves `amount` from bonded to unbonding; withdrawable after the unbonding period.
    /// `whenNotPaused`.
    function requestUnstake(uint256 amount) external;
    /// @notice Withdraws the caller's unbonded stake once ready. `whenNotPaused` (stake stays
    /// slashable during an incident).
    function withdraw() external;
    /// @notice Slashes the signer of a checkpoint of this chain's outbox whose root differs from
    /// `hub.rootAt(count)`. Anyone; open while paused.
    function slashWrongCheckpoint(Checkpoint calldata checkpoint, bytes calldata signature) external;
    /// @notice Slashes a relayer that signed two roots for one `(srcChainId, srcHub, count)`.
    /// Anyone; open while paused.
    function slashEquivocation(
        Checkpoint calldata a,
        bytes calldata signatureA,
        Checkpoint calldata b,
        bytes calldata signatureB
    ) external;
    /// @notice Moves slashed ETH to `to`. `RECOVERY_ROLE`; open while paused.
    function recoverSlashed(address payable to, uint256 amount) external;

    /// @notice Admitted and bonded at least `minStake`.
    function isActive(address relayer) external view returns (bool);
    /// @notice The relayer record.
    function getRelayer(address relayer) external view returns (Relayer memory);
    /// @notice The relayer-set epoch.
    function epoch() external view returns (uint256);
    /// @notice The number of active relayers.
    function activeCount() external view returns (uint256);
    /// @notice Signatures needed to accept a checkpoint.
    function quorum() external view returns (uint256);
    /// @notice The minimum bonded stake of an active relayer.
    function minStake() external view returns (uint256);
    /// @notice Seconds between `requestUnstake` and `withdraw`.
    function unbondingPeriod() external view returns (uint64);
    /// @notice Slashed ETH held for governance.
    function slashedBalance() external view returns (uint256);
    /// @notice The local hub.
    function hub() external view returns (address);
    /// @notice Share of a slash paid to the reporter, in basis points (1000 = 10 %).
    function SLASH_REWARD_BPS() external view returns (uint256);
}
