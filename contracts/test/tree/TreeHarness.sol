// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PoseidonT3} from "poseidon-solidity/PoseidonT3.sol";
import {CommitmentTree} from "../../src/libraries/CommitmentTree.sol";

/// @dev TEST HARNESS: exposes the library and lets a test put the tree at any size by seeding
/// side nodes, without inserting every leaf.
contract TreeHarness {
    using CommitmentTree for CommitmentTree.Tree;

    CommitmentTree.Tree internal tree;

    function insert(uint256 leaf) external returns (uint256 index, uint256 root) {
        return tree.insert(leaf);
    }

    /// @dev Puts the tree at `size` leaves with the given side nodes (only levels whose bit in
    /// `size` is one matter for the next inserts) and records `root` as the root at `size`.
    function seed(uint256 size_, uint256[20] calldata sideNodes, uint256 root) external {
        tree.size = size_;
        for (uint256 l = 0; l < 20; ++l) {
            tree.sideNodes[l] = sideNodes[l];
        }
        tree.roots[size_ % CommitmentTree.ROOT_HISTORY] = root;
    }

    function size() external view returns (uint256) {
        return tree.size;
    }

    function currentRoot() external view returns (uint256) {
        return tree.currentRoot();
    }

    function rootAt(uint256 s) external view returns (uint256) {
        return tree.rootAt(s);
    }

    function isKnownRoot(uint256 root, uint256 s) external view returns (bool) {
        return tree.isKnownRoot(root, s);
    }
}

/// @dev TEST REFERENCE: the protocol §3 definition computed from all leaves, level by level:
/// a parent is Poseidon_2(left, right) when the right child exists, else the left child.
library ReferenceLeanIMT {
    function root(uint256[] memory leaves) internal pure returns (uint256) {
        uint256 n = leaves.length;
        if (n == 0) return 0;
        uint256[] memory level = new uint256[](n);
        for (uint256 i = 0; i < n; ++i) {
            level[i] = leaves[i];
        }
        while (n > 1) {
            uint256 m = (n + 1) / 2;
            for (uint256 i = 0; i < m; ++i) {
                level[i] = 2 * i + 1 < n ? PoseidonT3.hash([level[2 * i], level[2 * i + 1]]) : level[2 * i];
            }
            n = m;
        }
        return level[0];
    }
}
