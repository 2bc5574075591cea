// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {IPILBase} from "../interfaces/IPILBase.sol";
import {IPILv2Orchestrator} from "../interfaces/IPILv2Orchestrator.sol";
import {Roles} from "../libraries/Roles.sol";

/// @title PILBase
/// @notice The base of every PIL contract: UUPS upgrades by `UPGRADER_ROLE`, roles, and the pause
/// state mirrored from the chain's orchestrator (protocol §7).
/// @dev The orchestrator holds the flags (chain-wide and per contract) and writes each
/// component's effective state here in the same transaction ({syncPause}). Reading a local
/// mirror packed with the orchestrator address costs one SLOAD instead of a call into the
/// orchestrator's proxy (about 5,500 gas less on every entry point). Entry points that §7 keeps
/// open while paused simply do not use {whenNotPaused}.
abstract contract PILBase is Initializable, AccessControlUpgradeable, UUPSUpgradeable, IPILBase {
    /// @custom:storage-location erc7201:pil.storage.PILBase
    struct PILBaseStorage {
        IPILv2Orchestrator orchestrator;
        bool paused;
    }

    // keccak256(abi.encode(uint256(keccak256("pil.storage.PILBase")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant PIL_BASE_STORAGE_LOCATION =
        0xa0496a36dd581f37d4d1596f004c244e58e3e31f220e90796814a3bedc052200;

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    /// @dev Reverts {EnforcedPause} while the chain or this contract is paused.
    modifier whenNotPaused() {
        if (isPaused()) revert EnforcedPause();
        _;
    }

    /// @dev Grants `DEFAULT_ADMIN_ROLE` to `admin` and records the orchestrator. `orchestrator_`
    /// may be zero only for the orchestrator itself (which overrides {isPaused}).
    function __PILBase_init(address admin, address orchestrator_) internal onlyInitializing {
        if (admin == address(0)) revert ZeroAddress();
        __AccessControl_init();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _getPILBaseStorage().orchestrator = IPILv2Orchestrator(orchestrator_);
    }

    /// @inheritdoc IPILBase
    function isPaused() public view virtual returns (bool) {
        return _getPILBaseStorage().paused;
    }

    /// @inheritdoc IPILBase
    function syncPause(bool paused) external virtual {
        PILBaseStorage storage $ = _getPILBaseStorage();
        if (_msgSender() != address($.orchestrator)) revert UnauthorizedCaller(_msgSender());
        $.paused = paused;
        emit PauseSynced(paused);
    }

    /// @inheritdoc IPILBase
    function orchestrator() public view virtual returns (address) {
        return address(_getPILBaseStorage().orchestrator);
    }

    /// @dev Upgrades only by `UPGRADER_ROLE` (the standard timelock); open while paused.
    function _authorizeUpgrade(address) internal virtual override onlyRole(Roles.UPGRADER_ROLE) {}

    /// @dev Reverts {ZeroAddress} when `a` is zero.
    function _requireNonZero(address a) internal pure {
        if (a == address(0)) revert ZeroAddress();
    }

    function _getPILBaseStorage() private pure returns (PILBaseStorage storage $) {
        assembly {
            $.slot := PIL_BASE_STORAGE_LOCATION
        }
    }
}
