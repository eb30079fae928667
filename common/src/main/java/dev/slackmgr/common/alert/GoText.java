package dev.slackmgr.common.alert;

/**
 * String operations with Go semantics (alert-schema.md §4, §4.1): {@code unicode.IsSpace} trimming,
 * per-code-point case mapping, code-point truncation and UTF-8 byte length.
 */
public final class GoText {
    static final String ELLIPSIS = "...";
    static final String CODE_FENCE = "```";

    private GoText() {
    }

    /** Go's {@code unicode.IsSpace}; differs from {@link Character#isWhitespace} and {@link String#strip}. */
    public static boolean isSpace(int cp) {
        switch (cp) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                return true;
            default:
                return cp >= 0x2000 && cp <= 0x200A;
        }
    }

    /** Go's {@code strings.TrimSpace}. */
    public static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end) {
            int cp = s.codePointAt(start);
            if (!isSpace(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        while (end > start) {
            int cp = s.codePointBefore(end);
            if (!isSpace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(start, end);
    }

    /** Go's {@code strings.ToLower}: simple per-code-point mapping, locale independent. */
    public static String lower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(Character.toLowerCase(cp)));
        return b.toString();
    }

    /** Go's {@code strings.ToUpper}: simple per-code-point mapping ({@code ß} stays {@code ß}). */
    public static String upper(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(Character.toUpperCase(cp)));
        return b.toString();
    }

    /** Number of code points ("runes"). */
    public static int runeCount(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * If {@code s} has more than {@code max} code points: its first {@code max - 3} code points, trimmed,
     * followed by {@code ...}; otherwise {@code s} unchanged.
     */
    public static String truncate(String s, int max) {
        if (runeCount(s) <= max) {
            return s;
        }
        return trim(prefix(s, max - ELLIPSIS.length())) + ELLIPSIS;
    }

    /**
     * Like {@link #truncate} but keeps a closing code fence: text ending in three backticks is cut to
     * {@code max - 6} code points and gets {@code ...```} appended.
     */
    public static String textTruncate(String s, int max) {
        if (runeCount(s) <= max) {
            return s;
        }
        if (s.endsWith(CODE_FENCE)) {
            return trim(prefix(s, max - ELLIPSIS.length() - CODE_FENCE.length())) + ELLIPSIS + CODE_FENCE;
        }
        return trim(prefix(s, max - ELLIPSIS.length())) + ELLIPSIS;
    }

    private static String prefix(String s, int codePoints) {
        return s.substring(0, s.offsetByCodePoints(0, Math.max(0, codePoints)));
    }

    /** Go's {@code len(s)}: the UTF-8 byte length (a lone surrogate counts as U+FFFD, 3 bytes). */
    public static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        }
        return n;
    }

    /**
     * Replaces every byte that does not start a valid UTF-8 sequence with U+FFFD, one replacement per
     * bad byte, exactly as Go's {@code utf8.DecodeRune} loop does (overlong forms, surrogates and values
     * above U+10FFFF are invalid). Returns the input array itself when it is already valid.
     */
    public static byte[] replaceInvalidUtf8(byte[] in) {
        int firstBad = firstInvalid(in, 0);
        if (firstBad < 0) {
            return in;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(in.length + 16);
        out.write(in, 0, firstBad);
        int i = firstBad;
        while (i < in.length) {
            int size = validSequenceLength(in, i);
            if (size == 0) {
                out.write(0xEF);
                out.write(0xBF);
                out.write(0xBD);
                i++;
            } else {
                out.write(in, i, size);
                i += size;
            }
        }
        return out.toByteArray();
    }

    private static int firstInvalid(byte[] b, int from) {
        int i = from;
        while (i < b.length) {
            int size = validSequenceLength(b, i);
            if (size == 0) {
                return i;
            }
            i += size;
        }
        return -1;
    }

    /** Length of the valid UTF-8 sequence starting at {@code i}, or 0 if the byte there is invalid. */
    private static int validSequenceLength(byte[] b, int i) {
        int b0 = b[i] & 0xFF;
        if (b0 < 0x80) {
            return 1;
        }
        int size;
        int lo = 0x80;
        int hi = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            size = 2;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            size = 3;
            if (b0 == 0xE0) {
                lo = 0xA0;
            } else if (b0 == 0xED) {
                hi = 0x9F;
            }
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            size = 4;
            if (b0 == 0xF0) {
                lo = 0x90;
            } else if (b0 == 0xF4) {
                hi = 0x8F;
            }
        } else {
            return 0;
        }
        if (i + size > b.length) {
            return 0;
        }
        int b1 = b[i + 1] & 0xFF;
        if (b1 < lo || b1 > hi) {
            return 0;
        }
        for (int k = 2; k < size; k++) {
            int bk = b[i + k] & 0xFF;
            if (bk < 0x80 || bk > 0xBF) {
                return 0;
            }
        }
        return size;
    }

    /** Replaces unpaired UTF-16 surrogates (e.g. from a lone {@code \ud800} escape) with U+FFFD, as Go does. */
    public static String replaceLoneSurrogates(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lone;
            if (Character.isHighSurrogate(c)) {
                lone = i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
                if (!lone) {
                    if (b != null) {
                        b.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                lone = Character.isLowSurrogate(c);
            }
            if (lone && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null) {
                b.append(lone ? '\uFFFD' : c);
            }
        }
        return b == null ? s : b.toString();
    }
}
