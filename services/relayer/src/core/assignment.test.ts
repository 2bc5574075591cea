import { describe, expect, it } from 'vitest';
import { mayDeliver, OwnerProgress, ownerOf, type TakeoverInput } from './assignment.js';

const GRACE = 5_000;
const base: TakeoverInput = {
  me: '0xme',
  owner: '0xowner',
  readyAt: 10_000,
  now: 10_000,
  graceMs: GRACE,
  progress: undefined,
  since: 0,
  src: 1,
  idx: 7,
};

describe('delivery assignment', () => {
  it('the owner is the message id modulo the active set', () => {
    const set = ['0xa', '0xb', '0xc'];
    expect(ownerOf(set, '0x04')).toBe('0xb');
    expect(ownerOf(set, '0x06')).toBe('0xa');
    expect(ownerOf([], '0x06')).toBeUndefined();
  });

  it('the owner, or anyone when there is no active set, delivers at once', () => {
    expect(mayDeliver({ ...base, me: '0xowner' })).toBe(true);
    expect(mayDeliver({ ...base, owner: undefined })).toBe(true);
  });

  it('nobody else within the grace period, even from an idle owner', () => {
    expect(mayDeliver({ ...base, now: base.readyAt + GRACE - 1 })).toBe(false);
  });

  it('an owner never seen importing is idle since we started', () => {
    expect(mayDeliver({ ...base, now: base.readyAt + GRACE })).toBe(true);
    expect(mayDeliver({ ...base, since: 12_000, now: 16_000 })).toBe(false);
  });

  it('a live owner working through its queue keeps its messages', () => {
    const p = new OwnerProgress(0);
    // It delivers earlier messages of the source every second, long past our grace.
    for (let t = 0; t <= 30; t++) p.record(1, t < 7 ? t : 6, 10_000 + t * 1_000);
    expect(mayDeliver({ ...base, progress: p, now: 40_000 })).toBe(false);
  });

  it('an owner silent for a grace period loses the message', () => {
    const p = new OwnerProgress(0);
    p.record(1, 3, 12_000);
    expect(mayDeliver({ ...base, progress: p, now: 12_000 + GRACE - 1 })).toBe(false);
    expect(mayDeliver({ ...base, progress: p, now: 12_000 + GRACE })).toBe(true);
  });

  it('an owner that delivered later messages for a grace period, but not this one, loses it', () => {
    const p = new OwnerProgress(0);
    p.record(1, 5, 11_000);
    p.record(1, 9, 12_000); // passes idx 7
    p.record(1, 10, 14_000);
    p.record(2, 50, 16_000); // another source: irrelevant to "passed"
    p.record(1, 11, 16_500);
    expect(p.passedAt(1, 7)).toBe(12_000);
    expect(p.passedAt(1, 11)).toBeUndefined();
    expect(p.passedAt(3, 0)).toBeUndefined();
    expect(mayDeliver({ ...base, progress: p, now: 12_000 + GRACE - 1 })).toBe(false);
    expect(mayDeliver({ ...base, progress: p, now: 12_000 + GRACE })).toBe(true);
    // Message 11 of source 1 was delivered, 12 not yet passed: the owner keeps it.
    expect(mayDeliver({ ...base, idx: 12, progress: p, now: 20_000 })).toBe(false);
  });

  it('keeps a bounded history', () => {
    const p = new OwnerProgress(0);
    for (let i = 0; i < 5_000; i++) p.record(1, i, i);
    expect(p.passedAt(1, 4_990)).toBe(4_991);
    expect(p.passedAt(1, 0)).toBe(5_000 - 1_024); // the oldest kept high
  });
});
