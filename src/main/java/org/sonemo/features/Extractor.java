package org.sonemo.features;

import org.sonemo.audio.AudioBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns audio into features of one set at one level. Not thread-safe: use one extractor per
 * thread (an {@link ExtractorPool} does that for bulk work). Extractors hold native or cached
 * resources: close them.
 */
public interface Extractor extends AutoCloseable {

    ExtractorSpec spec();

    /** Names of the features, in output order; known before any audio is seen. */
    List<String> featureNames();

    /**
     * Features of the audio, with all channels mixed down to mono first.
     *
     * @throws ExtractionException for input it cannot process (empty, too short, non-finite
     *                             samples, an unsupported rate) or a failure of the engine
     */
    FeatureTable extract(AudioBuffer audio);

    /** Features of each channel separately, in channel order. */
    default List<FeatureTable> extractPerChannel(AudioBuffer audio) {
        List<FeatureTable> out = new ArrayList<>(audio.channels());
        for (int c = 0; c < audio.channels(); c++) out.add(extract(audio.channel(c)));
        return out;
    }

    @Override
    void close();

    /** Opens an extractor for the spec's engine. */
    static Extractor open(ExtractorSpec spec) {
        return Engines.open(spec);
    }
}
