package org.sonemo.features;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The feature sets openSMILE ships (as configuration files in the {@code opensmile} wheel) that
 * take external audio input. A set is a typed value: no configuration file is edited by hand.
 */
public enum FeatureSet {
    EGEMAPS_V02("egemaps", "egemaps/v02/eGeMAPSv02.conf", false),
    EGEMAPS_V01B("egemaps-v01b", "egemaps/v01b/eGeMAPSv01b.conf", false),
    EGEMAPS_V01A("egemaps-v01a", "egemaps/v01a/eGeMAPSv01a.conf", false),
    GEMAPS_V01B("gemaps", "gemaps/v01b/GeMAPSv01b.conf", false),
    GEMAPS_V01A("gemaps-v01a", "gemaps/v01a/GeMAPSv01a.conf", false),
    COMPARE_2016("compare", "compare/ComParE_2016.conf", true),
    EMOBASE("emobase", "emobase/emobase.conf", true),
    IS09_EMOTION("is09", "is09-13/IS09_emotion.conf", true),
    IS10_PARALING("is10", "is09-13/IS10_paraling_compat.conf", true),
    IS11_SPEAKER_STATE("is11", "is09-13/IS11_speaker_state.conf", true),
    IS12_SPEAKER_TRAIT("is12", "is09-13/IS12_speaker_trait_compat.conf", true),
    IS13_COMPARE("is13", "is09-13/IS13_ComParE.conf", true);

    private final String cliName;
    private final String configPath;
    private final boolean hasDeltas;

    FeatureSet(String cliName, String configPath, boolean hasDeltas) {
        this.cliName = cliName;
        this.configPath = configPath;
        this.hasDeltas = hasDeltas;
    }

    /** Whether the set defines frame-level deltas ({@link Level#LLD_DELTAS}); the GeMAPS family does not. */
    public boolean hasDeltas() {
        return hasDeltas;
    }

    /** Whether the set can emit this level. */
    public boolean supports(Level level) {
        return level != Level.LLD_DELTAS || hasDeltas;
    }

    /** Short name used on the command line ({@code --set}). */
    public String cliName() {
        return cliName;
    }

    /** Path of the set's configuration file relative to openSMILE's {@code config/} folder. */
    public String configPath() {
        return configPath;
    }

    public static FeatureSet fromCliName(String name) {
        for (FeatureSet s : values()) {
            if (s.cliName.equalsIgnoreCase(name) || s.name().equalsIgnoreCase(name)) return s;
        }
        throw new IllegalArgumentException("unknown feature set '" + name + "' (one of: "
                + Arrays.stream(values()).map(FeatureSet::cliName).collect(Collectors.joining(", ")) + ")");
    }
}
