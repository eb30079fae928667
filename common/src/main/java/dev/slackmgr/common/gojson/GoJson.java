package dev.slackmgr.common.gojson;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON text exactly as Go's {@code encoding/json} writes it, for byte-level compatibility
 * (payload size limits, hashes, pretty-printed endpoint bodies).
 *
 * <ul>
 *   <li>{@link Map}s are Go maps: keys sorted (by UTF-16 code unit, equal to Go's byte order for
 *       the BMP), keys taken from {@code String.valueOf};</li>
 *   <li>records are Go structs: components in declaration order, named by the component;</li>
 *   <li>every {@link Number} is a float64, printed in Go's shortest form ({@code 1}, {@code 0.1},
 *       {@code 1e+21}, {@code 1e-7});</li>
 *   <li>strings are HTML-escaped ({@code <>&} as {@code \u003c\u003e\u0026}), U+2028/U+2029 escaped,
 *       lone surrogates replaced by U+FFFD;</li>
 *   <li>{@link Iterable}s and arrays are JSON arrays.</li>
 * </ul>
 */
public final class GoJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoJson() {
    }

    /** Compact form, as {@code json.Marshal}. */
    public static String marshal(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, null, 0);
        return out.toString();
    }

    /** Indented form, as {@code json.MarshalIndent(value, "", indent)}; no trailing newline. */
    public static String marshalIndent(Object value, String indent) {
        StringBuilder out = new StringBuilder();
        write(out, value, indent, 0);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, String indent, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence s) {
            writeString(out, s.toString());
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Number n) {
            out.append(formatFloat(n.doubleValue()));
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            writeObject(out, sorted, indent, depth);
        } else if (value instanceof Record record) {
            writeObject(out, components(record), indent, depth);
        } else if (value instanceof Iterable<?> items) {
            writeArray(out, items, indent, depth);
        } else if (value instanceof Object[] items) {
            writeArray(out, Arrays.asList(items), indent, depth);
        } else {
            throw new IllegalArgumentException("json: unsupported type: " + value.getClass().getName());
        }
    }

    private static Map<String, Object> components(Record record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            try {
                c.getAccessor().setAccessible(true);
                fields.put(c.getName(), c.getAccessor().invoke(record));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalArgumentException("json: cannot read " + c.getName(), e);
            }
        }
        return fields;
    }

    private static void writeObject(StringBuilder out, Map<String, Object> fields, String indent, int depth) {
        if (fields.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newline(out, indent, depth + 1);
            writeString(out, e.getKey());
            out.append(indent == null ? ":" : ": ");
            write(out, e.getValue(), indent, depth + 1);
        }
        newline(out, indent, depth);
        out.append('}');
    }

    private static void writeArray(StringBuilder out, Iterable<?> items, String indent, int depth) {
        if (!items.iterator().hasNext()) {
            out.append("[]");
            return;
        }
        out.append('[');
        boolean first = true;
        for (Object item : items) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newline(out, indent, depth + 1);
            write(out, item, indent, depth + 1);
        }
        newline(out, indent, depth);
        out.append(']');
    }

    private static void newline(StringBuilder out, String indent, int depth) {
        if (indent != null) {
            out.append('\n').append(indent.repeat(depth));
        }
    }

    private static void writeString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(out, c);
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(out, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append('\ufffd');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void unicodeEscape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF])
                .append(HEX[c & 0xF]);
    }

    /** Go's float64 encoding: shortest round-trip digits, 'f' form for 1e-6 ≤ |x| < 1e21, else 'e'. */
    static String formatFloat(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("json: unsupported value: " + d);
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        BigDecimal shortest = shortest(d);
        double abs = Math.abs(d);
        if (abs >= 1e-6 && abs < 1e21) {
            return shortest.toPlainString();
        }
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        StringBuilder s = new StringBuilder();
        if (d < 0) {
            s.append('-');
        }
        s.append(digits.charAt(0));
        if (digits.length() > 1) {
            s.append('.').append(digits, 1, digits.length());
        }
        s.append('e').append(exponent < 0 ? '-' : '+');
        int absExp = Math.abs(exponent);
        // Go writes at least two exponent digits, then encoding/json turns "e-07" into "e-7".
        if (absExp < 10 && exponent >= 0) {
            s.append('0');
        }
        s.append(absExp);
        return s.toString();
    }

    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
