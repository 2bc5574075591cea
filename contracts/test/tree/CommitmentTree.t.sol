// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {PoseidonT3} from "poseidon-solidity/PoseidonT3.sol";
import {CommitmentTree} from "../../src/libraries/CommitmentTree.sol";
import {Field} from "../../src/libraries/Field.sol";
import {TreeHarness, ReferenceLeanIMT} from "./TreeHarness.sol";

contract CommitmentTreeTest is Test {
    TreeHarness internal h;

    function setUp() public {
        h = new TreeHarness();
    }

    function test_emptyTree() public view {
        assertEq(h.currentRoot(), 0);
        assertEq(h.size(), 0);
        assertFalse(h.isKnownRoot(0, 0));
    }

    function test_oneLeafRootIsLeaf() public {
        (uint256 i, uint256 r) = h.insert(42);
        assertEq(i, 0);
        assertEq(r, 42);
        assertTrue(h.isKnownRoot(42, 1));
    }

    function test_threeLeaves() public {
        h.insert(1);
        h.insert(2);
        (, uint256 r) = h.insert(3);
        assertEq(r, PoseidonT3.hash([PoseidonT3.hash([uint256(1), 2]), 3]));
    }

    /// @dev The tree vectors of docs/spec/vectors.json: every intermediate root and the final root.
    function test_specVectors() public {
        string memory json = vm.readFile("../docs/spec/vectors.json");
        uint256[] memory leaves = vm.parseJsonUintArray(json, ".tree.leaves");
        uint256[] memory roots = vm.parseJsonUintArray(json, ".tree.roots");
        assertEq(vm.parseJsonUint(json, ".tree.emptyRoot"), h.currentRoot());
        for (uint256 i = 0; i < leaves.length; ++i) {
            (, uint256 r) = h.insert(leaves[i]);
            assertEq(r, roots[i], "root after insert");
        }
        assertEq(h.currentRoot(), vm.parseJsonUint(json, ".tree.root"));
    }

    /// @dev On-chain roots equal the reference computed from all leaves, after every insert.
    function testFuzz_matchesReference(uint256 seed, uint8 count) public {
        uint256 n = bound(count, 1, 40);
        uint256[] memory leaves = new uint256[](n);
        for (uint256 i = 0; i < n; ++i) {
            leaves[i] = uint256(keccak256(abi.encode(seed, i))) % Field.R;
            (uint256 idx, uint256 r) = h.insert(leaves[i]);
            assertEq(idx, i);
            uint256[] memory prefix = new uint256[](i + 1);
            for (uint256 j = 0; j <= i; ++j) {
                prefix[j] = leaves[j];
            }
            assertEq(r, ReferenceLeanIMT.root(prefix), "root != reference");
            assertEq(h.currentRoot(), r);
        }
    }

    function test_rootHistoryKeepsLast128() public {
        uint256[] memory roots = new uint256[](200);
        for (uint256 i = 0; i < 200; ++i) {
            (, roots[i]) = h.insert(i + 1);
        }
        // size s has root roots[s-1]
        for (uint256 s = 1; s <= 200; ++s) {
            bool known = h.isKnownRoot(roots[s - 1], s);
            assertEq(known, 200 - s < 128, "window");
        }
        assertFalse(h.isKnownRoot(roots[199], 199), "root under the wrong size");
        assertFalse(h.isKnownRoot(roots[199], 201), "future size");
    }

    /// @dev Seeding the side nodes of a full-at-2^k prefix reproduces the real tree's next roots.
    function testFuzz_seededEqualsInserted(uint256 seed) public {
        uint256 n = 37;
        TreeHarness real = new TreeHarness();
        uint256[20] memory sides;
        uint256 root;
        uint256[] memory leaves = new uint256[](n + 3);
        for (uint256 i = 0; i < n + 3; ++i) {
            leaves[i] = uint256(keccak256(abi.encode(seed, i))) % Field.R;
        }
        for (uint256 i = 0; i < n; ++i) {
            (, root) = real.insert(leaves[i]);
        }
        // Side nodes at the one bits of n are the completed left subtrees: compute them by reference.
        for (uint256 l = 0; l < 20; ++l) {
            if ((n >> l) & 1 == 1) {
                uint256 start = (n >> (l + 1)) << (l + 1);
                uint256[] memory sub = new uint256[](1 << l);
                for (uint256 j = 0; j < sub.length; ++j) {
                    sub[j] = leaves[start + j];
                }
                sides[l] = ReferenceLeanIMT.root(sub);
            }
        }
        h.seed(n, sides, root);
        for (uint256 i = n; i < n + 3; ++i) {
            (, uint256 a) = real.insert(leaves[i]);
            (, uint256 b) = h.insert(leaves[i]);
            assertEq(a, b);
        }
    }

    function test_fullTreeRefuses() public {
        uint256[20] memory sides;
        h.seed(CommitmentTree.CAPACITY - 1, sides, 1);
        h.insert(5); // last index: no side node to store
        assertEq(h.size(), CommitmentTree.CAPACITY);
        vm.expectRevert(CommitmentTree.TreeFull.selector);
        h.insert(6);
    }
}
