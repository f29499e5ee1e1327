import { describe, expect, it } from 'vitest';
import { averagePropagationLength, createIcio, downstreamness, upstreamness } from '../../../src/io/index.js';
import { expectClose, icio3x2, snapshot } from '../fixture.js';

// tests/io/reference/icio3x2.py printed:
//   upstreamness   = inv(I − Z / x[:, None]) @ 1
//   downstreamness = 1 @ inv(I − A)
//   APL            = (B @ (B − I)) / (B − I)
const U = [
  1.9639143630877647, 1.951424355324047, 1.9156485388154536, 1.903025843937557, 1.8424383226212213,
  1.6775076764379824,
];
const D = [
  1.7371645911138562, 2.048734124423, 1.8600418177414664, 1.9140659255311074, 1.8860821986722556,
  1.8390504656938695,
];
const APL = [
  [
    1.6579115310798684, 1.6306812088125768, 2.0512177310405626, 2.4218562183624517, 2.0355113082311624,
    2.6301159995440018,
  ],
  [
    1.7310263947867868, 1.6517054185576157, 2.2513181938184625, 1.9691356001791838, 2.459806790143314,
    1.9281318318779863,
  ],
  [
    2.112981142397336, 2.507461522904768, 1.5719912324999068, 1.8233037382380888, 2.2995066790379144,
    2.183427428728098,
  ],
  [
    2.011010253697999, 2.0500688438520944, 1.8645441078785974, 1.6226576811147801, 2.1416279953975903,
    2.3929529023195184,
  ],
  [
    2.3133117784817117, 2.1170360037037157, 2.624399297818059, 2.026739673863491, 1.500417352307022,
    1.7458859836761624,
  ],
  [
    1.9411771935546607, 2.5026923422257354, 2.1667792969838993, 2.3743116638424233, 1.7316144129098072,
    1.4518131636489255,
  ],
];

describe('upstreamness (Antràs, Chor, Fally & Hillberry 2012)', () => {
  it('matches NumPy to 1e-8', () => {
    const r = upstreamness(icio3x2());
    expect(r[2]).toMatchObject({ country: 'B', sector: 's1' });
    expectClose(
      r.map((x) => x.upstreamness),
      U,
    );
  });
  it('hand example: a two-stage chain (U_A = 1 + ½·1 = 1.5) and a zero-output sector (U = 1)', () => {
    const t = createIcio({
      countries: ['A', 'B', 'C'],
      sectors: ['s'],
      Z: [
        [0, 5, 0],
        [0, 0, 0],
        [0, 0, 0],
      ],
      Y: [
        [5, 0, 0],
        [0, 10, 0],
        [0, 0, 0],
      ],
    });
    expect(upstreamness(t).map((r) => r.upstreamness)).toEqual([1.5, 1, 1]);
  });
});

describe('downstreamness (Fally 2012; Miller & Temurshoev 2017)', () => {
  it('matches NumPy to 1e-8', () => {
    expectClose(
      downstreamness(icio3x2()).map((x) => x.downstreamness),
      D,
    );
  });
  it('hand example: B buys 5 of A for an output of 10, N_B = 1 + 0.5·1 = 1.5', () => {
    const t = createIcio({
      countries: ['A', 'B'],
      sectors: ['s'],
      Z: [
        [0, 5],
        [0, 0],
      ],
      Y: [
        [5, 0],
        [0, 10],
      ],
    });
    expect(downstreamness(t).map((r) => r.downstreamness)).toEqual([1, 1.5]);
  });
});

describe('averagePropagationLength (Dietzenbacher, Romero & Bosma 2005)', () => {
  it('matches NumPy to 1e-8', () => {
    const m = averagePropagationLength(icio3x2());
    expect(m.rows).toBe(6);
    expectClose(m.data, APL.flat());
  });
  it('hand example: one step along A → B, no propagation elsewhere (0)', () => {
    const t = createIcio({
      countries: ['A', 'B'],
      sectors: ['s'],
      Z: [
        [0, 5],
        [0, 0],
      ],
      Y: [
        [5, 0],
        [0, 10],
      ],
    });
    expect(Array.from(averagePropagationLength(t).data)).toEqual([0, 1, 0, 0]);
  });
  it('leaves the table unchanged', () => {
    const t = icio3x2();
    const before = snapshot(t);
    averagePropagationLength(t);
    upstreamness(t);
    downstreamness(t);
    expect(snapshot(t)).toEqual(before);
  });
});
