package org.sonemo.features;

/** What an extractor emits: one row per input, or one row per analysis frame. */
public enum Level {
    /** Statistics over the whole input: one row per file. */
    FUNCTIONALS("func", "functionals"),
    /** Frame-level low-level descriptors. */
    LLD("lld", "lld"),
    /** First-order deltas of the low-level descriptors (only sets that define them). */
    LLD_DELTAS("lld_de", "lld_de");

    private final String smileLevel;
    private final String cliName;

    Level(String smileLevel, String cliName) {
        this.smileLevel = smileLevel;
        this.cliName = cliName;
    }

    /** The openSMILE data-memory level that holds this output. */
    public String smileLevel() {
        return smileLevel;
    }

    public String cliName() {
        return cliName;
    }

    public static Level fromCliName(String name) {
        for (Level l : values()) {
            if (l.cliName.equalsIgnoreCase(name) || l.smileLevel.equalsIgnoreCase(name)) return l;
        }
        throw new IllegalArgumentException("unknown level '" + name + "' (functionals, lld, lld_de)");
    }
}
