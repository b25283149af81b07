package org.sonemo.features;

/** The implementations that stand behind {@link Extractor}. */
public enum Engine {
    /** openSMILE's own library, called in-process through the FFM API. */
    NATIVE,
    /** The pure-Java eGeMAPS v02 engine (no native library). */
    JAVA,
    /** NATIVE when its library can be loaded, else JAVA; says which on stderr. */
    AUTO;

    public static Engine fromCliName(String name) {
        for (Engine e : values()) if (e.name().equalsIgnoreCase(name)) return e;
        throw new IllegalArgumentException("unknown engine '" + name + "' (native, java, auto)");
    }
}
