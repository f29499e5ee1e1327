"""Independent reference values for every Borin-Mancini perspective (tests/io/decompositions/bm-*.test.ts).

Dense numpy, straight from the definitions, with an explicit re-inversion of the "extraction" matrix
of each perspective (no Woodbury or rank-one shortcut, nothing shared with the TypeScript code):
  Borin & Mancini (2019, World Bank Policy Research WP 8804; 2023, Economic Systems Research 35(4)),
  as exvatools 0.x implements them (R/make_exvadec_bm_src.R, make_exvadec_bm_snk.R, matrix_extract.R
  get_xmatrix; facts, not code):
  - source approach: B^x = (I - A^x)^-1 where A^x is A with the flows of the perspective's export
    perimeter switched off:
      exporter         A[s, r]   = 0 for every r != s   (all intermediate exports of s)
      sector (k)       A[(s,k), r] = 0 for every r != s (row k only)
      bilateral (r)    A[s, r]   = 0                    (the s -> r block only)
      bilateral-sector A[(s,k), r] = 0                  (row k of the s -> r block)
      world            A[s, r]   = 0 for every s != r   (B^x = local inverses L)
    per exporting sector k: DVA = (v_s B^x_ss)_k E_k, FVA = (sum_{t!=s} v_t B^x_ts)_k E_k,
    DC = (v_s B_ss)_k E_k, FC = (sum_{t!=s} v_t B_ts)_k E_k, with E the exports in the perimeter;
    REF = (v_s B^x_ss)_k [sum_r A_sr L_rr (Y_rs + (A^off B Y)_{r,s})]_k over partners r in the
    perimeter (exvatools REF1 + REF2), VAX = DVA - REF.
  - sink approach (exporter perspective, exvatools make_exvadec_bm_snk): with B^s the exporter
    extraction inverse, DDC = (v_s B_ss)_k [sum_{r!=s} A_sr L_rr (A^off B^s_{.s} E_s)_r]_k,
    FDC = (sum_t v_t B_ts)_k [same], DVA = DC - DDC, FVA = FC - FDC,
    REF = (v_s B_ss)_k [sum_{r!=s} A_sr L_rr (Y_rs + (A^off B^s Y^x)_{r,s})]_k, Y^x = Y without s's
    final exports, VAX = DVA - REF.
  - DAVAX = (v_s L_ss)_k (Y_sr + A_sr L_rr Y_rr)_k over partners in the perimeter, in every
    perspective and approach (traditional trade: one border crossing); GVC = GEXP - DAVAX,
    GVCB = FC + DDC, GVCF = DVA - DAVAX.
Run: python3 tests/io/reference/bm_perspectives.py   (numpy 2.4); the printed JSON is pasted in
tests/io/fixtures/bm-perspectives-reference.ts.
"""
import json
import numpy as np

Z = np.array([
    [65, 61, 15, 31, 20, 30, 37, 23],
    [65, 30, 34, 14, 19, 17, 7, 9],
    [5, 15, 63, 72, 23, 1, 9, 9],
    [11, 27, 50, 36, 22, 35, 37, 38],
    [38, 23, 39, 15, 66, 72, 34, 31],
    [37, 26, 4, 22, 47, 66, 12, 37],
    [29, 1, 36, 6, 39, 31, 43, 49],
    [21, 39, 9, 27, 35, 35, 84, 69]], dtype=float)
Y = np.array([
    [152, 35, 24, 38], [137, 42, 11, 44], [45, 199, 29, 13], [15, 136, 48, 33],
    [21, 22, 206, 36], [43, 42, 219, 36], [29, 19, 31, 199], [48, 15, 30, 232]], dtype=float)
G, N = 4, 2
n = G * N
x = Z.sum(1) + Y.sum(1)
va = x - Z.sum(0)
A = Z / x[None, :]
v = va / x
B = np.linalg.inv(np.eye(n) - A)
cty = np.repeat(np.arange(G), N)
Aoff = A * (cty[:, None] != cty[None, :])
L = np.linalg.inv(np.eye(n) - (A - Aoff))  # block-diagonal local inverses
BY = B @ Y


def blk(s):
    return slice(s * N, (s + 1) * N)


KEYS = ['GEXP', 'DC', 'DVA', 'VAX', 'DAVAX', 'REF', 'DDC', 'FC', 'FVA', 'FDC', 'GVC', 'GVCB', 'GVCF']


def exports(s, r):
    """E_sr per exporting sector of s."""
    return A[blk(s), blk(r)] @ x[blk(r)] + Y[blk(s), r]


def davax(s, r):
    Lss = L[blk(s), blk(s)]
    return (v[blk(s)] @ Lss) * (Y[blk(s), r] + A[blk(s), blk(r)] @ L[blk(r), blk(r)] @ Y[blk(r), r])


def ref_base(s, r, BYs):
    """A_sr L_rr (Y_rs + (A^off BY)_{r,s}) for a given output column BYs (n-vector)."""
    Lrr = L[blk(r), blk(r)]
    return A[blk(s), blk(r)] @ Lrr @ (Y[blk(r), s] + (Aoff @ BYs)[blk(r)])


def record(e, dc, fc, dva, fva, ref, dav):
    vax = dva - ref
    return dict(GEXP=e, DC=dc, DVA=dva, VAX=vax, DAVAX=dav, REF=ref, DDC=dc - dva, FC=fc, FVA=fva,
                FDC=fc - fva, GVC=e - dav, GVCB=fc + dc - dva, GVCF=dva - dav)


def source_rows(s, partners, rows_of, extract):
    """Per exporting sector k in rows_of: source-approach terms for exports to `partners`."""
    Ax = A.copy()
    extract(Ax)
    Bx = np.linalg.inv(np.eye(n) - Ax)
    others = [t for t in range(G) if t != s]
    d = v[blk(s)] @ Bx[blk(s), blk(s)]
    f = sum(v[blk(t)] @ Bx[blk(t), blk(s)] for t in others)
    p = v[blk(s)] @ B[blk(s), blk(s)]
    q = sum(v[blk(t)] @ B[blk(t), blk(s)] for t in others)
    e = sum(exports(s, r) for r in partners)
    rb = sum(ref_base(s, r, BY[:, s]) for r in partners)
    dav = sum(davax(s, r) for r in partners)
    out = []
    for k in rows_of:
        out.append(record(e[k], p[k] * e[k], q[k] * e[k], d[k] * e[k], f[k] * e[k], d[k] * rb[k], dav[k]))
    return out


def row(keys, rec):
    return keys + [float(rec[k]) for k in KEYS]


exporter, sector, bilateral, bilsec, world, sink = [], [], [], [], [], []
for s in range(G):
    others = [r for r in range(G) if r != s]

    def ex_all(Ax, s=s, others=others):
        for r in others:
            Ax[blk(s), blk(r)] = 0.0
    for k, rec in enumerate(source_rows(s, others, range(N), ex_all)):
        exporter.append(row([s, k], rec))

    def ex_world(Ax):
        Ax[cty[:, None] != cty[None, :]] = 0.0
    for k, rec in enumerate(source_rows(s, others, range(N), ex_world)):
        world.append(row([s, k], rec))

    for k in range(N):
        def ex_sec(Ax, s=s, k=k, others=others):
            for r in others:
                Ax[s * N + k, blk(r)] = 0.0
        sector.append(row([s, k], source_rows(s, others, [k], ex_sec)[0]))

    for r in others:
        def ex_bil(Ax, s=s, r=r):
            Ax[blk(s), blk(r)] = 0.0
        for k, rec in enumerate(source_rows(s, [r], range(N), ex_bil)):
            bilateral.append(row([s, r, k], rec))
        for k in range(N):
            def ex_bs(Ax, s=s, r=r, k=k):
                Ax[s * N + k, blk(r)] = 0.0
            bilsec.append(row([s, r, k], source_rows(s, [r], [k], ex_bs)[0]))

    # sink approach, exporter perspective
    As = A.copy()
    ex_all(As)
    Bs = np.linalg.inv(np.eye(n) - As)
    p = v[blk(s)] @ B[blk(s), blk(s)]
    q = sum(v[blk(t)] @ B[blk(t), blk(s)] for t in others)
    e = sum(exports(s, r) for r in others)
    Es = np.zeros(n)
    Es[blk(s)] = e
    back = Aoff @ (Bs @ Es)  # A^off B^s_{.s} E_s
    g = sum(A[blk(s), blk(r)] @ L[blk(r), blk(r)] @ back[blk(r)] for r in others)
    Yx = Y.copy()
    for r in others:
        Yx[blk(s), r] = 0.0
    BsYx = Bs @ Yx
    refb = sum(ref_base(s, r, BsYx[:, s]) for r in others)
    dav = sum(davax(s, r) for r in others)
    for k in range(N):
        dc, fc = p[k] * e[k], q[k] * e[k]
        sink.append(row([s, k], record(e[k], dc, fc, dc - p[k] * g[k], fc - q[k] * g[k], p[k] * refb[k], dav[k])))

print(json.dumps({'keys': KEYS, 'exporter': exporter, 'sink': sink, 'sector': sector,
                  'bilateral': bilateral, 'bilateralSector': bilsec, 'world': world}))
