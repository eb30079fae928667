package dev.slackmgr.api.web;

/** The JSON error body of every refusal: {@code {"error": "..."}}. */
public record ErrorBody(String error) {

    /**
     * The client-visible text for a status and the internal message (rest-api.md §3): 4xx messages get
     * their first character upper-cased; 5xx other than 503 are always "Internal server error".
     */
    public static ErrorBody of(int status, String rawMessage) {
        if (status >= 500 && status != 503) {
            return new ErrorBody("Internal server error");
        }
        return new ErrorBody(capitalise(rawMessage));
    }

    static String capitalise(String s) {
        if (s == null || s.length() <= 1) {
            return s == null ? "" : s;
        }
        int first = s.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
                .append(s, Character.charCount(first), s.length()).toString();
    }
}
