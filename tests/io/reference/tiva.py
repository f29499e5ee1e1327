"""Independent reference values for tests/io/tiva (OECD TiVA indicators, Miroudot & Ye 2021).

Dense numpy transcriptions of the published definitions on the 4 x 2 fixture of
tests/io/fixtures/icio-4x2.ts (no code shared with the TypeScript, which never forms B or B°):
  - TiVA: OECD (2023), "Guide to OECD TiVA Indicators, 2023 edition", sections 4-6, with the explicit
    global inverse B = (I - A)^-1 and the local inverses L_ss = (I - A_ss)^-1; EXGR_DDC/IDC/RIM split
    v_s B_ss e as exvatools' make_exvadec_oecd does (diag L_ss, off-diagonal L_ss, B_ss - L_ss).
  - Miroudot & Ye (2021, ESR 33(1)): for every perimeter an explicit extraction matrix A° (A with
    the perimeter's intermediate exports set to zero, as exvatools' get_xmatrix) and an explicit
    inverse B° = (I - A°)^-1; DVA = V_s B°_ss e, FVA = sum_{t != s} V_t B°_ts e.
Run: python3 tests/io/reference/tiva.py   (numpy 2.4); prints JSON pasted in tests/io/fixtures/tiva-reference.ts
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


def blk(s):
    return slice(s * N, (s + 1) * N)


def cty(i):
    return i // N


# Bilateral exports EX[i, p] of country-sector i to country p (intermediate + final), 0 at home.
EXI = np.zeros((n, G))
EXF = np.zeros((n, G))
for i in range(n):
    for p in range(G):
        if p != cty(i):
            EXI[i, p] = Z[i, blk(p)].sum()
            EXF[i, p] = Y[i, p]
EX = EXI + EXF
e = EX.sum(1)
L = [np.linalg.inv(np.eye(N) - A[blk(s), blk(s)]) for s in range(G)]
VB = v[:, None] * B          # VB[i, j] = v_i B_ij
BY = B @ Y                   # n x G


def content(coef_of):
    """Content of exports: rows (s, k) -> coefficient (k-vector) times exports by partner."""
    out = np.zeros((n, G))   # per exporting sector i and partner p
    for s in range(G):
        c = coef_of(s)
        for k in range(N):
            out[s * N + k, :] = c[k] * EX[s * N + k, :]
    return out


def dva_coef(s):
    return v[blk(s)] @ B[blk(s), blk(s)]


def ddc_coef(s):
    return v[blk(s)] * np.diag(L[s])


def idc_coef(s):
    Ls = L[s] - np.diag(np.diag(L[s]))
    return v[blk(s)] @ Ls


def rim_coef(s):
    return v[blk(s)] @ (B[blk(s), blk(s)] - L[s])


def fva_coef(s):
    return sum(v[blk(t)] @ B[blk(t), blk(s)] for t in range(G) if t != s)


# Every code as a dict level -> list (country: G, sector: n, bilateral: G x G flattened).
def exp_levels(M):   # M[i, p] per exporting sector and partner
    return {'country': [M[blk(s)].sum() for s in range(G)], 'sector': list(M.sum(1)),
            'bilateral': [M[blk(s), p].sum() for s in range(G) for p in range(G)]}


def imp_levels(M):   # M[j, c]: flow from sector j (abroad) into country c
    return {'country': [M[:, c].sum() for c in range(G)],
            'sector': [sum(M[t * N + k, c] for t in range(G)) for c in range(G) for k in range(N)],
            'bilateral': [M[blk(p), c].sum() for c in range(G) for p in range(G)]}


def pct(a, b):
    return {lv: [100 * x_ / y_ if y_ != 0 else 0 for x_, y_ in zip(a[lv], b[lv])] for lv in a}


R = {}
R['PROD'] = {'country': [x[blk(s)].sum() for s in range(G)], 'sector': list(x)}
R['VALU'] = {'country': [va[blk(s)].sum() for s in range(G)], 'sector': list(va)}
R['EXGR'] = exp_levels(EX)
R['EXGR_INT'] = exp_levels(EXI)
R['EXGR_FNL'] = exp_levels(EXF)
R['IMGR'] = imp_levels(EX)
R['IMGR_INT'] = imp_levels(EXI)
R['IMGR_FNL'] = imp_levels(EXF)
R['BALGR'] = {lv: list(np.array(R['EXGR'][lv]) - np.array(R['IMGR'][lv])) for lv in R['EXGR']}
R['EXGR_DVA'] = exp_levels(content(dva_coef))
R['EXGR_DDC'] = exp_levels(content(ddc_coef))
R['EXGR_IDC'] = exp_levels(content(idc_coef))
R['EXGR_RIM'] = exp_levels(content(rim_coef))
R['EXGR_FVA'] = exp_levels(content(fva_coef))
R['EXGR_DVASH'] = pct(R['EXGR_DVA'], R['EXGR'])
R['EXGR_FVASH'] = pct(R['EXGR_FVA'], R['EXGR'])
# IMGR_DVA: importer c's own value added in its imports from sector j: (sum_{i in c} v_i B_ij) EX[j, c].
IMDVA = np.zeros((n, G))
for j in range(n):
    for c in range(G):
        if c != cty(j):
            IMDVA[j, c] = VB[blk(c), j].sum() * EX[j, c]
R['IMGR_DVA'] = imp_levels(IMDVA)
R['IMGR_DVASH'] = pct(R['IMGR_DVA'], R['IMGR'])
# Value added of origin i absorbed by final demand of d: VBY[i, d] = v_i (B Y)_id.
VBY = v[:, None] * BY


def fd_levels(keep, home):
    out = {'country': [0.0] * G, 'sector': [0.0] * n, 'bilateral': [0.0] * (G * G)}
    for i in range(n):
        o = cty(i)
        for d in range(G):
            if not keep(o, d):
                continue
            c, other = (d, o) if home else (o, d)
            out['country'][c] += VBY[i, d]
            out['sector'][c * N + i % N] += VBY[i, d]
            out['bilateral'][c * G + other] += VBY[i, d]
    return out


R['FD_VA'] = fd_levels(lambda o, d: True, True)
R['FFD_DVA'] = fd_levels(lambda o, d: o != d, False)
R['DFD_FVA'] = fd_levels(lambda o, d: o != d, True)
R['BALVAFD'] = {lv: list(np.array(R['FFD_DVA'][lv]) - np.array(R['DFD_FVA'][lv])) for lv in R['FFD_DVA']}
R['VALU_FFDDVA'] = pct({k: R['FFD_DVA'][k] for k in ('country', 'sector')}, R['VALU'])
# DEXFVAP: value added of t in the exports of s, sum_{i in t, j in s} v_i B_ij e_j.
dex_bil = [VB[blk(t), blk(s)].sum(0) @ e[blk(s)] if t != s else 0.0 for s in range(G) for t in range(G)]
R['DEXFVAP'] = {'country': R['EXGR_FVA']['country'], 'sector': R['EXGR_FVA']['sector'], 'bilateral': dex_bil}
# FEXDVAP: value added of s in the exports of r, sum_{i in s, j in r} v_i B_ij e_j; by origin sector i.
fex_bil = [VB[blk(s), blk(r)].sum(0) @ e[blk(r)] if r != s else 0.0 for s in range(G) for r in range(G)]
fex_sec = [sum(VB[i, blk(r)] @ e[blk(r)] for r in range(G) if r != cty(i)) for i in range(n)]
R['FEXDVAP'] = {'country': [sum(fex_bil[s * G:(s + 1) * G]) for s in range(G)], 'sector': fex_sec,
                'bilateral': fex_bil}
exgr_c = R['EXGR']['country']
for code, src in (('DEXFVAPSH', 'DEXFVAP'), ('FEXDVAPSH', 'FEXDVAP')):
    R[code] = {'country': [100 * a / exgr_c[s] for s, a in enumerate(R[src]['country'])],
               'bilateral': [100 * a / exgr_c[k // G] for k, a in enumerate(R[src]['bilateral'])]}

# Miroudot & Ye: explicit extraction per perimeter. Rows: [s, p (-1), k, GEXP, DC, DVA, DDC, FC, FVA, FDC].
MY = {}


def my_rows(Ao, s, p, k_only):
    Bo = np.linalg.inv(np.eye(n) - Ao)
    rows = []
    for k in range(N):
        i = s * N + k
        ek = EX[i, p] if p >= 0 else e[i]
        if k_only is not None and k != k_only:
            ek = 0.0
        DC = v[blk(s)] @ B[blk(s), i] * ek
        FC = sum(v[blk(t)] @ B[blk(t), i] for t in range(G) if t != s) * ek
        DVA = v[blk(s)] @ Bo[blk(s), i] * ek
        FVA = sum(v[blk(t)] @ Bo[blk(t), i] for t in range(G) if t != s) * ek
        rows.append([s, p, k, ek, DC, DVA, DC - DVA, FC, FVA, FC - FVA])
    return rows


for perim in ('country', 'bilateral', 'sector', 'world'):
    out = []
    for s in range(G):
        if perim == 'country':
            Ao = A.copy()
            for r in range(G):
                if r != s:
                    Ao[blk(s), blk(r)] = 0
            out += my_rows(Ao, s, -1, None)
        elif perim == 'world':
            Ao = np.zeros_like(A)
            for r in range(G):
                Ao[blk(r), blk(r)] = A[blk(r), blk(r)]
            out += my_rows(Ao, s, -1, None)
        elif perim == 'bilateral':
            for p in range(G):
                if p == s:
                    continue
                Ao = A.copy()
                Ao[blk(s), blk(p)] = 0
                out += my_rows(Ao, s, p, None)
        else:
            for k in range(N):
                Ao = A.copy()
                for r in range(G):
                    if r != s:
                        Ao[s * N + k, blk(r)] = 0
                out += [my_rows(Ao, s, -1, k)[k]]
    MY[perim] = out


def clean(o):
    if isinstance(o, dict):
        return {k: clean(w) for k, w in o.items()}
    if isinstance(o, (list, tuple)):
        return [clean(w) for w in o]
    return float(o) if isinstance(o, (float, np.floating)) else int(o)


print(json.dumps(clean({'tiva': R, 'my': MY})))
