package org.sonemo.learn;

/**
 * The whole pipeline: z-scoring (always), PCA keeping a fraction of the variance (1 = no PCA),
 * optional whitening, then the regressor.
 */
public record PipelineOptions(double pcaVariance, boolean whiten, ModelOptions model) {
    public PipelineOptions {
        if (!(pcaVariance > 0 && pcaVariance <= 1)) throw new IllegalArgumentException("pcaVariance must be in (0, 1]: " + pcaVariance);
    }

    public boolean usesPca() {
        return pcaVariance < 1 || whiten;
    }

    public String describe() {
        return (usesPca() ? "pca(" + ModelOptions.fmt(pcaVariance) + (whiten ? ",whiten" : "") + ")+" : "") + model.describe();
    }
}
