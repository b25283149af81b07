package org.sonemo.egemaps;

/**
 * Pitch candidates by subharmonic summation (Hermes 1988) on one magnitude spectrum, reproducing
 * what openSMILE's eGeMAPS configuration was observed to compute (levels {@code hpsG60} and
 * {@code pitchShsG60}, matched frame by frame on tones, noise and speech):
 * <ol>
 * <li>Peak enhancement on the linear spectrum: local maxima are found (an edge bin counts when it
 * exceeds its only neighbour); between two consecutive maxima more than 5 bins apart, every bin
 * more than 2 bins from both is set to 0. Bins before the first and after the last maximum are
 * kept.</li>
 * <li>Smoothing of the interior bins by 0.25, 0.5, 0.25; the two edge bins are left as they are.</li>
 * <li>A natural cubic spline through bins 1..N-1 placed at log2 of their frequency (DC is left
 * out), evaluated on as many points as bins, evenly spaced in log2 frequency from 25 Hz to
 * Nyquist; negative values are clipped to 0.</li>
 * <li>Auditory weighting 0.5 + atan(3 (log2 25 + (j + 2) L/N - log2 32.5)) / pi for point j of N,
 * L the octave span: as observed, the weighting and the harmonic shifts below use a point spacing
 * of L/N while the points themselves are L/(N-1) apart.</li>
 * <li>SHS over every point s of the axis: sum over harmonics k = 1..15 of 0.85^(k-1) P[s + floor(log2 k
 * N/L)] (nothing beyond the last point), divided by 15.</li>
 * <li>The 6 largest strict local maxima over the whole axis (ranked by their grid value) are
 * refined by a parabola through the three grid values; of these, those from 55 to 1000 Hz
 * become the candidates, in that order, except that the one with the highest refined score swaps
 * places with the first. Voicing is 1 - mean(SHS over the axis) / score, at least
 * 0.</li>
 * </ol>
 */
final class PitchShs {
    static final int MAX_CANDIDATES = 6;
    static final double MIN_PITCH = 55, MAX_PITCH = 1000, MIN_F = 25, COMPRESSION = 0.85;
    static final int HARMONICS = 15;

    private final int bins, points;
    private final double logMin, step;
    /** Spline over knots 1..bins-1: knot spacing, and the Thomas-algorithm factors of the natural system. */
    private final double[] knotH, thomasC, thomasDen, splineM, rhs;
    /** Per point: left knot (as a bin index), and the four basis weights. */
    private final int[] pointBin;
    private final double[] wa, wb, wca, wcb;
    private final double[] weight, enhanced;
    /** The octave-scale spectrum of the last frame (openSMILE's hpsG60 level), and its SHS. */
    final double[] hps, shs;
    private final int[] harmShift;
    private final double[] harmWeight;
    private final int[] topIdx = new int[MAX_CANDIDATES];
    private final double[] topVal = new double[MAX_CANDIDATES];
    /** Outputs of the last {@link #analyze}. */
    final double[] candF0 = new double[MAX_CANDIDATES], candVoicing = new double[MAX_CANDIDATES],
            candScore = new double[MAX_CANDIDATES];
    int candidates;

    PitchShs(int fftSize, int sampleRate) {
        bins = fftSize / 2 + 1;
        points = bins;
        double df = (double) sampleRate / fftSize;
        logMin = log2(MIN_F);
        double span = log2(sampleRate / 2.0) - logMin;
        step = span / (points - 1);
        double step2 = span / points; // the spacing openSMILE's weighting and shifts assume
        int knots = bins - 1; // bins 1..bins-1
        double[] x = new double[knots];
        for (int i = 0; i < knots; i++) x[i] = log2((i + 1) * df);
        knotH = new double[knots - 1];
        for (int i = 0; i < knots - 1; i++) knotH[i] = x[i + 1] - x[i];
        thomasC = new double[knots];
        thomasDen = new double[knots];
        splineM = new double[knots];
        rhs = new double[knots];
        // natural spline: M[0] = M[knots-1] = 0; rows 1..knots-2 tridiagonal
        double cPrev = 0;
        for (int i = 1; i < knots - 1; i++) {
            double den = 2 * (knotH[i - 1] + knotH[i]) - knotH[i - 1] * cPrev;
            thomasDen[i] = den;
            thomasC[i] = knotH[i] / den;
            cPrev = thomasC[i];
        }
        pointBin = new int[points];
        wa = new double[points];
        wb = new double[points];
        wca = new double[points];
        wcb = new double[points];
        weight = new double[points];
        for (int j = 0; j < points; j++) {
            double lx = logMin + j * step;
            int i = 0;
            while (i < knots - 2 && x[i + 1] < lx) i++;
            double h = knotH[i], a = (x[i + 1] - lx) / h, b = (lx - x[i]) / h;
            pointBin[j] = i; // knot index i is bin i + 1
            wa[j] = a;
            wb[j] = b;
            wca[j] = (a * a * a - a) * h * h / 6;
            wcb[j] = (b * b * b - b) * h * h / 6;
            weight[j] = 0.5 + Math.atan(3 * (logMin + (j + 2) * step2 - log2(32.5))) / Math.PI;
        }
        enhanced = new double[bins];
        hps = new double[points];
        shs = new double[points];
        harmShift = new int[HARMONICS];
        harmWeight = new double[HARMONICS];
        for (int k = 1; k <= HARMONICS; k++) {
            harmShift[k - 1] = (int) Math.floor(log2(k) / step2);
            harmWeight[k - 1] = Math.pow(COMPRESSION, k - 1) / HARMONICS;
        }
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** Fills {@link #hps}, {@link #shs} and the candidate arrays from a magnitude spectrum of {@code bins} values. */
    void analyze(double[] mag) {
        octaveSpectrum(mag);
        summation();
        pickCandidates();
    }

    private void octaveSpectrum(double[] mag) {
        // enhancement: zero what lies more than 2 bins from both neighbouring maxima
        double[] e = enhanced;
        System.arraycopy(mag, 0, e, 0, bins);
        int last = -1;
        for (int i = 0; i < bins; i++) {
            boolean max = (i == 0 || mag[i] > mag[i - 1]) && (i == bins - 1 || mag[i] > mag[i + 1]);
            if (!max) continue;
            if (last >= 0) for (int q = last + 3; q <= i - 3; q++) e[q] = 0;
            last = i;
        }
        // smoothing of the interior bins (edges kept), written over the knots' right-hand side
        // via a rolling previous value
        double prev = e[0];
        for (int i = 1; i < bins - 1; i++) {
            double cur = e[i];
            e[i] = 0.25 * prev + 0.5 * cur + 0.25 * e[i + 1];
            prev = cur;
        }
        // natural spline over bins 1..bins-1 at log2 frequency (Thomas algorithm)
        int knots = bins - 1;
        double dPrev = 0;
        for (int i = 1; i < knots - 1; i++) {
            double y0 = e[i], y1 = e[i + 1], y2 = e[i + 2];
            double r = 6 * ((y2 - y1) / knotH[i] - (y1 - y0) / knotH[i - 1]);
            dPrev = (r - knotH[i - 1] * dPrev) / thomasDen[i];
            rhs[i] = dPrev;
        }
        splineM[0] = 0;
        splineM[knots - 1] = 0;
        for (int i = knots - 2; i >= 1; i--) splineM[i] = rhs[i] - thomasC[i] * splineM[i + 1];
        for (int j = 0; j < points; j++) {
            int i = pointBin[j];
            double v = wa[j] * e[i + 1] + wb[j] * e[i + 2] + wca[j] * splineM[i] + wcb[j] * splineM[i + 1];
            hps[j] = v > 0 ? v * weight[j] : 0;
        }
    }

    private void summation() {
        for (int s = 0; s < points; s++) {
            double h = 0;
            for (int k = 0; k < HARMONICS; k++) {
                int idx = s + harmShift[k];
                if (idx >= points) break;
                h += harmWeight[k] * hps[idx];
            }
            shs[s] = h;
        }
    }

    private void pickCandidates() {
        double sum = 0;
        for (int s = 0; s < points; s++) sum += shs[s];
        double mean = sum / points;
        // the 6 largest strict local maxima over the whole axis, by grid value (sorted insertion)
        int found = 0;
        for (int s = 1; s < points - 1; s++) {
            double v = shs[s];
            if (!(v > shs[s - 1] && v > shs[s + 1])) continue;
            int pos = found;
            while (pos > 0 && topVal[pos - 1] < v) pos--;
            if (pos >= MAX_CANDIDATES) continue;
            for (int q = Math.min(found, MAX_CANDIDATES - 1); q > pos; q--) {
                topVal[q] = topVal[q - 1];
                topIdx[q] = topIdx[q - 1];
            }
            topVal[pos] = v;
            topIdx[pos] = s;
            if (found < MAX_CANDIDATES) found++;
        }
        candidates = 0;
        java.util.Arrays.fill(candF0, 0);
        java.util.Arrays.fill(candVoicing, 0);
        java.util.Arrays.fill(candScore, 0);
        for (int q = 0; q < found; q++) {
            int s = topIdx[q];
            double a = shs[s - 1], b = shs[s], c = shs[s + 1];
            double den = a - 2 * b + c;
            double off = den != 0 ? 0.5 * (a - c) / den : 0;
            double f = Math.pow(2, logMin + (s + off) * step);
            if (f < MIN_PITCH || f > MAX_PITCH) continue;
            double score = b - 0.25 * (a - c) * off;
            candF0[candidates] = f;
            candScore[candidates] = score;
            candVoicing[candidates] = score > 0 ? Math.max(0, 1 - mean / score) : 0;
            candidates++;
        }
        // observed: the kept candidate with the highest refined score goes first, swapping places with
        // the first (the others keep the grid-value order)
        int best = 0;
        for (int q = 1; q < candidates; q++) if (candScore[q] > candScore[best]) best = q;
        if (best > 0) {
            swap(candF0, 0, best);
            swap(candScore, 0, best);
            swap(candVoicing, 0, best);
        }
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
