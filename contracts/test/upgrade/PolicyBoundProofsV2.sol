// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PolicyBoundProofs} from "../../src/core/PolicyBoundProofs.sol";

/// @title PolicyBoundProofsV2
/// @notice A storage-compatible V2 used by the `pil upgrade` tests (UP-001): it appends its own
/// ERC-7201 namespace with one field and bumps `version()`; the V1 layout is untouched.
contract PolicyBoundProofsV2 is PolicyBoundProofs {
    /// @custom:storage-location erc7201:pil.storage.PolicyBoundProofsV2
    struct PolicyBoundProofsV2Storage {
        uint256 upgradeNote;
    }

    // keccak256(abi.encode(uint256(keccak256("pil.storage.PolicyBoundProofsV2")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant V2_STORAGE_LOCATION = 0x92bfe6e6a57c63f00b058a74600aedb7de4cf774204dbe6e6de8569d71b77200;

    function version() external pure returns (uint256) {
        return 2;
    }

    function upgradeNote() external view returns (uint256) {
        return _getV2Storage().upgradeNote;
    }

    function _getV2Storage() private pure returns (PolicyBoundProofsV2Storage storage $) {
        assembly {
            $.slot := V2_STORAGE_LOCATION
        }
    }
}
