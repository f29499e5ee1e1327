"""Independent reference values for the satellite accounts (tests/io/satellite/*.test.ts).

Dense numpy, straight from the published definitions, nothing shared with the TypeScript code:
  - pymrio (Stadler 2021, J. Open Research Software 9(1); pymrio/tools/iomath.py, facts only):
      S = F diag(x)^-1 (0 where x = 0), M = S L with L = (I - A)^-1 formed explicitly;
      calc_accounts: Y_diag = diagonalize_columns_to_sectors(Y) (column (d, k) holds Y[i, d] on the
      rows i of sector k), x_diag = L Y_diag, D_cba = S x_diag, D_pba = S * rowsum(x_diag),
      x_trade = x_diag with the blocks (region of row == region of column) set to 0,
      D_imp = S x_trade, D_exp = S * rowsum(x_trade);
      the _reg accounts sum the columns by region and add F_Y summed by region to D_cba_reg and
      D_pba_reg (pymrio core/mriosystem.py Extension.calc_system).
  - footprint matrix (Kanemoto et al. 2012): flows[c, d] = sum_{i in c} S_i (L Y[:, d])_i.
  - embodied in exports, Borin & Mancini (2019, 2023) exporter perspective, source approach, v
    replaced by S: total = S B E, DC = S_s B_ss E, DVA = S_s L_ss E with L_ss = (I - A_ss)^-1,
    FVA = sum_{t != s} S_t B^s_ts E with B^s = (I - A^s)^-1 re-inverted, A^s = A with the
    exporter's intermediate-export blocks A_sr (r != s) set to zero; DAVAX = S_s L_ss
    sum_{r != s}(Y_sr + A_sr L_rr Y_rr), VAX = S_s L_ss sum_{r != s}(Y_sr + A_sr (x_r - (B Y)_{r,s})).
  - embodied in bilateral exports (exporter perspective by partner, Peters 2008): the same terms
    with E replaced by E_sr = Y_sr + Z_sr 1 for one partner r, DAVAX = S_s L_ss (Y_sr + A_sr L_rr
    Y_rr), VAX = S_s L_ss (Y_sr + A_sr (x_r - (B Y)_{r,s})), one row per exporting sector and partner.
Table: the 4x2 fixture of tests/io/fixtures/icio-4x2.ts (same numbers as decompositions_reference.py).
Stressors: CO2 (kt, with a negative entry: a carbon sink) and Employment (1000 persons); FY for CO2
(one column per country).
Run: python3 tests/io/reference/footprints.py   (numpy 2.4); the printed JSON is pasted in
tests/io/fixtures/footprints-reference.ts. With --bilateral it prints the bilateral rows instead,
pasted in tests/io/fixtures/footprints-bilateral-reference.ts (apart to keep files under 400 lines).
"""
import json
import sys
import numpy as np

BILATERAL = '--bilateral' in sys.argv[1:]

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
F = np.array([
    [120, 35, 260, -15, 80, 20, 300, 45],   # CO2, kt (a sink in BBB_SRV)
    [14, 30, 9, 22, 11, 25, 40, 52]], dtype=float)   # Employment, 1000 persons
FY = np.array([
    [40, 25, 10, 60],
    [0, 0, 0, 0]], dtype=float)
G, N = 4, 2
n = G * N
k = F.shape[0]
x = Z.sum(1) + Y.sum(1)
A = Z / x[None, :]
L = np.linalg.inv(np.eye(n) - A)
S = np.where(x[None, :] > 0, F / np.where(x > 0, x, 1)[None, :], 0.0)
M = S @ L
region = np.repeat(np.arange(G), N)
sector = np.tile(np.arange(N), G)

# pymrio calc_accounts, dense
Y_diag = np.zeros((n, G * N))
for d in range(G):
    for i in range(n):
        Y_diag[i, d * N + sector[i]] = Y[i, d]
x_diag = L @ Y_diag
x_tot = x_diag.sum(1)
D_cba = S @ x_diag
D_pba = S * x_tot[None, :]
x_trade = x_diag.copy()
for i in range(n):
    for c in range(G * N):
        if region[i] == c // N:
            x_trade[i, c] = 0
D_imp = S @ x_trade
x_exp = x_trade.sum(1)
D_exp = S * x_exp[None, :]


def by_region(D):
    return np.array([[D[s, region == r].sum() for r in range(G)] for s in range(k)])


D_cba_reg = by_region(D_cba) + FY
D_pba_reg = by_region(D_pba) + FY
D_imp_reg = by_region(D_imp)
D_exp_reg = by_region(D_exp)

# multipliers split by origin: domestic part sum_{i in own country} S_i L_ij
M_dom = np.array([[sum(S[s, i] * L[i, j] for i in range(n) if region[i] == region[j]) for j in range(n)]
                  for s in range(k)])

# footprint matrix
flows = np.zeros((k, G, G))
for s in range(k):
    for d in range(G):
        out_d = L @ Y[:, d]
        for c in range(G):
            flows[s, c, d] = (S[s, region == c] * out_d[region == c]).sum()


# embodied in exports, BM exporter perspective, source approach
def blk(s):
    return slice(s * N, (s + 1) * N)


BY = L @ Y
E = np.zeros(n)
for i in range(n):
    s = region[i]
    E[i] = sum(Z[i, j] for j in range(n) if region[j] != s) + sum(Y[i, d] for d in range(G) if d != s)
Lloc = [np.linalg.inv(np.eye(N) - A[blk(s), blk(s)]) for s in range(G)]
emb = []
for st in range(k):
    q = S[st]
    for s in range(G):
        As = A.copy()
        for r in range(G):
            if r != s:
                As[blk(s), blk(r)] = 0
        Bs = np.linalg.inv(np.eye(n) - As)
        Es = E[blk(s)]
        dae = np.zeros(N)
        vaxe = np.zeros(N)
        for r in range(G):
            if r == s:
                continue
            dae += Y[blk(s), r] + A[blk(s), blk(r)] @ Lloc[r] @ Y[blk(r), r]
            vaxe += Y[blk(s), r] + A[blk(s), blk(r)] @ (x[blk(r)] - BY[blk(r), s])
        qs = q[blk(s)]
        total = (q @ L)[blk(s)] * Es
        DC = (qs @ L[blk(s), blk(s)]) * Es
        DVA = (qs @ Lloc[s]) * Es
        VAX = (qs @ Lloc[s]) * vaxe
        DAVAX = (qs @ Lloc[s]) * dae
        FVA = sum(q[blk(t)] @ Bs[blk(t), blk(s)] for t in range(G) if t != s) * Es
        for m in range(N):
            emb.append([st, s, m, Es[m], total[m], DC[m], DVA[m], VAX[m], DAVAX[m],
                        DVA[m] - VAX[m], DC[m] - DVA[m], total[m] - DC[m], FVA[m],
                        total[m] - DC[m] - FVA[m]])

# embodied in bilateral exports: exporter perspective allocated to partners by E_sr
embb = []
for st in range(k):
    q = S[st]
    for s in range(G):
        As = A.copy()
        for r in range(G):
            if r != s:
                As[blk(s), blk(r)] = 0
        Bs = np.linalg.inv(np.eye(n) - As)
        qs = q[blk(s)]
        mult_total = (q @ L)[blk(s)]
        mult_dc = qs @ L[blk(s), blk(s)]
        mult_dva = qs @ Lloc[s]
        mult_fva = sum(q[blk(t)] @ Bs[blk(t), blk(s)] for t in range(G) if t != s)
        for r in range(G):
            if r == s:
                continue
            Esr = Z[blk(s), blk(r)].sum(1) + Y[blk(s), r]
            dae = Y[blk(s), r] + A[blk(s), blk(r)] @ Lloc[r] @ Y[blk(r), r]
            vaxe = Y[blk(s), r] + A[blk(s), blk(r)] @ (x[blk(r)] - BY[blk(r), s])
            total = mult_total * Esr
            DC = mult_dc * Esr
            DVA = mult_dva * Esr
            VAX = mult_dva * vaxe
            DAVAX = mult_dva * dae
            FVA = mult_fva * Esr
            for m in range(N):
                embb.append([st, s, r, m, Esr[m], total[m], DC[m], DVA[m], VAX[m], DAVAX[m],
                             DVA[m] - VAX[m], DC[m] - DVA[m], total[m] - DC[m], FVA[m],
                             total[m] - DC[m] - FVA[m]])

print(json.dumps({
    'F': F.tolist(), 'FY': FY.tolist(),
    'S': S.tolist(), 'M': M.tolist(), 'Mdomestic': M_dom.tolist(),
    'D_cba': D_cba.tolist(), 'D_pba': D_pba.tolist(), 'D_imp': D_imp.tolist(), 'D_exp': D_exp.tolist(),
    'D_cba_reg': D_cba_reg.tolist(), 'D_pba_reg': D_pba_reg.tolist(),
    'D_imp_reg': D_imp_reg.tolist(), 'D_exp_reg': D_exp_reg.tolist(),
    'flows': flows.tolist(),
    'embodiedKeys': ['stressor', 'country', 'sector', 'GEXP', 'total', 'DC', 'DVA', 'VAX', 'DAVAX',
                     'REF', 'DDC', 'FC', 'FVA', 'FDC'],
    'embodied': emb,
} if not BILATERAL else {
    'embodiedBilateralKeys': ['stressor', 'country', 'partner', 'sector', 'GEXP', 'total', 'DC', 'DVA',
                              'VAX', 'DAVAX', 'REF', 'DDC', 'FC', 'FVA', 'FDC'],
    'embodiedBilateral': embb,
}, indent=1))
