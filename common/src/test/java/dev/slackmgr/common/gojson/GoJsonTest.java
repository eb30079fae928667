package dev.slackmgr.common.gojson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoJsonTest {

    @Test
    void mapKeysAreSortedAtEveryLevel() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a", 2);
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("b", inner);
        outer.put("B", List.of());
        outer.put("a", null);
        assertThat(GoJson.marshal(outer)).isEqualTo("{\"B\":[],\"a\":null,\"b\":{\"a\":2,\"z\":1}}");
    }

    @Test
    void htmlCharactersAndControlCharactersAreEscapedLikeGo() {
        assertThat(GoJson.marshal("<a href=\"x\">&</a>\\"))
                .isEqualTo("\"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u003c/a\\u003e\\\\\"");
        assertThat(GoJson.marshal("\n\r\t\b\f\u0001\u001f\u2028\u2029"))
                .isEqualTo("\"\\n\\r\\t\\b\\f\\u0001\\u001f\\u2028\\u2029\"");
        assertThat(GoJson.marshal("é😀")).isEqualTo("\"é😀\"");
        assertThat(GoJson.marshal("a\ud800b")).isEqualTo("\"a\ufffdb\"");
    }

    @ParameterizedTest
    @CsvSource({
            "1, 1",
            "100, 100",
            "-3, -3",
            "0.1, 0.1",
            "1.5, 1.5",
            "123456789, 123456789",
            "1e20, 100000000000000000000",
            "1e21, 1e+21",
            "1.5e300, 1.5e+300",
            "0.000001, 0.000001",
            "0.0000001, 1e-7",
            "1.2345e-10, 1.2345e-10",
            "-2.5e-8, -2.5e-8",
            "2e23, 2e+23",
            "5e-324, 5e-324",
            "1.7976931348623157e308, 1.7976931348623157e+308",
            "0.30000000000000004, 0.30000000000000004"})
    void numbersArePrintedAsGoFloat64(double value, String expected) {
        assertThat(GoJson.marshal(value)).isEqualTo(expected);
    }

    @Test
    void integersAreFloat64() {
        assertThat(GoJson.marshal(List.of(1, 2L, 0, -0.0, new BigInteger("12345678901234567891"))))
                .isEqualTo("[1,2,0,-0,12345678901234567000]");
    }

    @Test
    void nonFiniteNumbersAreRejected() {
        assertThatThrownBy(() -> GoJson.marshal(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GoJson.marshal(Map.of("k", Double.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unsupportedTypesAreRejected() {
        assertThatThrownBy(() -> GoJson.marshal(new Object())).isInstanceOf(IllegalArgumentException.class);
    }

    record Rule(String name, List<String> equals, boolean matchAll) {
    }

    @Test
    void recordsKeepComponentOrderAndIndentLikeMarshalIndent() {
        String json = GoJson.marshalIndent(Arrays.asList(new Rule("Team A", List.of("a", "b"), false),
                new Rule("x", null, true), null), "    ");
        assertThat(json).isEqualTo("""
                [
                    {
                        "name": "Team A",
                        "equals": [
                            "a",
                            "b"
                        ],
                        "matchAll": false
                    },
                    {
                        "name": "x",
                        "equals": null,
                        "matchAll": true
                    },
                    null
                ]""");
    }

    @Test
    void emptyContainersAndNullTopLevel() {
        assertThat(GoJson.marshalIndent(List.of(), "    ")).isEqualTo("[]");
        assertThat(GoJson.marshalIndent(Map.of(), "    ")).isEqualTo("{}");
        assertThat(GoJson.marshalIndent(null, "    ")).isEqualTo("null");
        assertThat(GoJson.marshal(new Object[]{true, "x"})).isEqualTo("[true,\"x\"]");
    }
}
