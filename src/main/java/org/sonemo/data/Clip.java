package org.sonemo.data;

import java.nio.file.Path;

/**
 * One annotated clip. Labels are on [-1, 1]; NaN when the dataset has no value for a clip.
 *
 * @param id      identifier unique within its dataset (file path relative to the dataset root
 *                where the dataset has files, else its id column)
 * @param audio   the audio file
 * @param arousal arousal in [-1, 1] (sign-only datasets: -1 or +1)
 * @param valence valence in [-1, 1] (sign-only datasets: -1 or +1)
 * @param domain  the dataset name, e.g. {@code tava}
 * @param group   the natural group (speaker, artist), or null when there is none
 */
public record Clip(String id, Path audio, double arousal, double valence, String domain, String group) {

    public double label(Label l) {
        return l == Label.AROUSAL ? arousal : valence;
    }
}
