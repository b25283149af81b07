package org.sonemo.data;

/**
 * The scale a dataset's labels were rated on, and its linear map to [-1, 1] (the study's
 * convention: SAM 1-9 by (x - 5) / 4, PMEmo's 0-1 by 2x - 1).
 *
 * @param name a short name recorded in model files and reports
 * @param min  the scale's lowest value (maps to -1)
 * @param max  the scale's highest value (maps to +1)
 */
public record LabelScale(String name, double min, double max) {
    public static final LabelScale UNIT = new LabelScale("[-1,1]", -1, 1);
    public static final LabelScale SAM_1_9 = new LabelScale("1-9", 1, 9);
    public static final LabelScale ZERO_ONE = new LabelScale("0-1", 0, 1);
    public static final LabelScale QUADRANT_SIGN = new LabelScale("quadrant-sign", -1, 1);

    public LabelScale {
        if (!(max > min)) throw new IllegalArgumentException("scale max must exceed min: " + min + ".." + max);
    }

    /** The value mapped to [-1, 1]; NaN stays NaN. */
    public double toUnit(double x) {
        return 2 * (x - min) / (max - min) - 1;
    }

    /** The inverse of {@link #toUnit}. */
    public double fromUnit(double u) {
        return (u + 1) / 2 * (max - min) + min;
    }
}
