package org.sonemo.features;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The feature sets openSMILE ships (as configuration files in the {@code opensmile} wheel) that
 * take external audio input. A set is a typed value: no configuration file is edited by hand.
 */
public enum FeatureSet {
    EGEMAPS_V02("egemaps", "egemaps/v02/eGeMAPSv02.conf"),
    EGEMAPS_V01B("egemaps-v01b", "egemaps/v01b/eGeMAPSv01b.conf"),
    EGEMAPS_V01A("egemaps-v01a", "egemaps/v01a/eGeMAPSv01a.conf"),
    GEMAPS_V01B("gemaps", "gemaps/v01b/GeMAPSv01b.conf"),
    GEMAPS_V01A("gemaps-v01a", "gemaps/v01a/GeMAPSv01a.conf"),
    COMPARE_2016("compare", "compare/ComParE_2016.conf"),
    EMOBASE("emobase", "emobase/emobase.conf"),
    IS09_EMOTION("is09", "is09-13/IS09_emotion.conf"),
    IS10_PARALING("is10", "is09-13/IS10_paraling_compat.conf"),
    IS11_SPEAKER_STATE("is11", "is09-13/IS11_speaker_state.conf"),
    IS12_SPEAKER_TRAIT("is12", "is09-13/IS12_speaker_trait_compat.conf"),
    IS13_COMPARE("is13", "is09-13/IS13_ComParE.conf");

    private final String cliName;
    private final String configPath;

    FeatureSet(String cliName, String configPath) {
        this.cliName = cliName;
        this.configPath = configPath;
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
