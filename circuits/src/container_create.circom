pragma circom 2.1.6;

// PIL container_create (protocol.md §4, circuit id keccak256("pil.container_create.v1")).
// Proves that `commitment` opens to a note whose amount lies inside the policy's
// [minAmount, maxAmount] range and whose policy is `policyHash`.
//
// Public inputs, in this order: commitment, policyHash, payloadHash.

include "../../node_modules/circomlib/circuits/poseidon.circom";
include "../../node_modules/circomlib/circuits/bitify.circom";
include "../../node_modules/circomlib/circuits/comparators.circom";

template ContainerCreate() {
    // Public (declaration order = public signal order).
    signal input commitment;
    signal input policyHash;
    signal input payloadHash;

    // Private.
    signal input npk;
    signal input amount;
    signal input stateHash;
    signal input blinding;
    signal input minAmount;
    signal input maxAmount;
    signal input policySalt;

    // amount, minAmount, maxAmount are 64-bit.
    component amountBits = Num2Bits(64);
    amountBits.in <== amount;
    component minBits = Num2Bits(64);
    minBits.in <== minAmount;
    component maxBits = Num2Bits(64);
    maxBits.in <== maxAmount;

    // minAmount <= amount <= maxAmount (LessEqThan(64) is sound for 64-bit inputs).
    component geMin = LessEqThan(64);
    geMin.in[0] <== minAmount;
    geMin.in[1] <== amount;
    geMin.out === 1;
    component leMax = LessEqThan(64);
    leMax.in[0] <== amount;
    leMax.in[1] <== maxAmount;
    leMax.out === 1;

    // policyHash = Poseidon_3(minAmount, maxAmount, policySalt).
    component policy = Poseidon(3);
    policy.inputs[0] <== minAmount;
    policy.inputs[1] <== maxAmount;
    policy.inputs[2] <== policySalt;
    policy.out === policyHash;

    // commitment = Poseidon_6(npk, amount, stateHash, policyHash, payloadHash, blinding).
    component note = Poseidon(6);
    note.inputs[0] <== npk;
    note.inputs[1] <== amount;
    note.inputs[2] <== stateHash;
    note.inputs[3] <== policyHash;
    note.inputs[4] <== payloadHash;
    note.inputs[5] <== blinding;
    note.out === commitment;
}

component main {public [commitment, policyHash, payloadHash]} = ContainerCreate();
