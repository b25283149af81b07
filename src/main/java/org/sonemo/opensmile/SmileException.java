package org.sonemo.opensmile;

import org.sonemo.features.ExtractionException;

/** A SMILEapi function returned something other than SUCCESS. */
public class SmileException extends ExtractionException {
    private final String function;
    private final int code;

    public SmileException(String function, int code, String smileMessage) {
        super(function + " failed: " + codeName(code)
                + (smileMessage == null || smileMessage.isBlank() ? "" : ": " + smileMessage.strip()));
        this.function = function;
        this.code = code;
    }

    /** The C function that failed, e.g. {@code smile_initialize}. */
    public String function() {
        return function;
    }

    /** The {@code smileres_t} it returned. */
    public int code() {
        return code;
    }

    static String codeName(int code) {
        return switch (code) {
            case SmileApi.SMILE_FAIL -> "FAIL";
            case SmileApi.SMILE_INVALID_ARG -> "INVALID_ARG";
            case SmileApi.SMILE_INVALID_STATE -> "INVALID_STATE";
            case SmileApi.SMILE_COMP_NOT_FOUND -> "COMP_NOT_FOUND";
            case SmileApi.SMILE_LICENSE_FAIL -> "LICENSE_FAIL";
            case SmileApi.SMILE_CONFIG_PARSE_FAIL -> "CONFIG_PARSE_FAIL";
            case SmileApi.SMILE_CONFIG_INIT_FAIL -> "CONFIG_INIT_FAIL";
            case SmileApi.SMILE_NOT_WRITTEN -> "NOT_WRITTEN";
            default -> "code " + code;
        };
    }
}
