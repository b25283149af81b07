package org.sonemo.data;

/** The two emotion dimensions predicted. */
public enum Label {
    AROUSAL, VALENCE;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Label parse(String s) {
        for (Label l : values()) if (l.key().equalsIgnoreCase(s.strip())) return l;
        throw new IllegalArgumentException("unknown label '" + s + "' (arousal or valence)");
    }
}
