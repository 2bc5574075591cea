// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @dev TEST DOUBLE: a Groth16 verifier whose answer the test sets. Both snarkjs signatures
/// (3 and 7 public inputs). Never deployed outside forge tests.
contract MockGroth16Verifier {
    bool public result = true;
    uint256 public calls;

    function setResult(bool r) external {
        result = r;
    }

    function verifyProof(uint256[2] calldata, uint256[2][2] calldata, uint256[2] calldata, uint256[3] calldata)
        external
        view
        returns (bool)
    {
        return result;
    }

    function verifyProof(uint256[2] calldata, uint256[2][2] calldata, uint256[2] calldata, uint256[7] calldata)
        external
        view
        returns (bool)
    {
        return result;
    }
}

/// @dev TEST DOUBLE: accepts only proofs whose `a[0]` equals `magic`, so tests can make a proof
/// valid under one key and not another.
contract KeyedMockVerifier {
    uint256 public immutable magic;

    constructor(uint256 magic_) {
        magic = magic_;
    }

    function verifyProof(uint256[2] calldata a, uint256[2][2] calldata, uint256[2] calldata, uint256[3] calldata)
        external
        view
        returns (bool)
    {
        return a[0] == magic;
    }

    function verifyProof(uint256[2] calldata a, uint256[2][2] calldata, uint256[2] calldata, uint256[7] calldata)
        external
        view
        returns (bool)
    {
        return a[0] == magic;
    }
}
