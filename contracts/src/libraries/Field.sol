// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Field
/// @notice BN254 scalar-field helpers and the protocol's derived identifiers (protocol §2).
library Field {
    /// @dev The BN254 scalar field order `r`.
    uint256 internal constant R = 21888242871839275222246405745257275088548364400416034343698204186575808495617;

    /// @dev `appId` of this deployment: `keccak256("PIL.v2")`.
    bytes32 internal constant APP_ID = keccak256("PIL.v2");

    /// @dev `uint256(keccak256(ciphertext)) mod r`.
    function payloadHash(bytes calldata ciphertext) internal pure returns (uint256) {
        return uint256(keccak256(ciphertext)) % R;
    }

    /// @dev `uint256(keccak256(abi.encode(chainId, appId))) mod r`.
    function domainId(uint256 chainId, bytes32 appId) internal pure returns (uint256) {
        return uint256(keccak256(abi.encode(chainId, appId))) % R;
    }

    /// @dev The domain of this chain for this deployment, always from `block.chainid`.
    function localDomainId() internal view returns (uint256) {
        return domainId(block.chainid, APP_ID);
    }
}
