package org.sonemo.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Clips of one dataset with labels mapped to [-1, 1].
 *
 * @param name            short name, used as the domain of its clips
 * @param kind            the loader that read it ({@code pmemo}, {@code iads}, ...)
 * @param root            the folder or file it was read from
 * @param scale           the scale the labels were rated on
 * @param signOnly        true when only the signs of the labels are known (4Q quadrants)
 * @param clips           clips whose audio exists
 * @param missing         number of annotated rows whose audio file is missing (skipped)
 * @param missingExamples a few of those, for the message
 */
public record Dataset(String name, String kind, Path root, LabelScale scale, boolean signOnly,
                      List<Clip> clips, int missing, List<String> missingExamples) {

    public Dataset {
        clips = List.copyOf(clips);
        missingExamples = List.copyOf(missingExamples);
    }

    public int size() {
        return clips.size();
    }

    /** True when any clip has a group (speaker, artist). */
    public boolean hasGroups() {
        return clips.stream().anyMatch(c -> c.group() != null);
    }

    /** A one-line description including the missing-audio report, for logs and reports. */
    public String summary() {
        String s = name + " (" + kind + ", " + clips.size() + " clips, labels " + scale.name()
                + (signOnly ? ", sign only" : "") + ")";
        if (missing > 0) {
            s += "; " + missing + " annotated rows without audio skipped, e.g. " + String.join(", ", missingExamples);
        }
        return s;
    }

    /** The same dataset with other clips (a filter of this one). */
    public Dataset withClips(List<Clip> kept) {
        return new Dataset(name, kind, root, scale, signOnly, kept, missing, missingExamples);
    }
}
