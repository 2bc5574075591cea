// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice A Groth16 proof in the layout of snarkjs' Solidity verifiers
/// (`pB` is already in the EVM's [x1, x0] order, as `snarkjs zkey export soliditycalldata` prints it).
struct Groth16Proof {
    uint256[2] a;
    uint256[2][2] b;
    uint256[2] c;
}

/// @notice The caller-supplied public inputs of a `container_spend` proof (protocol §4).
/// The contract completes the rest itself: `srcDomain` is this chain's domain, `dstDomain`
/// this chain's (consume) or the destination's (export), and `dstPayloadHash` is recomputed
/// from the ciphertext. `rootSize` names which of the last 128 roots `root` is: the tree
/// size at which it was the root (protocol §3).
struct SpendArgs {
    uint256 root;
    uint64 rootSize;
    uint256 nullifier;
    uint256 dstCommitment;
    uint256 policyHash;
}

/// @notice A disclosure policy (protocol §5, PolicyBoundProofs).
struct Policy {
    bytes32 createCircuitId;
    bytes32 spendCircuitId;
    uint16 attestationQuorum;
    bool active;
    bool registered;
}

/// @notice A cross-chain message: one leaf of the source hub's outbox (protocol §6).
struct Message {
    uint256 srcChainId;
    address srcHub;
    uint64 index;
    uint256 dstChainId;
    address dstHub;
    uint256 commitment;
    uint256 payloadHash;
    uint256 policyHash;
    uint256 fee;
}

/// @notice A relayer-signed checkpoint of a source hub's outbox (protocol §6).
struct Checkpoint {
    uint256 srcChainId;
    address srcHub;
    uint64 count;
    bytes32 root;
}
