// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {MessageHashUtils} from "@openzeppelin/contracts/utils/cryptography/MessageHashUtils.sol";
import {Checkpoint, Message} from "../interfaces/PILTypes.sol";

/// @title CheckpointHash
/// @notice EIP-712 digest of an outbox checkpoint and the outbox leaf/id of a message (protocol §6).
/// @dev The checkpoint domain is `{name: "PIL Checkpoint", version: "1"}` with neither `chainId`
/// nor `verifyingContract`: the struct names its source, and a signature must be checkable on
/// every chain (slashing for equivocation works anywhere).
library CheckpointHash {
    bytes32 internal constant DOMAIN_TYPEHASH = keccak256("EIP712Domain(string name,string version)");
    bytes32 internal constant CHECKPOINT_TYPEHASH =
        keccak256("Checkpoint(uint256 srcChainId,address srcHub,uint64 count,bytes32 root)");
    bytes32 internal constant DOMAIN_SEPARATOR =
        keccak256(abi.encode(DOMAIN_TYPEHASH, keccak256("PIL Checkpoint"), keccak256("1")));

    /// @dev The EIP-712 digest a relayer signs for `cp`.
    function digest(Checkpoint memory cp) internal pure returns (bytes32) {
        bytes32 structHash = keccak256(abi.encode(CHECKPOINT_TYPEHASH, cp.srcChainId, cp.srcHub, cp.count, cp.root));
        return MessageHashUtils.toTypedDataHash(DOMAIN_SEPARATOR, structHash);
    }

    /// @dev `keccak256(abi.encode(srcChainId, srcHub, index))`.
    function messageId(uint256 srcChainId, address srcHub, uint64 index) internal pure returns (bytes32) {
        return keccak256(abi.encode(srcChainId, srcHub, index));
    }

    /// @dev The outbox leaf: `keccak256(bytes.concat(keccak256(abi.encode(message))))`.
    function leaf(Message memory message) internal pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(message))));
    }
}
