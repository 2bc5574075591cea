pragma circom 2.1.6;

// A one-constraint circuit for the ceremony test.
template Multiplier() {
    signal input a;
    signal input b;
    signal output c;
    c <== a * b;
}

component main {public [a]} = Multiplier();
