import numpy as np
np.set_printoptions(precision=17, linewidth=200)
G, N = 3, 2; n = G * N
Z = np.array([
 [20, 30, 10,  5,  8,  2],
 [15, 25,  6, 12,  3,  9],
 [ 7,  4, 40, 22,  5,  6],
 [ 9, 11, 18, 35,  7,  4],
 [ 3,  6,  2,  8, 30, 14],
 [ 5,  2,  4,  3, 12, 26]], float)
Y = np.array([[60, 10, 5], [50, 8, 12], [9, 70, 11], [6, 80, 7], [4, 5, 65], [7, 3, 75]], float)
x = Z.sum(1) + Y.sum(1)
va = x - Z.sum(0)
A = Z / x
B = np.linalg.inv(np.eye(n) - A)
v = va / x
cty = np.repeat(np.arange(G), N)
E = np.array([Z[i, cty != cty[i]].sum() + Y[i, np.arange(G) != cty[i]].sum() for i in range(n)])
print('x', x.tolist()); print('va', va.tolist())
print('B', B.tolist())
Gh = np.linalg.inv(np.eye(n) - Z / x[:, None])
print('Ghosh', Gh.tolist())
# VAX
VAY = np.diag(v) @ B @ Y
VAX = [VAY[cty == s][:, [d for d in range(G) if d != s]].sum() for s in range(G)]
GEXP = [E[cty == s].sum() for s in range(G)]
print('GEXP', GEXP); print('VAX', VAX)
# Leontief decomposition V B diag(E)
VBE = np.diag(v) @ B @ np.diag(E)
DVA = [VBE[np.ix_(cty == s, cty == s)].sum() for s in range(G)]
I2E = [VBE[np.ix_(cty != s, cty == s)].sum() for s in range(G)]
E2R = [VBE[np.ix_(cty == s, cty != s)].sum() for s in range(G)]
print('DVA', DVA); print('i2e', I2E); print('e2r', E2R)
# WWYZ: L block-diag, AF, YD, YF
L = np.zeros((n, n)); AF = A.copy()
for s in range(G):
    ix = np.ix_(cty == s, cty == s)
    L[ix] = np.linalg.inv(np.eye(N) - A[ix]); AF[ix] = 0
yD = np.array([Y[i, cty[i]] for i in range(n)]); yF = Y.sum(1) - yD; y = Y.sum(1)
Vh = np.diag(v)
VD = (Vh @ L @ np.diag(yD)).sum(1); VRT = (Vh @ L @ np.diag(yF)).sum(1)
VGS = (Vh @ L @ AF @ L @ np.diag(yD)).sum(1); VGC = (Vh @ L @ AF @ (B @ np.diag(y) - L @ np.diag(yD))).sum(1)
YD = (Vh @ L @ np.diag(yD)).sum(0); YRT = (Vh @ L @ np.diag(yF)).sum(0)
YGS = (Vh @ L @ AF @ L @ np.diag(yD)).sum(0); YGC = (Vh @ L @ AF @ (B @ np.diag(y) - L @ np.diag(yD))).sum(0)
print('V_D', VD.tolist()); print('V_RT', VRT.tolist()); print('V_GVC_S', VGS.tolist()); print('V_GVC_C', VGC.tolist())
print('Y_D', YD.tolist()); print('Y_RT', YRT.tolist()); print('Y_GVC_S', YGS.tolist()); print('Y_GVC_C', YGC.tolist())
agg = lambda a: [a[cty == s].sum() for s in range(G)]
VA_c = agg(va); Y_c = agg(y)
print('GVCPt_f country', [(agg(VGS)[s] + agg(VGC)[s]) / VA_c[s] for s in range(G)])
print('GVCPt_b country', [(agg(YGS)[s] + agg(YGC)[s]) / Y_c[s] for s in range(G)])
print('Koopman participation', [(E2R[s] + I2E[s]) / GEXP[s] for s in range(G)])
print('Koopman position', [np.log(1 + E2R[s] / GEXP[s]) - np.log(1 + I2E[s] / GEXP[s]) for s in range(G)])
# positions
Delta = Z / x[:, None]
U = np.linalg.inv(np.eye(n) - Delta) @ np.ones(n)
D = np.ones(n) @ B
print('upstreamness', U.tolist()); print('downstreamness', D.tolist())
H = B @ (B - np.eye(n)); APL = H / (B - np.eye(n))
print('APL', APL.tolist())
# Rasmussen
cs = B.sum(0); rsG = Gh.sum(1); rsB = B.sum(1)
print('PD', (n * cs / B.sum()).tolist()); print('SD ghosh', (n * rsG / Gh.sum()).tolist()); print('SD leontief', (n * rsB / B.sum()).tolist())
print('cvB', (B.std(0, ddof=1) / B.mean(0)).tolist()); print('cvF ghosh', (Gh.std(1, ddof=1) / Gh.mean(1)).tolist())
