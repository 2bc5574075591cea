// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PILTestBase} from "../utils/PILTestBase.sol";
import {Fixtures} from "../utils/Fixtures.sol";
import {TreeHarness} from "../tree/TreeHarness.sol";
import {ContainerCreateVerifier} from "../../src/verifiers/ContainerCreateVerifier.sol";
import {ContainerSpendVerifier} from "../../src/verifiers/ContainerSpendVerifier.sol";
import {IVerifierRegistry} from "../../src/interfaces/IVerifierRegistry.sol";
import {ICrossDomainNullifierAlgebra} from "../../src/interfaces/ICrossDomainNullifierAlgebra.sol";
import {Groth16Proof, SpendArgs, Message, Checkpoint} from "../../src/interfaces/PILTypes.sol";
import {CheckpointHash} from "../../src/libraries/CheckpointHash.sol";
import {Field} from "../../src/libraries/Field.sol";
import {Hashes} from "@openzeppelin/contracts/utils/cryptography/Hashes.sol";
import {Vm} from "forge-std/Vm.sol";

/// @dev End to end with the real snarkjs verifiers and the real proofs of circuits/fixtures/.
contract RealProofsTest is PILTestBase {
    string internal createJson;
    string internal consumeJson;
    string internal exportJson;
    string internal deepJson;

    function setUp() public {
        vm.chainId(31337);
        createJson = Fixtures.read("container_create/create.json");
        consumeJson = Fixtures.read("container_spend/consume.json");
        exportJson = Fixtures.read("container_spend/export.json");
        deepJson = Fixtures.read("container_spend/export-deep.json");
        _deployReal();
    }

    function _deployReal() internal {
        _deploySystem();
        vm.startPrank(verifierAdmin);
        registry.setVerifier(
            CREATE_ID, address(new ContainerCreateVerifier()), vm.parseJsonBytes32(createJson, ".vkHash"), 3
        );
        registry.setVerifier(SPEND_ID, address(new ContainerSpendVerifier()), vm.parseJsonBytes32(consumeJson, ".vkHash"), 7);
        vm.stopPrank();
        vm.prank(policyAdmin);
        pbp.registerPolicy(POLICY, CREATE_ID, SPEND_ID, 0);
    }

    function _createFixture() internal returns (uint256 commitment) {
        uint256[] memory pub = Fixtures.pub(createJson);
        commitment = pub[0];
        assertEq(pub[1], POLICY);
        pc3.createContainer(
            Fixtures.proof(createJson), commitment, pub[1], vm.parseJsonBytes(createJson, ".context.ciphertext")
        );
    }

    function _args(string memory json) internal pure returns (SpendArgs memory a) {
        uint256[] memory pub = Fixtures.pub(json);
        a = SpendArgs({
            root: pub[0],
            rootSize: uint64(vm.parseJsonUint(json, ".context.treeSize")),
            nullifier: pub[1],
            dstCommitment: pub[4],
            policyHash: pub[5]
        });
    }

    function test_specConstants() public view {
        string memory v = vm.readFile("../docs/spec/vectors.json");
        assertEq(vm.parseJsonBytes32(v, ".appId"), Field.APP_ID);
        assertEq(vm.parseJsonBytes32(v, ".circuitIds.container_create"), CREATE_ID);
        assertEq(vm.parseJsonBytes32(v, ".circuitIds.container_spend"), SPEND_ID);
        assertEq(vm.parseJsonUint(v, ".domains[0].domainId"), Field.domainId(31337, Field.APP_ID));
        assertEq(vm.parseJsonUint(v, ".domains[1].domainId"), Field.domainId(31338, Field.APP_ID));
        assertEq(vm.parseJsonUint(v, ".notes[0].expected.payloadHash"), uint256(keccak256(vm.parseJsonBytes(v, ".notes[0].inputs.ciphertext"))) % Field.R);
    }

    function test_createWithRealProof() public {
        uint256 c = _createFixture();
        assertEq(pc3.treeSize(), 1);
        assertEq(pc3.currentRoot(), c, "one-leaf root is the leaf");
    }

    function test_createRejectsOtherCiphertext() public {
        uint256[] memory pub = Fixtures.pub(createJson);
        Groth16Proof memory p = Fixtures.proof(createJson);
        vm.expectRevert(IVerifierRegistry.InvalidProof.selector);
        pc3.createContainer(p, pub[0], pub[1], hex"deadbeef");
    }

    function test_createRejectsTamperedProof() public {
        uint256[] memory pub = Fixtures.pub(createJson);
        Groth16Proof memory p = Fixtures.proof(createJson);
        p.c[0] = p.c[0] ^ 1;
        bytes memory ct = vm.parseJsonBytes(createJson, ".context.ciphertext");
        vm.expectRevert(IVerifierRegistry.InvalidProof.selector);
        pc3.createContainer(p, pub[0], pub[1], ct);
    }

    function test_consumeWithRealProof_thenDoubleSpendRefused() public {
        _createFixture();
        SpendArgs memory a = _args(consumeJson);
        bytes memory ct = vm.parseJsonBytes(consumeJson, ".context.dstCiphertext");
        Groth16Proof memory p = Fixtures.proof(consumeJson);
        pc3.consumeContainer(p, a, ct);
        assertTrue(cdna.isConsumed(a.nullifier));
        assertEq(pc3.treeSize(), 2);

        a.root = pc3.rootAt(1);
        vm.expectRevert(
            abi.encodeWithSelector(
                ICrossDomainNullifierAlgebra.NullifierAlreadyConsumed.selector, a.nullifier, cdna.localDomainId()
            )
        );
        pc3.consumeContainer(p, a, ct);
    }

    function test_consumeProofCannotBeUsedAsExport() public {
        _createFixture();
        vm.prank(admin);
        hub.setRemoteHub(31338, address(0xB0B));
        SpendArgs memory a = _args(consumeJson);
        bytes memory ct = vm.parseJsonBytes(consumeJson, ".context.dstCiphertext");
        Groth16Proof memory p = Fixtures.proof(consumeJson);
        vm.expectRevert(IVerifierRegistry.InvalidProof.selector);
        pc3.exportContainer(p, a, 31338, ct);
    }

    ChainRefs internal chainA;
    ChainRefs internal chainB;
    Message internal exported;
    bytes32 internal exportedId;

    /// @dev Export on chain 31337, checkpoint by a staked relayer on chain 31338, import there.
    function test_exportCheckpointImport_acrossTwoChains() public {
        chainA = _refs();
        vm.chainId(31338);
        _deployReal();
        chainB = _refs();

        bytes memory ct = vm.parseJsonBytes(exportJson, ".context.dstCiphertext");
        bytes32 outboxRoot = _exportOnA(ct);
        (address relayer, uint256 key) = makeAddrAndKey("relayer1");
        _acceptOnB(outboxRoot, relayer, key);

        bytes32[] memory proof = _zeroPath(20);
        uint256 before = pc3.treeSize();
        Message memory m = exported;
        vm.prank(relayer);
        hub.importMessage(m, ct, proof, outboxRoot);
        assertEq(pc3.treeSize(), before + 1);
        assertEq(pc3.currentRoot(), m.commitment, "B's first leaf is the imported note");
        assertEq(relayer.balance, 1 ether + 0.01 ether, "fee reimbursed");
        assertTrue(cdna.isImported(exportedId));

        vm.expectRevert(abi.encodeWithSelector(ICrossDomainNullifierAlgebra.MessageAlreadyImported.selector, exportedId));
        hub.importMessage(m, ct, proof, outboxRoot);
    }

    function _exportOnA(bytes memory ct) internal returns (bytes32 outboxRoot) {
        vm.chainId(31337);
        _use(chainA);
        vm.prank(admin);
        hub.setRemoteHub(31338, address(chainB.hub));
        _createFixture();
        SpendArgs memory args = _args(exportJson);
        vm.recordLogs();
        vm.deal(address(this), 1 ether);
        exportedId = pc3.exportContainer{value: 0.01 ether}(Fixtures.proof(exportJson), args, 31338, ct);
        exported = _exportedMessage(vm.getRecordedLogs());
        assertEq(exportedId, CheckpointHash.messageId(31337, address(hub), 0));
        assertEq(exported.commitment, args.dstCommitment);
        assertEq(hub.feePool(), 0.01 ether);
        assertTrue(cdna.isConsumed(args.nullifier));
        outboxRoot = hub.outboxRoot();
    }

    function _acceptOnB(bytes32 outboxRoot, address relayer, uint256 key) internal {
        vm.chainId(31338);
        _use(chainB);
        vm.prank(admin);
        hub.setRemoteHub(31337, address(chainA.hub));
        vm.prank(relayerAdmin);
        relayers.addRelayer(relayer);
        vm.deal(relayer, 2 ether);
        vm.prank(relayer);
        relayers.stake{value: 1 ether}();
        vm.deal(address(this), 1 ether);
        hub.fundFeePool{value: 1 ether}();

        Checkpoint memory cp = Checkpoint({srcChainId: 31337, srcHub: address(chainA.hub), count: 1, root: outboxRoot});
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, CheckpointHash.digest(cp));
        bytes[] memory sigs = new bytes[](1);
        sigs[0] = abi.encodePacked(r, s, v);
        hub.submitCheckpoint(cp, sigs);
        assertTrue(hub.isAcceptedRoot(31337, address(chainA.hub), outboxRoot));
    }

    /// @dev A spend of leaf 4 in a 5-leaf tree: the tree is put at that state with vm.store; the
    /// harness first checks that our insert reproduces the circuit's root from its path.
    function test_exportDeep_rootMatchesCircuit() public {
        uint256[] memory pub = Fixtures.pub(deepJson);
        uint256 spent = vm.parseJsonUint(deepJson, ".context.spentCommitment");
        uint256[] memory siblings = vm.parseJsonUintArray(deepJson, ".input.siblings");
        uint256[20] memory sides;
        sides[2] = siblings[2]; // root of leaves 0..3
        TreeHarness h = new TreeHarness();
        h.seed(4, sides, 0);
        (, uint256 root) = h.insert(spent);
        assertEq(root, pub[0], "circuit root == contract root");

        sides[0] = spent;
        Fixtures.seedTree(address(pc3), 5, sides, root);
        vm.prank(admin);
        hub.setRemoteHub(31338, address(0xB0B));
        pc3.exportContainer(
            Fixtures.proof(deepJson), _args(deepJson), 31338, vm.parseJsonBytes(deepJson, ".context.dstCiphertext")
        );
        assertTrue(cdna.isConsumed(pub[1]));
    }

    function _exportedMessage(Vm.Log[] memory logs) internal view returns (Message memory m) {
        bytes32 topic = keccak256(
            "MessageExported(bytes32,uint64,(uint256,address,uint64,uint256,address,uint256,uint256,uint256,uint256),bytes)"
        );
        for (uint256 i = 0; i < logs.length; ++i) {
            if (logs[i].emitter == address(hub) && logs[i].topics[0] == topic) {
                (m,) = abi.decode(logs[i].data, (Message, bytes));
                return m;
            }
        }
        revert("no MessageExported");
    }

    /// @dev Inclusion path of leaf 0 in an outbox holding one leaf: the zero subtree at each level.
    function _zeroPath(uint256 depth) internal pure returns (bytes32[] memory path) {
        path = new bytes32[](depth);
        bytes32 z = bytes32(0);
        for (uint256 i = 0; i < depth; ++i) {
            path[i] = z;
            z = Hashes.commutativeKeccak256(z, z);
        }
    }
}
