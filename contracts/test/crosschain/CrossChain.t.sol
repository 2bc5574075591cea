// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Hashes} from "@openzeppelin/contracts/utils/cryptography/Hashes.sol";
import {PILTestBase} from "../utils/PILTestBase.sol";
import {IPILBase} from "../../src/interfaces/IPILBase.sol";
import {ICrossChainProofHub} from "../../src/interfaces/ICrossChainProofHub.sol";
import {IRelayerRegistry} from "../../src/interfaces/IRelayerRegistry.sol";
import {ICrossDomainNullifierAlgebra} from "../../src/interfaces/ICrossDomainNullifierAlgebra.sol";
import {Checkpoint, Message} from "../../src/interfaces/PILTypes.sol";
import {CheckpointHash} from "../../src/libraries/CheckpointHash.sol";
import {Field} from "../../src/libraries/Field.sol";

/// @dev Builds a small source outbox (depth 20, commutative keccak, zero leaf 0) off-chain.
library OutboxModel {
    function root2(bytes32 l0, bytes32 l1) internal pure returns (bytes32 r, bytes32[] memory proof0, bytes32[] memory proof1) {
        proof0 = new bytes32[](20);
        proof1 = new bytes32[](20);
        proof0[0] = l1;
        proof1[0] = l0;
        r = Hashes.commutativeKeccak256(l0, l1);
        bytes32 z = Hashes.commutativeKeccak256(bytes32(0), bytes32(0));
        for (uint256 i = 1; i < 20; ++i) {
            proof0[i] = z;
            proof1[i] = z;
            r = Hashes.commutativeKeccak256(r, z);
            z = Hashes.commutativeKeccak256(z, z);
        }
    }
}

contract CrossChainTest is PILTestBase {
    uint256 internal constant SRC = 999;
    address internal srcHub = makeAddr("srcHub");
    address[3] internal rel;
    uint256[3] internal keys;
    Message internal m0;
    Message internal m1;
    bytes32 internal root;
    bytes32[] internal proof0;
    bytes32[] internal proof1;

    function setUp() public {
        _deployWithMocks();
        vm.prank(admin);
        hub.setRemoteHub(SRC, srcHub);
        for (uint256 i = 0; i < 3; ++i) {
            (rel[i], keys[i]) = makeAddrAndKey(string.concat("relayer", vm.toString(i)));
            vm.prank(relayerAdmin);
            relayers.addRelayer(rel[i]);
            vm.deal(rel[i], 10 ether);
            vm.prank(rel[i]);
            relayers.stake{value: MIN_STAKE}();
        }
        vm.prank(relayerAdmin);
        relayers.setQuorum(2);
        m0 = _msg(0, 11, "ct0", 0.1 ether);
        m1 = _msg(1, 12, "ct1", 0);
        (root, proof0, proof1) = OutboxModel.root2(CheckpointHash.leaf(m0), CheckpointHash.leaf(m1));
    }

    function _msg(uint64 index, uint256 commitment, bytes memory ct, uint256 fee) internal view returns (Message memory) {
        return Message({
            srcChainId: SRC,
            srcHub: srcHub,
            index: index,
            dstChainId: block.chainid,
            dstHub: address(hub),
            commitment: commitment,
            payloadHash: uint256(keccak256(ct)) % Field.R,
            policyHash: POLICY,
            fee: fee
        });
    }

    function _sig(uint256 key, Checkpoint memory cp) internal pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, CheckpointHash.digest(cp));
        return abi.encodePacked(r, s, v);
    }

    function _cp(bytes32 r) internal view returns (Checkpoint memory) {
        return Checkpoint({srcChainId: SRC, srcHub: srcHub, count: 2, root: r});
    }

    function _submit(uint256 i, Checkpoint memory cp) internal {
        bytes[] memory sigs = new bytes[](1);
        sigs[0] = _sig(keys[i], cp);
        hub.submitCheckpoint(cp, sigs);
    }

    function test_checkpointDigestMatchesSpecVector() public view {
        string memory v = vm.readFile("../docs/spec/vectors.json");
        Checkpoint memory cp = Checkpoint({
            srcChainId: vm.parseJsonUint(v, ".checkpoint.message.srcChainId"),
            srcHub: vm.parseJsonAddress(v, ".checkpoint.message.srcHub"),
            count: uint64(vm.parseJsonUint(v, ".checkpoint.message.count")),
            root: vm.parseJsonBytes32(v, ".checkpoint.message.root")
        });
        assertEq(CheckpointHash.digest(cp), vm.parseJsonBytes32(v, ".checkpoint.digest"));
        assertEq(vm.parseJsonBytes32(v, ".outbox.root"), _specOutboxRoot(v));
        Message memory m = abi.decode(vm.parseJsonBytes(v, ".messages[0].encoded"), (Message));
        assertEq(CheckpointHash.leaf(m), vm.parseJsonBytes32(v, ".messages[0].leaf"));
        assertEq(CheckpointHash.messageId(m.srcChainId, m.srcHub, m.index), vm.parseJsonBytes32(v, ".messages[0].messageId"));
    }

    function _specOutboxRoot(string memory v) internal pure returns (bytes32 r) {
        bytes32[] memory leaves = vm.parseJsonBytes32Array(v, ".outbox.leaves");
        (r,,) = OutboxModel.root2(leaves[0], leaves[1]);
    }

    function test_quorumAcceptsAndImportPaysFee() public {
        Checkpoint memory cp = _cp(root);
        _submit(0, cp);
        assertFalse(hub.isAcceptedRoot(SRC, srcHub, root));
        _submit(0, cp); // same signer again: counted once
        assertEq(hub.checkpointVotes(cp), 1);
        _submit(1, cp);
        assertTrue(hub.isAcceptedRoot(SRC, srcHub, root));
        assertEq(hub.acceptedRootAt(SRC, srcHub, 2), root);

        hub.fundFeePool{value: 1 ether}();
        Message memory m = m0;
        vm.prank(rel[2]);
        hub.importMessage(m, "ct0", proof0, root);
        assertEq(rel[2].balance, 9 ether + 0.1 ether);
        assertEq(pc3.treeSize(), 1);
        assertEq(pc3.currentRoot(), 11);

        vm.expectRevert();
        hub.importMessage(m, "ct0", proof0, root);
    }

    function test_epochChangeDropsVotes_removedRelayerStopsCounting() public {
        Checkpoint memory cp = _cp(root);
        _submit(0, cp);
        vm.prank(guardian);
        relayers.removeRelayer(rel[0]);
        assertEq(hub.checkpointVotes(cp), 0, "votes of the earlier epoch no longer count");
        bytes[] memory sigs = new bytes[](1);
        sigs[0] = _sig(keys[0], cp);
        vm.expectRevert(abi.encodeWithSelector(ICrossChainProofHub.SignerNotActive.selector, rel[0]));
        hub.submitCheckpoint(cp, sigs);
        _submit(1, cp);
        assertFalse(hub.isAcceptedRoot(SRC, srcHub, root));
        _submit(2, cp);
        assertTrue(hub.isAcceptedRoot(SRC, srcHub, root));
    }

    function test_importChecks() public {
        Message memory m = m0;
        vm.expectRevert(abi.encodeWithSelector(ICrossChainProofHub.RootNotAccepted.selector, SRC, srcHub, root));
        hub.importMessage(m, "ct0", proof0, root);
        _submit(0, _cp(root));
        _submit(1, _cp(root));
        vm.expectRevert(ICrossChainProofHub.InvalidInclusionProof.selector);
        hub.importMessage(m, "ct0", proof1, root);
        vm.expectRevert(
            abi.encodeWithSelector(
                ICrossChainProofHub.PayloadHashMismatch.selector, m.payloadHash, uint256(keccak256("other")) % Field.R
            )
        );
        hub.importMessage(m, "other", proof0, root);
        Message memory wrong = m;
        wrong.dstHub = address(1);
        vm.expectRevert(abi.encodeWithSelector(ICrossChainProofHub.WrongDestination.selector, block.chainid, address(1)));
        hub.importMessage(wrong, "ct0", proof0, root);
    }

    function test_feeOwedWhenPoolShort_thenClaimed() public {
        _submit(0, _cp(root));
        _submit(1, _cp(root));
        Message memory m = m0;
        vm.prank(rel[2]);
        hub.importMessage(m, "ct0", proof0, root);
        assertEq(hub.owedFees(rel[2]), 0.1 ether);
        hub.fundFeePool{value: 1 ether}();
        vm.prank(rel[2]);
        hub.claimOwedFees();
        assertEq(hub.owedFees(rel[2]), 0);
        assertEq(hub.feePool(), 0.9 ether);
    }

    function test_recoverFunds_openWhilePaused() public {
        hub.fundFeePool{value: 1 ether}();
        _pause();
        vm.prank(recovery);
        hub.recoverFunds(payable(stranger), 0.4 ether);
        assertEq(stranger.balance, 0.4 ether);
        vm.prank(recovery);
        vm.expectRevert(abi.encodeWithSelector(ICrossChainProofHub.InsufficientPool.selector, 1 ether, 0.6 ether));
        hub.recoverFunds(payable(stranger), 1 ether);
    }

    function test_unknownSourceRefused() public {
        Checkpoint memory cp = Checkpoint({srcChainId: 5, srcHub: srcHub, count: 1, root: root});
        bytes[] memory sigs = new bytes[](0);
        vm.expectRevert(abi.encodeWithSelector(ICrossChainProofHub.UnknownSource.selector, 5, srcHub));
        hub.submitCheckpoint(cp, sigs);
    }

    // ---------------- RelayerRegistry ----------------

    function test_stakeUnbondWithdraw() public {
        vm.startPrank(rel[0]);
        relayers.stake{value: 1 ether}();
        relayers.requestUnstake(1.5 ether);
        assertFalse(relayers.isActive(rel[0]), "below min stake");
        vm.expectRevert();
        relayers.withdraw();
        vm.warp(block.timestamp + UNBONDING);
        relayers.withdraw();
        vm.stopPrank();
        assertEq(rel[0].balance, 10 ether - 2 ether + 1.5 ether);
    }

    function test_withdrawClosedWhilePaused() public {
        vm.prank(rel[0]);
        relayers.requestUnstake(0.5 ether);
        vm.warp(block.timestamp + UNBONDING);
        _pause();
        vm.prank(rel[0]);
        vm.expectRevert(IPILBase.EnforcedPause.selector);
        relayers.withdraw();
    }

    function test_removalRefusedBelowQuorum() public {
        vm.startPrank(guardian);
        relayers.removeRelayer(rel[0]);
        vm.expectRevert(abi.encodeWithSelector(IRelayerRegistry.WouldBreakQuorum.selector, 1, 2));
        relayers.removeRelayer(rel[1]);
        vm.stopPrank();
    }

    function test_slashEquivocation_anyChain_whilePaused() public {
        vm.startPrank(rel[0]);
        relayers.stake{value: 1 ether}();
        relayers.requestUnstake(0.25 ether); // unbonding stays slashable
        vm.stopPrank();
        Checkpoint memory a = _cp(root);
        Checkpoint memory b = _cp(bytes32(uint256(1)));
        _pause();
        uint256 epochBefore = relayers.epoch();
        vm.prank(stranger);
        relayers.slashEquivocation(a, _sig(keys[0], a), b, _sig(keys[0], b));
        assertEq(stranger.balance, 0.2 ether, "10 % reward");
        assertEq(relayers.slashedBalance(), 1.8 ether);
        assertFalse(relayers.isActive(rel[0]));
        assertEq(relayers.getRelayer(rel[0]).unbonding, 0);
        assertGt(relayers.epoch(), epochBefore);
        vm.expectRevert();
        relayers.slashEquivocation(a, _sig(keys[0], a), b, _sig(keys[0], b));
        // different signers are not equivocation
        vm.expectRevert(IRelayerRegistry.InvalidEvidence.selector);
        relayers.slashEquivocation(a, _sig(keys[1], a), b, _sig(keys[2], b));
        vm.prank(recovery);
        relayers.recoverSlashed(payable(recovery), 1.8 ether);
        assertEq(recovery.balance, 1.8 ether);
    }

    function test_slashWrongCheckpoint_onSource() public {
        // this chain's outbox: one export
        _create(5);
        vm.prank(admin);
        hub.setRemoteHub(31338, address(0xB0B));
        pc3.exportContainer(_proof(), _spendArgs(1, 6), 31338, "ct");
        Checkpoint memory good = Checkpoint({srcChainId: block.chainid, srcHub: address(hub), count: 1, root: hub.rootAt(1)});
        vm.expectRevert(IRelayerRegistry.InvalidEvidence.selector);
        relayers.slashWrongCheckpoint(good, _sig(keys[1], good));
        Checkpoint memory future = Checkpoint({srcChainId: block.chainid, srcHub: address(hub), count: 2, root: bytes32(uint256(7))});
        vm.expectRevert(IRelayerRegistry.InvalidEvidence.selector);
        relayers.slashWrongCheckpoint(future, _sig(keys[1], future));
        Checkpoint memory bad = Checkpoint({srcChainId: block.chainid, srcHub: address(hub), count: 1, root: bytes32(uint256(7))});
        bytes memory sig = _sig(keys[1], bad);
        vm.prank(stranger);
        relayers.slashWrongCheckpoint(bad, sig);
        assertEq(stranger.balance, 0.1 ether);
        assertFalse(relayers.isActive(rel[1]));
        assertEq(relayers.getRelayer(rel[1]).bonded, 0);
    }
}
