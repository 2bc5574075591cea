// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {console} from "forge-std/console.sol";
import {PILTestBase} from "../utils/PILTestBase.sol";
import {ReferenceLeanIMT} from "../tree/TreeHarness.sol";
import {OutboxModel} from "../crosschain/CrossChain.t.sol";
import {ProofCarryingContainer} from "../../src/core/ProofCarryingContainer.sol";
import {CrossChainProofHub} from "../../src/crosschain/CrossChainProofHub.sol";
import {CrossDomainNullifierAlgebra} from "../../src/core/CrossDomainNullifierAlgebra.sol";
import {RelayerRegistry} from "../../src/crosschain/RelayerRegistry.sol";
import {PILv2Orchestrator} from "../../src/governance/PILv2Orchestrator.sol";
import {Checkpoint, Groth16Proof, Message, SpendArgs} from "../../src/interfaces/PILTypes.sol";
import {CheckpointHash} from "../../src/libraries/CheckpointHash.sol";
import {Field} from "../../src/libraries/Field.sol";

/// @dev Drives the system (mock verifiers: proofs are not the subject here) with creates,
/// consumes and exports over a small nullifier space, imports of two accepted messages, relayer
/// actions and pause toggles, and records what succeeded.
contract ProtocolHandler is Test {
    uint256 internal constant POLICY = 7326285761188395904765438796316684380519214399476978214617473501396725093183;
    uint256 internal constant NULLIFIERS = 6;

    ProofCarryingContainer internal pc3;
    CrossChainProofHub internal hub;
    PILv2Orchestrator internal orchestrator;
    RelayerRegistry internal relayers;
    address internal guardian;
    address internal unpauser;

    uint256[] public leaves;
    mapping(uint256 nullifier => uint256) public spendSuccesses;
    mapping(uint256 index => uint256) public importSuccesses;
    uint256 public successesWhilePaused;
    Message[2] internal msgs;
    bytes32[][2] internal proofs;
    bytes32 internal outboxRoot;

    constructor(
        ProofCarryingContainer pc3_,
        CrossChainProofHub hub_,
        PILv2Orchestrator orchestrator_,
        RelayerRegistry relayers_,
        address guardian_,
        address unpauser_,
        Message[2] memory msgs_,
        bytes32[][2] memory proofs_,
        bytes32 root_
    ) {
        (pc3, hub, orchestrator, relayers, guardian, unpauser) = (pc3_, hub_, orchestrator_, relayers_, guardian_, unpauser_);
        msgs[0] = msgs_[0];
        msgs[1] = msgs_[1];
        proofs[0] = proofs_[0];
        proofs[1] = proofs_[1];
        outboxRoot = root_;
    }

    function leafCount() external view returns (uint256) {
        return leaves.length;
    }

    function allLeaves() external view returns (uint256[] memory) {
        return leaves;
    }

    function _record(bool ok) internal {
        if (ok && orchestrator.isPaused()) ++successesWhilePaused;
    }

    function create(uint256 seed) external {
        uint256 c = seed % Field.R;
        bool paused = orchestrator.isPaused();
        try pc3.createContainer(Groth16Proof([uint256(1), 2], [[uint256(0), 0], [uint256(0), 0]], [uint256(0), 0]), c, POLICY, "x") {
            leaves.push(c);
            if (paused) ++successesWhilePaused;
        } catch {}
    }

    function _args(uint256 nSeed, uint256 dst, uint256 back) internal view returns (SpendArgs memory a) {
        uint256 size = pc3.treeSize();
        back = size == 0 ? 0 : bound(back, 0, size - 1 > 130 ? 130 : size - 1);
        uint256 rootSize = size - back;
        a = SpendArgs({
            root: pc3.rootAt(rootSize),
            rootSize: uint64(rootSize),
            nullifier: nSeed % NULLIFIERS,
            dstCommitment: dst % Field.R,
            policyHash: POLICY
        });
    }

    function consume(uint256 nSeed, uint256 dst, uint256 back) external {
        SpendArgs memory a = _args(nSeed, dst, back);
        bool paused = orchestrator.isPaused();
        try pc3.consumeContainer(_p(), a, "y") {
            ++spendSuccesses[a.nullifier];
            leaves.push(a.dstCommitment);
            if (paused) ++successesWhilePaused;
        } catch {}
    }

    function exportTo(uint256 nSeed, uint256 dst, uint256 back) external {
        SpendArgs memory a = _args(nSeed, dst, back);
        bool paused = orchestrator.isPaused();
        try pc3.exportContainer(_p(), a, 31338, "z") {
            ++spendSuccesses[a.nullifier];
            if (paused) ++successesWhilePaused;
        } catch {}
    }

    function importMsg(uint256 i) external {
        i = i % 2;
        bool paused = orchestrator.isPaused();
        try hub.importMessage(msgs[i], i == 0 ? bytes("ct0") : bytes("ct1"), proofs[i], outboxRoot) {
            ++importSuccesses[i];
            leaves.push(msgs[i].commitment);
            if (paused) ++successesWhilePaused;
        } catch {}
    }

    function stakeOrWithdraw(uint256 amount, bool withdraw_) external {
        amount = bound(amount, 1, 1 ether);
        vm.deal(address(this), amount);
        bool paused = orchestrator.isPaused();
        if (withdraw_) {
            try relayers.withdraw() {
                if (paused) ++successesWhilePaused;
            } catch {}
        } else {
            try relayers.stake{value: amount}() {
                if (paused) ++successesWhilePaused;
            } catch {}
            try relayers.requestUnstake(amount) {
                if (paused) ++successesWhilePaused;
            } catch {}
        }
    }

    function togglePause(bool on) external {
        if (on) {
            vm.prank(guardian);
            orchestrator.pause();
        } else {
            vm.prank(unpauser);
            orchestrator.unpause();
        }
    }

    function _p() internal pure returns (Groth16Proof memory p) {
        p.a = [uint256(1), 2];
    }

    receive() external payable {}
}

contract ProtocolInvariantsTest is PILTestBase {
    ProtocolHandler internal handler;
    uint256 internal constant SRC = 999;

    function setUp() public {
        _deployWithMocks();
        address srcHub = makeAddr("srcHub");
        vm.startPrank(admin);
        hub.setRemoteHub(SRC, srcHub);
        hub.setRemoteHub(31338, address(0xB0B));
        vm.stopPrank();
        (address r, uint256 k) = makeAddrAndKey("relayer");
        vm.prank(relayerAdmin);
        relayers.addRelayer(r);
        vm.deal(r, 1 ether);
        vm.prank(r);
        relayers.stake{value: 1 ether}();

        Message[2] memory msgs;
        for (uint256 i = 0; i < 2; ++i) {
            msgs[i] = Message({
                srcChainId: SRC,
                srcHub: srcHub,
                index: uint64(i),
                dstChainId: block.chainid,
                dstHub: address(hub),
                commitment: 1000 + i,
                payloadHash: uint256(keccak256(i == 0 ? bytes("ct0") : bytes("ct1"))) % Field.R,
                policyHash: POLICY,
                fee: 0
            });
        }
        bytes32[][2] memory proofs;
        bytes32 root;
        (root, proofs[0], proofs[1]) = OutboxModel.root2(CheckpointHash.leaf(msgs[0]), CheckpointHash.leaf(msgs[1]));
        Checkpoint memory cp = Checkpoint({srcChainId: SRC, srcHub: srcHub, count: 2, root: root});
        (uint8 v, bytes32 rr, bytes32 s) = vm.sign(k, CheckpointHash.digest(cp));
        bytes[] memory sigs = new bytes[](1);
        sigs[0] = abi.encodePacked(rr, s, v);
        hub.submitCheckpoint(cp, sigs);

        handler = new ProtocolHandler(pc3, hub, orchestrator, relayers, guardian, unpauser, msgs, proofs, root);
        targetContract(address(handler));
    }

    /// @dev Progress report: the handler must actually reach the interesting states.
    function afterInvariant() external view {
        uint256 spends;
        for (uint256 n = 0; n < 6; ++n) {
            spends += handler.spendSuccesses(n);
        }
        console.log("leaves %s spends %s imports %s", handler.leafCount(), spends, handler.importSuccesses(0) + handler.importSuccesses(1));
    }

    /// @dev One nullifier per note: each nullifier is spent at most once, by consume or export.
    function invariant_noDoubleSpend() public view {
        for (uint256 n = 0; n < 6; ++n) {
            uint256 s = handler.spendSuccesses(n);
            assertLe(s, 1);
            assertEq(cdna.isConsumed(n), s == 1);
        }
    }

    /// @dev A message is imported at most once.
    function invariant_importedAtMostOnce() public view {
        assertLe(handler.importSuccesses(0), 1);
        assertLe(handler.importSuccesses(1), 1);
    }

    /// @dev Nothing state-changing succeeded while paused.
    function invariant_nothingWhilePaused() public view {
        assertEq(handler.successesWhilePaused(), 0);
    }

    /// @dev The on-chain root is the reference root of every leaf that entered the tree.
    function invariant_rootMatchesReference() public view {
        uint256[] memory leaves = handler.allLeaves();
        assertEq(pc3.treeSize(), leaves.length);
        assertEq(pc3.currentRoot(), ReferenceLeanIMT.root(leaves));
    }
}
