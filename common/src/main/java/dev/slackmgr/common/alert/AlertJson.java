package dev.slackmgr.common.alert;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The alert JSON codec, compatible with the reference's Go {@code encoding/json} behaviour
 * (alert-schema.md §1, §8; rest-api.md §4.1).
 *
 * <p>{@link #mapper()} is a {@link JsonMapper} whose alert model types are read by a strict Go-style
 * decoder and whose {@link OffsetDateTime}s are read/written as Go RFC 3339; its generic settings
 * (case-insensitive keys, unknown keys ignored, no scalar coercion) also suit other Go-compatible payloads.
 */
public final class AlertJson {
    private static final JsonMapper MAPPER = buildMapper();
    /** Jackson embeds "(start marker at [Source: REDACTED …])" in some messages; the position is appended instead. */
    private static final Pattern SOURCE_REFERENCE = Pattern.compile("\\s*\\(?(start marker )?at \\[Source: [^\\]]*\\]\\)?");

    private AlertJson() {
    }

    /** The shared, thread-safe Go-compatible mapper. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /**
     * Decodes a {@code POST /alert(s)} body: a JSON array of alert objects (first non-whitespace byte
     * {@code [}), or an object whose non-empty {@code alerts} array (key matched case-insensitively) holds
     * the alerts, or otherwise an object that is itself the single alert.
     *
     * @return the alerts in body order; empty only for an empty array
     * @throws AlertDecodeException on any syntax or type error, a {@code null} body or element, a byte order
     *                              mark, or data after the JSON value
     */
    public static List<Alert> decodeRequestBody(byte[] body) {
        String json = toJsonText(body);
        boolean arrayForm = firstNonWhitespace(json) == '[';
        return parse(json, (p, reader) -> {
            if (arrayForm) {
                return reader.readAlertArray("");
            }
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw MismatchedInputException.from(p, (Class<?>) null,
                        "expected an alert object or an array of alerts, got " + GoJsonReader.describe(p.currentToken()));
            }
            GoJsonReader.RequestObject root = reader.readRequestObject();
            return root.alerts() != null && !root.alerts().isEmpty() ? root.alerts() : List.of(root.alert());
        });
    }

    /** Decodes one alert object, e.g. a queue message body. */
    public static Alert decode(String json) {
        return parse(toJsonText(json), (p, reader) -> {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw MismatchedInputException.from(p, (Class<?>) null,
                        "expected an alert object, got " + GoJsonReader.describe(p.currentToken()));
            }
            return reader.readAlert("");
        });
    }

    /** Decodes one alert from an already parsed tree (duplicate keys were resolved by the tree). */
    public static Alert decodeAlert(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new AlertDecodeException("expected an alert object, got "
                    + (node == null || node.isMissingNode() ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        try (JsonParser p = MAPPER.treeAsTokens(node)) {
            p.nextToken();
            return new GoJsonReader(p).readAlert("");
        } catch (JacksonException e) {
            throw decodeException(e);
        }
    }

    /**
     * Encodes an alert as the queue body of alert-schema.md §8: every field in Go order with zero values,
     * absent lists/maps as {@code null}, the timestamp as RFC3339Nano in its own offset.
     */
    public static String encode(Alert alert) {
        return MAPPER.writeValueAsString(alert);
    }

    private static <T> T parse(String json, BiFunction<JsonParser, GoJsonReader, T> body) {
        try (JsonParser p = MAPPER.createParser(json)) {
            if (p.nextToken() == null) {
                throw new AlertDecodeException("unexpected end of JSON input");
            }
            T result = body.apply(p, new GoJsonReader(p));
            if (p.nextToken() != null) {
                throw new AlertDecodeException("unexpected data after the top-level JSON value" + at(p.currentTokenLocation()));
            }
            return result;
        } catch (JacksonException e) {
            throw decodeException(e);
        }
    }

    /** Go-style UTF-8 repair, then a BOM check (Jackson would silently skip a BOM; Go rejects it). */
    private static String toJsonText(byte[] body) {
        return toJsonText(new String(GoText.replaceInvalidUtf8(body), StandardCharsets.UTF_8));
    }

    /** Lone surrogates become U+FFFD (as Go would see them), then the BOM check. */
    private static String toJsonText(String json) {
        if (json.startsWith("\uFEFF")) {
            throw new AlertDecodeException("invalid byte order mark (U+FEFF) at the start of the JSON input");
        }
        return GoText.replaceLoneSurrogates(json);
    }

    private static char firstNonWhitespace(String json) {
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return c;
            }
        }
        return 0;
    }

    private static AlertDecodeException decodeException(JacksonException e) {
        String message = SOURCE_REFERENCE.matcher(e.getOriginalMessage()).replaceAll("");
        return new AlertDecodeException(message + at(e.getLocation()), e);
    }

    private static String at(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static JsonMapper buildMapper() {
        SimpleModule module = new SimpleModule("slackmgr-go-json")
                .addSerializer(OffsetDateTime.class, new GoTimeSerializer())
                .addDeserializer(OffsetDateTime.class, new GoTimeDeserializer());
        addReader(module, Alert.class, (r, p) -> r.readAlert(""));
        addReader(module, Field.class, (r, p) -> r.readField(""));
        addReader(module, Escalation.class, (r, p) -> r.readEscalation(""));
        addReader(module, Webhook.class, (r, p) -> r.readWebhook(""));
        addReader(module, WebhookPlainTextInput.class, (r, p) -> r.readPlainTextInput(""));
        addReader(module, WebhookCheckboxInput.class, (r, p) -> r.readCheckboxInput(""));
        addReader(module, WebhookCheckboxOption.class, (r, p) -> r.readCheckboxOption(""));
        return JsonMapper.builder()
                .addModule(module)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfigDefaults(c -> c
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .build();
    }

    private static <T> void addReader(SimpleModule module, Class<T> type, BiFunction<GoJsonReader, JsonParser, T> read) {
        module.addDeserializer(type, new ValueDeserializer<T>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) {
                return read.apply(new GoJsonReader(p), p);
            }

            @Override
            public Class<?> handledType() {
                return type;
            }
        });
    }

    /** Writes {@link OffsetDateTime} as Go's RFC3339Nano in the value's own offset. */
    private static final class GoTimeSerializer extends ValueSerializer<OffsetDateTime> {
        @Override
        public void serialize(OffsetDateTime value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(GoTime.formatRfc3339Nano(value));
        }
    }

    /** Reads {@link OffsetDateTime} with Go's strict RFC 3339 rules. */
    private static final class GoTimeDeserializer extends ValueDeserializer<OffsetDateTime> {
        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw MismatchedInputException.from(p, OffsetDateTime.class,
                        "expected an RFC 3339 timestamp string, got " + GoJsonReader.describe(p.currentToken()));
            }
            try {
                return GoTime.parseRfc3339(p.getString());
            } catch (DateTimeException e) {
                throw MismatchedInputException.from(p, OffsetDateTime.class, e.getMessage());
            }
        }
    }
}
