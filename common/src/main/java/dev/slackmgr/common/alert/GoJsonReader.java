package dev.slackmgr.common.alert;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.exc.MismatchedInputException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streaming decoder of the alert model with Go {@code encoding/json} semantics (alert-schema.md §1):
 * case-insensitive keys, unknown keys skipped, last duplicate wins ({@code null} leaves a scalar unchanged,
 * clears a list or map), strict types, Go RFC 3339 timestamps. Errors are thrown as
 * {@link MismatchedInputException} whose message starts with the field path.
 */
final class GoJsonReader {
    /** The root object of a request body: its own alert fields plus the optional {@code alerts} list. */
    record RequestObject(Alert alert, List<Alert> alerts) {
    }

    @FunctionalInterface
    private interface ElementReader<T> {
        T read(String path);
    }

    private final JsonParser p;

    GoJsonReader(JsonParser p) {
        this.p = p;
    }

    /** Reads the object at the current token (START_OBJECT or its first PROPERTY_NAME) as one alert. */
    Alert readAlert(String path) {
        return readAlertObject(path, false).alert();
    }

    /** Reads the root object of a request body; the case-insensitive key {@code alerts} holds a list of alerts. */
    RequestObject readRequestObject() {
        return readAlertObject("", true);
    }

    /** Reads the array at the current token; every element must be an alert object. */
    List<Alert> readAlertArray(String path) {
        return list(path, "an array of alert objects", this::requiredAlert);
    }

    private Alert requiredAlert(String path) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw mismatch(path, "an alert object");
        }
        return readAlert(path);
    }

    private RequestObject readAlertObject(String path, boolean envelope) {
        Alert.Builder b = Alert.builder();
        List<Alert> alerts = null;
        for (String key = firstKey(path, "an alert object"); key != null; key = nextKey()) {
            switch (key) {
                case "timestamp" -> b.timestamp = timestamp(at(path, "timestamp"), b.timestamp);
                case "correlationid" -> b.correlationId = str(at(path, "correlationId"), b.correlationId);
                case "type" -> b.type = str(at(path, "type"), b.type);
                case "header" -> b.header = str(at(path, "header"), b.header);
                case "headerwhenresolved" -> b.headerWhenResolved = str(at(path, "headerWhenResolved"), b.headerWhenResolved);
                case "text" -> b.text = str(at(path, "text"), b.text);
                case "textwhenresolved" -> b.textWhenResolved = str(at(path, "textWhenResolved"), b.textWhenResolved);
                case "fallbacktext" -> b.fallbackText = str(at(path, "fallbackText"), b.fallbackText);
                case "author" -> b.author = str(at(path, "author"), b.author);
                case "host" -> b.host = str(at(path, "host"), b.host);
                case "footer" -> b.footer = str(at(path, "footer"), b.footer);
                case "link" -> b.link = str(at(path, "link"), b.link);
                case "issuefollowupenabled" ->
                        b.issueFollowUpEnabled = bool(at(path, "issueFollowUpEnabled"), b.issueFollowUpEnabled);
                case "autoresolveseconds" ->
                        b.autoResolveSeconds = integer(at(path, "autoResolveSeconds"), b.autoResolveSeconds);
                case "autoresolveasinconclusive" -> b.autoResolveAsInconclusive =
                        bool(at(path, "autoResolveAsInconclusive"), b.autoResolveAsInconclusive);
                case "severity" -> b.severity = str(at(path, "severity"), b.severity);
                case "slackchannelid" -> b.slackChannelId = str(at(path, "slackChannelId"), b.slackChannelId);
                case "routekey" -> b.routeKey = str(at(path, "routeKey"), b.routeKey);
                case "username" -> b.username = str(at(path, "username"), b.username);
                case "iconemoji" -> b.iconEmoji = str(at(path, "iconEmoji"), b.iconEmoji);
                case "fields" -> b.fields = list(at(path, "fields"), "an array", nullable(this::readField));
                case "notificationdelayseconds" -> b.notificationDelaySeconds =
                        integer(at(path, "notificationDelaySeconds"), b.notificationDelaySeconds);
                case "archivingdelayseconds" -> b.archivingDelaySeconds =
                        integer(at(path, "archivingDelaySeconds"), b.archivingDelaySeconds);
                case "escalation" -> b.escalation = list(at(path, "escalation"), "an array", nullable(this::readEscalation));
                case "ignoreiftextcontains" -> b.ignoreIfTextContains = stringList(at(path, "ignoreIfTextContains"));
                case "webhooks" -> b.webhooks = list(at(path, "webhooks"), "an array", nullable(this::readWebhook));
                case "metadata" -> b.metadata = map(at(path, "metadata"), b.metadata);
                case "failonratelimiterror" ->
                        b.failOnRateLimitError = bool(at(path, "failOnRateLimitError"), b.failOnRateLimitError);
                case "alerts" -> {
                    if (envelope) {
                        alerts = readAlertArray("alerts");
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new RequestObject(b.build(), alerts);
    }

    Field readField(String path) {
        String title = null;
        String value = null;
        for (String key = firstKey(path, "a field object"); key != null; key = nextKey()) {
            switch (key) {
                case "title" -> title = str(at(path, "title"), title);
                case "value" -> value = str(at(path, "value"), value);
                default -> p.skipChildren();
            }
        }
        return new Field(title, value);
    }

    Escalation readEscalation(String path) {
        String severity = null;
        long delaySeconds = 0;
        List<String> slackMentions = null;
        String moveToChannel = null;
        for (String key = firstKey(path, "an escalation object"); key != null; key = nextKey()) {
            switch (key) {
                case "severity" -> severity = str(at(path, "severity"), severity);
                case "delayseconds" -> delaySeconds = integer(at(path, "delaySeconds"), delaySeconds);
                case "slackmentions" -> slackMentions = stringList(at(path, "slackMentions"));
                case "movetochannel" -> moveToChannel = str(at(path, "moveToChannel"), moveToChannel);
                default -> p.skipChildren();
            }
        }
        return new Escalation(severity, delaySeconds, slackMentions, moveToChannel);
    }

    Webhook readWebhook(String path) {
        String id = null;
        String url = null;
        String confirmationText = null;
        String buttonText = null;
        String buttonStyle = null;
        String accessLevel = null;
        String displayMode = null;
        Map<String, Object> payload = null;
        List<WebhookPlainTextInput> plainTextInput = null;
        List<WebhookCheckboxInput> checkboxInput = null;
        boolean skipConfirmationDialog = false;
        for (String key = firstKey(path, "a webhook object"); key != null; key = nextKey()) {
            switch (key) {
                case "id" -> id = str(at(path, "id"), id);
                case "url" -> url = str(at(path, "url"), url);
                case "confirmationtext" -> confirmationText = str(at(path, "confirmationText"), confirmationText);
                case "buttontext" -> buttonText = str(at(path, "buttonText"), buttonText);
                case "buttonstyle" -> buttonStyle = str(at(path, "buttonStyle"), buttonStyle);
                case "accesslevel" -> accessLevel = str(at(path, "accessLevel"), accessLevel);
                case "displaymode" -> displayMode = str(at(path, "displayMode"), displayMode);
                case "payload" -> payload = map(at(path, "payload"), payload);
                case "plaintextinput" -> plainTextInput =
                        list(at(path, "plainTextInput"), "an array", nullable(this::readPlainTextInput));
                case "checkboxinput" -> checkboxInput =
                        list(at(path, "checkboxInput"), "an array", nullable(this::readCheckboxInput));
                case "skipconfirmationdialog" ->
                        skipConfirmationDialog = bool(at(path, "skipConfirmationDialog"), skipConfirmationDialog);
                default -> p.skipChildren();
            }
        }
        return new Webhook(id, url, confirmationText, buttonText, buttonStyle, accessLevel, displayMode, payload,
                plainTextInput, checkboxInput, skipConfirmationDialog);
    }

    WebhookPlainTextInput readPlainTextInput(String path) {
        String id = null;
        String description = null;
        long minLength = 0;
        long maxLength = 0;
        boolean multiline = false;
        String initialValue = null;
        for (String key = firstKey(path, "a plain-text input object"); key != null; key = nextKey()) {
            switch (key) {
                case "id" -> id = str(at(path, "id"), id);
                case "description" -> description = str(at(path, "description"), description);
                case "minlength" -> minLength = integer(at(path, "minLength"), minLength);
                case "maxlength" -> maxLength = integer(at(path, "maxLength"), maxLength);
                case "multiline" -> multiline = bool(at(path, "multiline"), multiline);
                case "initialvalue" -> initialValue = str(at(path, "initialValue"), initialValue);
                default -> p.skipChildren();
            }
        }
        return new WebhookPlainTextInput(id, description, minLength, maxLength, multiline, initialValue);
    }

    WebhookCheckboxInput readCheckboxInput(String path) {
        String id = null;
        String label = null;
        List<WebhookCheckboxOption> options = null;
        for (String key = firstKey(path, "a checkbox input object"); key != null; key = nextKey()) {
            switch (key) {
                case "id" -> id = str(at(path, "id"), id);
                case "label" -> label = str(at(path, "label"), label);
                case "options" -> options = list(at(path, "options"), "an array", nullable(this::readCheckboxOption));
                default -> p.skipChildren();
            }
        }
        return new WebhookCheckboxInput(id, label, options);
    }

    WebhookCheckboxOption readCheckboxOption(String path) {
        String value = null;
        String text = null;
        boolean selected = false;
        for (String key = firstKey(path, "a checkbox option object"); key != null; key = nextKey()) {
            switch (key) {
                case "value" -> value = str(at(path, "value"), value);
                case "text" -> text = str(at(path, "text"), text);
                case "selected" -> selected = bool(at(path, "selected"), selected);
                default -> p.skipChildren();
            }
        }
        return new WebhookCheckboxOption(value, text, selected);
    }

    /** Reads a Go-style free-form value: objects, arrays, strings, numbers (must fit a float64), booleans, null. */
    Object readAny(String path) {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT:
                return map(path, null);
            case START_ARRAY: {
                List<Object> out = new ArrayList<>();
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                    out.add(readAny(path + "[" + i + "]"));
                }
                return Collections.unmodifiableList(out);
            }
            case VALUE_STRING:
                return string();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return number(path);
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw mismatch(path, "a JSON value");
        }
    }

    private Number number(String path) {
        try {
            return parseNumber(path);
        } catch (NumberFormatException | ArithmeticException e) {
            // e.g. 1e372036854775807: the exponent does not fit BigDecimal (found by AlertFuzzTest; was a 500)
            throw fail(path + ": number " + p.getString() + " is out of the range of a 64-bit float");
        }
    }

    private Number parseNumber(String path) {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType type = p.getNumberType();
            if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                return p.getLongValue();
            }
            BigInteger big = p.getBigIntegerValue();
            requireFloat64Range(path, new BigDecimal(big));
            return big;
        }
        BigDecimal decimal = p.getDecimalValue();
        requireFloat64Range(path, decimal);
        if (decimal.scale() == 0) {
            // 13e0, 13e-00: an integer written with an exponent is encoded back as 13, which decodes as an integer;
            // decode it as one now so the queue body decodes to the same alert (found by AlertFuzzTest)
            BigInteger integer = decimal.toBigIntegerExact();
            return integer.bitLength() < 64 ? (Number) integer.longValue() : integer;
        }
        return decimal;
    }

    private void requireFloat64Range(String path, BigDecimal value) {
        if (Double.isInfinite(value.doubleValue())) {
            throw fail(path + ": number " + p.getString() + " is out of the range of a 64-bit float");
        }
    }

    /** A JSON object as a map; with a non-null {@code current} the entries are merged into a copy of it (Go). */
    private Map<String, Object> map(String path, Map<String, Object> current) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_OBJECT) {
            throw mismatch(path, "an object");
        }
        Map<String, Object> out = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current);
        for (t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
            String key = GoText.replaceLoneSurrogates(p.currentName());
            p.nextToken();
            out.put(key, readAny(path + "." + key));
        }
        return Collections.unmodifiableMap(out);
    }

    private <T> List<T> list(String path, String expected, ElementReader<T> element) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_ARRAY) {
            throw mismatch(path, expected);
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            out.add(element.read(path + "[" + i + "]"));
        }
        return Collections.unmodifiableList(out);
    }

    /** Go {@code []string}: a null element decodes to {@code ""}. */
    private List<String> stringList(String path) {
        return list(path, "an array of strings", elementPath -> str(elementPath, ""));
    }

    /** Go {@code []*T}: a null element stays null; otherwise the element must be an object. */
    private <T> ElementReader<T> nullable(ElementReader<T> reader) {
        return elementPath -> p.currentToken() == JsonToken.VALUE_NULL ? null : reader.read(elementPath);
    }

    private String str(String path, String current) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return current;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw mismatch(path, "a string");
        }
        return string();
    }

    private String string() {
        return GoText.replaceLoneSurrogates(p.getString());
    }

    private boolean bool(String path, boolean current) {
        return switch (p.currentToken()) {
            case VALUE_NULL -> current;
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            default -> throw mismatch(path, "a boolean");
        };
    }

    private long integer(String path, long current) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return current;
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType type = p.getNumberType();
            if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                return p.getLongValue();
            }
            throw fail(path + ": number " + p.getString() + " does not fit a signed 64-bit integer");
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            throw fail(path + ": expected an integer, got number " + p.getString());
        }
        throw mismatch(path, "an integer");
    }

    private OffsetDateTime timestamp(String path, OffsetDateTime current) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return current;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw mismatch(path, "an RFC 3339 timestamp string");
        }
        try {
            return GoTime.parseRfc3339(p.getString());
        } catch (DateTimeException e) {
            throw fail(path + ": " + e.getMessage());
        }
    }

    /** Starts reading an object; returns the first folded key (parser on its value) or null if empty. */
    private String firstKey(String path, String expected) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            t = p.nextToken();
        } else if (t != JsonToken.PROPERTY_NAME && t != JsonToken.END_OBJECT) {
            throw mismatch(path, expected);
        }
        return keyAt(t);
    }

    private String nextKey() {
        return keyAt(p.nextToken());
    }

    private String keyAt(JsonToken t) {
        if (t != JsonToken.PROPERTY_NAME) {
            return null;
        }
        String key = fold(p.currentName());
        p.nextToken();
        return key;
    }

    /**
     * Go's case-insensitive key matching against the (ASCII) field names: ASCII letters fold to lower case,
     * and U+212A KELVIN SIGN and U+017F LATIN SMALL LETTER LONG S fold to {@code k} and {@code s}.
     */
    static String fold(String key) {
        StringBuilder b = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            } else if (c == '\u212A') {
                c = 'k';
            } else if (c == '\u017F') {
                c = 's';
            }
            b.append(c);
        }
        return b.toString();
    }

    private static String at(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private MismatchedInputException mismatch(String path, String expected) {
        String got = describe(p.currentToken());
        return fail(path.isEmpty() ? "expected " + expected + ", got " + got
                : path + ": expected " + expected + ", got " + got);
    }

    private MismatchedInputException fail(String message) {
        return MismatchedInputException.from(p, (Class<?>) null, message);
    }

    /** A token as Go-style error text: {@code object}, {@code array}, {@code string}, {@code number}, … */
    static String describe(JsonToken t) {
        if (t == null) {
            return "end of input";
        }
        return switch (t) {
            case START_OBJECT -> "object";
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> t.name();
        };
    }
}
