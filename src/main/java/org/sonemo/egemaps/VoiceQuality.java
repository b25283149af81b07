package org.sonemo.egemaps;

import org.sonemo.dsp.RealFft;

/**
 * Voice quality of one voiced 60 ms frame given its F0: HNR from the autocorrelation of the
 * Gaussian-windowed frame (inverse FFT of its power spectrum), harmonic amplitudes from its
 * magnitude spectrum (peaks nearest to the multiples of F0, parabolically interpolated; the
 * strongest harmonic near each formant), and jitter/shimmer from a chain of pitch periods of the
 * raw waveform found by cross-correlation within +-10% of the F0 period (stateful across frames,
 * see {@link #jitterShimmer}).
 */
final class VoiceQuality {
    private final int sampleRate, fftSize, bins;
    private final double df;
    private final double[] acf;
    private final RealFft fft;
    
    VoiceQuality(int sampleRate, int fftSize) {
        this.sampleRate = sampleRate;
        this.fftSize = fftSize;
        bins = fftSize / 2 + 1;
        df = (double) sampleRate / fftSize;
        acf = new double[fftSize];
        fft = new RealFft(fftSize);
    }

    /**
     * HNR in dB from the packed spectrum of the windowed frame (copied, not modified), as
     * openSMILE's cHarmonics outputs it (observed given its own F0 and magnitude spectrum: every
     * voiced frame of 75 TAVA clips to 1e-3 dB): the local maximum of |acf| (strictly above both
     * neighbours) nearest to lag floor(fs / f0), the shorter lag on a tie, taken as
     * rho = |acf(lag)| / acf(0). The maximum of acf within +-10 % of the period, used before,
     * differed on 4 % of 48 kHz frames (p95 0.19 dB) where a nearer smaller peak exists, and a
     * valley of negative correlation counts as a peak of |acf|.
     */
    double hnr(double[] packed, double f0) {
        fft.autocorrelationOf(packed, acf);
        double r0 = acf[0];
        if (r0 <= 0) return 0;
        int lag = acfPeak((int) Math.floor(sampleRate / f0));
        if (lag < 0) return 0;
        double rho = Math.abs(acf[lag]) / r0;
        if (rho <= 0) return -100;
        if (rho >= 1) rho = 0.999999;
        return 10 * Math.log10(rho / (1 - rho));
    }

    private int acfPeak(int k) {
        int last = fftSize / 2 - 2;
        for (int d = 0; k - d >= 1 || k + d <= last; d++) {
            if (k - d >= 1 && k - d <= last && isAbsPeak(acf, k - d)) return k - d;
            if (d > 0 && k + d >= 1 && k + d <= last && isAbsPeak(acf, k + d)) return k + d;
        }
        return -1;
    }

    private static boolean isAbsPeak(double[] a, int i) {
        double v = Math.abs(a[i]);
        return v > Math.abs(a[i - 1]) && v > Math.abs(a[i + 1]);
    }

    /**
     * The spectral peak openSMILE takes as harmonic h of f0 (observed given its F0 and spectrum):
     * the first local maximum (strictly above both neighbours) found searching outward from bin
     * round(h f0 / df), the upper bin before the lower one at each distance, within half a bin
     * plus f0 / 2 of h f0 (the peak's bin reaches within f0 / 2); -1 when there is none. (The nearest peak to the real position,
     * used before, differed on 0.8 % of 48 kHz frames: openSMILE takes the upper of two peaks
     * when the lower one is only closer by the fraction.)
     */
    int harmonicPeak(double[] mag, double f0, int h) {
        double fb = f0 / df, c = h * fb, w = fb / 2 + 0.5;
        int k = (int) Math.round(c);
        for (int d = 0; d - 0.5 <= w; d++) {
            int up = k + d, down = k - d;
            if (up <= bins - 2 && up - c <= w && isPeak(mag, up)) return up;
            if (d > 0 && down >= 1 && c - down <= w && isPeak(mag, down)) return down;
        }
        return -1;
    }

    private static boolean isPeak(double[] mag, int i) {
        return mag[i] > mag[i - 1] && mag[i] > mag[i + 1];
    }

    /** Parabolic interpolation through the peak bin and its neighbours: the peak's height (amplitude). */
    static double peakHeight(double[] mag, int i) {
        double y0 = mag[i - 1], y1 = mag[i], y2 = mag[i + 1], den = y0 - 2 * y1 + y2;
        return den == 0 ? y1 : y1 - 0.125 * (y0 - y2) * (y0 - y2) / den;
    }

    /** Parabolic interpolation through the peak bin and its neighbours: the peak's frequency (Hz). */
    double peakFrequency(double[] mag, int i) {
        double y0 = mag[i - 1], y1 = mag[i], y2 = mag[i + 1], den = y0 - 2 * y1 + y2;
        return (den == 0 ? i : i + 0.5 * (y0 - y2) / den) * df;
    }

    /** Interpolated amplitude of harmonic h (h >= 1); 0 when no peak. */
    double harmonic(double[] mag, double f0, int h) {
        int i = harmonicPeak(mag, f0, h);
        return i < 0 ? 0 : peakHeight(mag, i);
    }

    /** openSMILE's reference for the formant amplitudes: the raw bin magnitude of harmonic 1's peak. */
    double firstHarmonicBin(double[] mag, double f0) {
        int i = harmonicPeak(mag, f0, 1);
        return i < 0 ? 0 : mag[i];
    }

    /**
     * Amplitude at a formant as openSMILE's output shows it: of the harmonics (of the first 100)
     * whose interpolated peak frequency lies within 0.8..1.2 times the formant frequency (its
     * bandwidth plays no part), the one with the largest raw peak bin, taken at its interpolated
     * height (harmonic 1 at its raw bin). The largest interpolated height, used before, picked a
     * neighbour on 1-4 % of frames. 0 when none falls there (then openSMILE outputs 0 dB).
     */
    double formantAmplitude(double[] mag, double f0, double formant) {
        double lo = 0.8 * formant, hi = 1.2 * formant, best = 0, bestBin = 0;
        if (formant <= 0) return 0;
        // the peak lies within f0 / 2 of h f0: scan one harmonic wider on both sides
        int hFirst = Math.max(1, (int) Math.floor(lo / f0) - 1), hLast = Math.min(100, (int) Math.ceil(hi / f0) + 1);
        for (int h = hFirst; h <= hLast; h++) {
            int i = harmonicPeak(mag, f0, h);
            if (i < 0) continue;
            double f = peakFrequency(mag, i);
            if (f < lo || f > hi) continue;
            if (mag[i] > bestBin) {
                bestBin = mag[i];
                best = h == 1 ? mag[i] : peakHeight(mag, i);
            }
        }
        return best;
    }

    /** openSMILE's level of a harmonic it did not find, and of one that found its predecessor's peak (dB re H1). */
    static final double MISSING_DB = -200, REPEATED_DB = -201;

    /**
     * The harmonic outputs of a voiced frame into out: [0] "H1-H2", [1] "H1-A3", [2..4] the F1-F3
     * amplitudes (dB re harmonic 1's raw peak bin). Observed in openSMILE's output (harmonic
     * numbering shifted by one: "H1-H2" is the 2nd minus the 3rd harmonic, "H1-A3" the 2nd minus
     * A3): each harmonic is a level re harmonic 1; one not found is -200 dB and one that found the
     * same peak as the harmonic below it -201 dB, the differences are clipped to +-201 dB (the
     * +-180 to 201 dB values openSMILE writes for sparse spectra, mostly electroglottograph
     * clips); without harmonic 1 both differences are 0 and the formant amplitudes -201.
     */
    void harmonicDifferences(double[] mag, double f0, double[] formantFreq, int formantsFound, double[] out) {
        int i1 = harmonicPeak(mag, f0, 1);
        if (i1 < 0) {
            out[0] = out[1] = 0;
            out[2] = out[3] = out[4] = REPEATED_DB;
            return;
        }
        double ref = mag[i1];
        int i2 = harmonicPeak(mag, f0, 2), i3 = harmonicPeak(mag, f0, 3);
        double l2 = i2 < 0 ? MISSING_DB : i2 == i1 ? REPEATED_DB : db(peakHeight(mag, i2), ref);
        double l3 = i3 < 0 ? MISSING_DB : i3 == i2 ? REPEATED_DB : db(peakHeight(mag, i3), ref);
        out[0] = clip(l2 - l3);
        for (int i = 0; i < 3; i++) {
            double a = i < formantsFound ? formantAmplitude(mag, f0, formantFreq[i]) : 0;
            out[2 + i] = db(a, ref);
        }
        out[1] = clip(l2 - out[4]);
    }

    private static double clip(double v) {
        return Math.max(-201, Math.min(201, v));
    }

    static double db(double a, double b) {
        if (a <= 0 || b <= 0) return 0;
        return 20 * Math.log10(a / b);
    }

    // ---- jitter and shimmer: one chain of pitch periods through consecutive voiced frames ----
    private static final double SEARCH_RANGE = 0.1, MIN_CC = 0.5;
    private double[] cc = new double[0];
    /** Start and lag of the chain's last attempt; lag -1 when it found no maximum, -2 when there was none. */
    private int chainPos = -1, lastAttemptStart, lastAttemptLag = -2;
    private double lastPeriod, heldJitter, heldShimmer;
    private boolean haveLastPeriod;

    /** An unvoiced frame: the chain breaks, the last period is forgotten and the held values are cleared. */
    void breakPeriodChain() {
        chainPos = -1;
        lastAttemptLag = -2;
        haveLastPeriod = false;
        heldJitter = heldShimmer = 0;
    }

    /**
     * Jitter (local) and shimmer (local, dB) of voiced frame {@code t} into out[0], out[1], as
     * openSMILE's cPitchJitter outputs them in eGeMAPS. Observed by running openSMILE (eGeMAPS
     * config with {@code periodOutputFile} and the extra outputs {@code shimmerLocal},
     * {@code refinedF0} and {@code sourceQualityMean}/{@code Range} switched on) on impulse trains
     * with known periods and amplitudes, then on TAVA clips given openSMILE's own F0. The source
     * quality outputs give away every attempt a frame makes: their mean is the sum of the attempts'
     * correlations divided by their number plus one, their range max - min, and a frame without any
     * attempt repeats them. Given openSMILE's F0, the attempts these rules make give its mean and
     * range on 99.7 % of voiced frames at 16 kHz and 99.0 % at 48 kHz (125 and 126 TAVA clips; an
     * offline model of the rules, used to find them); this class's jitter and shimmer equal
     * openSMILE's on 99.2 % and 98.1 % of voiced frames (JitterShimmerTest, 47 clips).
     * <ul>
     * <li>The periods form one chain through consecutive voiced frames (an unvoiced frame breaks
     * it and clears the held values). A new chain starts at the frame's first sample.</li>
     * <li>An attempt at chain position s correlates (mean removed, normalised) x[s, s + L) with
     * the next L samples for each lag L from floor(0.9 T0) - 1 to floor(1.1 T0) + 1, T0 the frame's
     * F0 period, and takes the highest local maximum (above the lag before, not below the lag
     * after) strictly inside that range of lags; its correlation is the top of the parabola
     * through it and its neighbours (with the range's global maximum, rejected on either end, as
     * before, 41 % of 48 kHz frames' attempts agreed at that stage of the analysis; with this rule
     * 66 %).</li>
     * <li>No local maximum: the attempt counts for nothing and the chain moves on by round(T0). A
     * maximum correlating below 0.5, negative ones included, is rejected and moves the chain by its
     * lag L. An accepted one is a period of L plus the parabola's offset (the L-sample window
     * reproduces openSMILE's small bias on pure tones, e.g. 401.3018 for a 401.3-sample period),
     * and moves the chain by the whole-sample L (Gaussian pulses every 400.3 samples: openSMILE's
     * windows slip 0.3 samples a period).</li>
     * <li>Frame t attempts while the chain lies at least 2 (floor(1.1 T0) + 2) samples before the
     * end of its hop, (t + 1) hop. If that allows none, it attempts once when the chain starts
     * before the frame's first sample t hop (strictly), or the frame starts the chain: frames whose
     * periods are longer than a hop alternate between one attempt and none (checked on 1,463 of
     * 1,463 such frames at 48 kHz; a chain exactly at t hop makes no attempt).</li>
     * <li>Except: a frame whose chain lies at or past its first sample first repeats the search of
     * the chain's last attempt with its own F0; when that finds another lag, or a maximum where
     * there was none, the chain goes back to that attempt's start and the frame attempts from
     * there (typically a period longer than a hop at a voicing onset, followed by a frame whose F0
     * range excludes its lag or holds a higher maximum). On TAVA given openSMILE's F0 this raises
     * the frames whose attempts agree with openSMILE's from 94.1 % to 99.0 % at 48 kHz (126 clips)
     * and from 99.5 % to 99.7 % at 16 kHz (125 clips).</li>
     * <li>jitter = mean |T_k - T_k-1| over the frame's periods, where T_k-1 of the first is the
     * last period taken before (also across voiced frames that took none), divided by the mean of
     * the frame's own periods only, capped at 1 (a jump from 400- to 180-sample periods:
     * openSMILE gives 1.0000 where the ratio is 1.08).</li>
     * <li>Each period compares its own window with the window one period later: shimmer =
     * 20 log10(1 + sum |b_k - a_k| / sum (a_k + b_k) / 2), with a_k, b_k the peak-to-peak
     * amplitudes of the two periods' samples without their first and last, x[s + 1, s + L - 1)
     * and x[s + L + 1, s + 2L - 1) (given openSMILE's periods, this gives its shimmer on 99.7 % /
     * 99.6 % of TAVA's frames at 16 / 48 kHz, the whole windows x[s, s + L) on 86 %), the ratio
     * capped at 1 (alternating bursts of 1 and 0.2: openSMILE gives 6.0206 dB, not 7.36).</li>
     * <li>A frame whose attempts take no period repeats the previous values; a frame that makes no
     * attempt at all outputs jitter 0 and repeats the shimmer (eGeMAPS' output level; with more
     * outputs switched on openSMILE shifts the held jitter into the next output's column there).</li>
     * </ul>
     */
    void jitterShimmer(float[] x, int t, int hop, double f0, double[] out) {
        double t0 = sampleRate / f0;
        int lo = (int) Math.floor(t0 * (1 - SEARCH_RANGE)), hi = (int) Math.floor(t0 * (1 + SEARCH_RANGE));
        if (cc.length < hi + 2) cc = new double[hi + 2];
        boolean onset = chainPos < 0;
        if (onset) chainPos = t * hop;
        // a chain at or past the frame's start re-checks its last attempt with this frame's F0 and
        // goes back there when it would now find another lag (see above)
        else if (lastAttemptLag > -2 && chainPos >= (long) t * hop && lastAttemptStart + 2 * (hi + 1) < x.length
                && bestLag(x, lastAttemptStart, lo, hi) != lastAttemptLag) chainPos = lastAttemptStart;
        // room one attempt needs before the end of the frame's hop
        long lastStart = (long) (t + 1) * hop - 2L * (hi + 2);
        int n = 0, nDiff = 0, attempts = 0;
        double sumT = 0, sumDiff = 0, sumDA = 0, sumA = 0;
        while (chainPos <= lastStart || (attempts == 0 && (onset || chainPos < (long) t * hop))) {
            int ib = chainPos;
            if (ib + 2 * (hi + 1) >= x.length || lo < 2) break; // the end of the input: no attempt
            attempts++;
            int best = bestLag(x, ib, lo, hi);
            lastAttemptStart = ib;
            lastAttemptLag = best;
            if (best < 0) { // no local maximum inside the range: one F0 period on
                chainPos = ib + (int) Math.round(t0);
                continue;
            }
            double value = cc[best], period = best, den = cc[best - 1] - 2 * cc[best] + cc[best + 1];
            if (den < 0) {
                period += Math.max(-1, Math.min(1, 0.5 * (cc[best - 1] - cc[best + 1]) / den));
                value -= 0.125 * (cc[best - 1] - cc[best + 1]) * (cc[best - 1] - cc[best + 1]) / den;
            }
            chainPos = ib + best; // by the whole-sample lag, whether the period is taken or not
            if (value < MIN_CC) continue;
            // each period's amplitude leaves out its first and last sample (see above)
            double a = peakToPeak(x, ib + 1, ib + best - 1), b = peakToPeak(x, ib + best + 1, ib + 2 * best - 1);
            n++;
            sumT += period;
            if (haveLastPeriod) {
                sumDiff += Math.abs(period - lastPeriod);
                nDiff++;
            }
            lastPeriod = period;
            haveLastPeriod = true;
            sumDA += Math.abs(b - a);
            sumA += (a + b) / 2;
        }
        if (n > 0) {
            heldJitter = nDiff > 0 ? Math.min(1, (sumDiff / nDiff) / (sumT / n)) : 0; // capped, as openSMILE's
            // the relative difference is capped at 1: openSMILE never exceeds 20 log10(2) dB
            heldShimmer = sumA > 0 ? 20 * Math.log10(1 + Math.min(1, sumDA / sumA)) : 0;
        }
        out[0] = attempts == 0 ? 0 : heldJitter;
        out[1] = heldShimmer;
    }
    /**
     * The lag of the attempt at ib: the highest local maximum of the correlations (left in cc, from
     * lag lo - 1 to hi + 1) strictly between lo and hi; -1 when there is none.
     */
    private int bestLag(float[] x, int ib, int lo, int hi) {
        for (int lag = lo - 1; lag <= hi + 1; lag++) {
            // lag L compares x[s, s + L) with the next L samples (exact on onset periods, see above)
            cc[lag] = correlation(x, ib, ib + lag, lag);
        }
        int best = -1;
        for (int lag = lo + 1; lag < hi; lag++) {
            if (cc[lag] > cc[lag - 1] && cc[lag] >= cc[lag + 1] && (best < 0 || cc[lag] > cc[best])) best = lag;
        }
        return best;
    }

    /** Pearson correlation of x[i, i + w) and x[j, j + w); 0 when either is constant. */
    private static double correlation(float[] x, int i, int j, int w) {
        double sa = 0, sb = 0, sab = 0, saa = 0, sbb = 0;
        for (int k = 0; k < w; k++) {
            double a = x[i + k], b = x[j + k];
            sa += a;
            sb += b;
            sab += a * b;
            saa += a * a;
            sbb += b * b;
        }
        double cab = sab - sa * sb / w, caa = saa - sa * sa / w, cbb = sbb - sb * sb / w;
        return caa > 0 && cbb > 0 ? cab / Math.sqrt(caa * cbb) : 0;
    }

    /** max - min of x[from, to), cut at the end of x. */
    static double peakToPeak(float[] x, int from, int to) {
        double max = Double.NEGATIVE_INFINITY, min = Double.POSITIVE_INFINITY;
        for (int i = from, e = Math.min(to, x.length); i < e; i++) {
            max = Math.max(max, x[i]);
            min = Math.min(min, x[i]);
        }
        return from < Math.min(to, x.length) ? max - min : 0;
    }
}
