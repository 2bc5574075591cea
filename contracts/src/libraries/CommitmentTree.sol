// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PoseidonT3} from "poseidon-solidity/PoseidonT3.sol";

/// @title CommitmentTree
/// @notice The append-only lean incremental Merkle tree (LeanIMT) of protocol §3 over
/// Poseidon_2, with capacity 2^20 and the last 128 roots kept in a ring buffer.
///
/// Tree shape (identical to LeanIMT): leaves sit at indices 0, 1, 2, ...; a parent is
/// `Poseidon_2(left, right)` when the right child exists and equals `left` otherwise; the root of
/// a one-leaf tree is the leaf, of the empty tree 0.
///
/// Storage, chosen for insert gas (docs/adr/0004-commitment-tree.md):
/// - `sideNodes[l]` holds the root of the most recently completed level-`l` subtree that is a
///   left child. An insert writes exactly one of them, at the level of the new leaf's lowest zero
///   bit, because that is the only subtree the insert completes. Nodes above it are partial and
///   are recomputed by the next insert, so they are never stored (LeanIMT stores them: up to 20
///   writes per insert). Reads happen only where the index has a one bit (a left sibling exists),
///   so an insert at index `i` costs `popcount(i)` hashes and reads and one side-node write.
/// - `roots[s % 128]` holds the root of the tree of size `s`, for the last 128 sizes. A spend
///   names its root together with that size, so the check is one storage read; no
///   root -> index mapping (a fresh 22,100-gas slot per insert) is kept.
/// - No leaf -> index mapping is kept (LeanIMT keeps one: 22,100 gas per insert); the index is
///   in the insertion event.
library CommitmentTree {
    /// @dev `MAX_DEPTH` of protocol §3: capacity 2^20 leaves.
    uint256 internal constant MAX_DEPTH = 20;
    /// @dev `ROOT_HISTORY` of protocol §3.
    uint256 internal constant ROOT_HISTORY = 128;
    /// @dev 2^MAX_DEPTH leaves.
    uint256 internal constant CAPACITY = 2 ** MAX_DEPTH;

    /// @dev The tree is full (2^20 leaves).
    error TreeFull();

    /// @custom:storage-location (inside the owning contract's ERC-7201 namespace)
    struct Tree {
        uint256 size;
        uint256[MAX_DEPTH] sideNodes;
        uint256[ROOT_HISTORY] roots;
    }

    /// @dev Appends `leaf` (a field element, checked by the caller) and returns its index and the new root.
    function insert(Tree storage self, uint256 leaf) internal returns (uint256 index, uint256 newRoot) {
        index = self.size;
        if (index >= CAPACITY) revert TreeFull();

        uint256 node = leaf;
        uint256 level;
        // 1. Trailing one bits: the new node is a right child with an existing left sibling, which
        //    is a completed subtree stored in sideNodes.
        while ((index >> level) & 1 == 1) {
            node = PoseidonT3.hash([self.sideNodes[level], node]);
            unchecked {
                ++level;
            }
        }
        // 2. The lowest zero bit: the subtree rooted here is now complete and a left child;
        //    store it for the inserts that will fill its right sibling. (At index 2^20 - 1 all
        //    twenty bits are one and the tree is full: nothing to store.)
        if (level < MAX_DEPTH) self.sideNodes[level] = node;
        // 3. Remaining levels up to the tree's depth, the bit length of `index`: hash with the
        //    stored left sibling where the bit is one; where it is zero the node has no right
        //    sibling yet and passes up unchanged.
        unchecked {
            ++level;
        }
        for (uint256 rest = index >> level; rest != 0; rest >>= 1) {
            if (rest & 1 == 1) node = PoseidonT3.hash([self.sideNodes[level], node]);
            unchecked {
                ++level;
            }
        }

        newRoot = node;
        unchecked {
            // index < 2^20: no overflow.
            uint256 size = index + 1;
            self.size = size;
            self.roots[size % ROOT_HISTORY] = newRoot;
        }
    }

    /// @dev The current root (0 for the empty tree).
    function currentRoot(Tree storage self) internal view returns (uint256) {
        return self.roots[self.size % ROOT_HISTORY];
    }

    /// @dev The root of the tree when it had `size_` leaves, if that is among the last 128 sizes
    /// (`size_ > 0`); 0 otherwise.
    function rootAt(Tree storage self, uint256 size_) internal view returns (uint256) {
        uint256 size = self.size;
        if (size_ == 0 || size_ > size || size - size_ >= ROOT_HISTORY) return 0;
        return self.roots[size_ % ROOT_HISTORY];
    }

    /// @dev Whether `root_` is the root of the tree at `size_` leaves and `size_` is among the
    /// last 128 sizes. The root of the empty tree (0) is never known: it has no members.
    function isKnownRoot(Tree storage self, uint256 root_, uint256 size_) internal view returns (bool) {
        return root_ != 0 && rootAt(self, size_) == root_;
    }
}
