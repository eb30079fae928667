package dev.slackmgr.common.alert;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class GoTextTest {

    @ParameterizedTest
    @ValueSource(ints = {'\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2000, 0x2005, 0x2007, 0x200A, 0x2028,
            0x2029, 0x202F, 0x205F, 0x3000})
    void goSpaceIsTrimmed(int space) {
        String s = Character.toString(space);
        assertThat(GoText.isSpace(space)).isTrue();
        assertThat(GoText.trim(s + "x" + s + "y" + s + s)).isEqualTo("x" + s + "y");
    }

    @ParameterizedTest
    @ValueSource(ints = {0x1C, 0x1D, 0x1E, 0x1F, 0x200B, 0xFEFF, 0x180E, 0})
    void javaOnlyOrNonSpaceIsKept(int notSpace) {
        String s = Character.toString(notSpace);
        assertThat(GoText.isSpace(notSpace)).isFalse();
        assertThat(GoText.trim(s + "x" + s)).isEqualTo(s + "x" + s);
    }

    @Test
    void trimDiffersFromJavaStrip() {
        String s = "\u00A0\u202F x \u2007\u001F";
        assertThat(GoText.trim(s)).isEqualTo("x \u2007\u001F");
        assertThat(s.strip()).isNotEqualTo(GoText.trim(s));
    }

    @Test
    void trimOfBlankIsEmpty() {
        assertThat(GoText.trim(" \u3000\n")).isEmpty();
        assertThat(GoText.trim("")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "131, 130, 127",
            "130, 130, 130",
            "151, 150, 147",
            "31, 30, 27",
    })
    void truncateKeepsMaxMinusThreeCodePointsPlusEllipsis(int length, int max, int kept) {
        for (String unit : new String[]{"a", "日", "\uD83D\uDE00"}) {
            String out = GoText.truncate(unit.repeat(length), max);
            String expected = kept == length ? unit.repeat(length) : unit.repeat(kept) + "...";
            assertThat(out).isEqualTo(expected);
            assertThat(GoText.runeCount(out)).isLessThanOrEqualTo(max);
        }
    }

    @Test
    void truncateTrimsAtTheCut() {
        String s = "a".repeat(126) + " " + "b".repeat(10);
        assertThat(GoText.truncate(s, 130)).isEqualTo("a".repeat(126) + "...");
    }

    @Test
    void truncateNeverSplitsASurrogatePair() {
        String s = "x" + "\uD83D\uDE00".repeat(140);
        String out = GoText.truncate(s, 130);
        assertThat(out).isEqualTo("x" + "\uD83D\uDE00".repeat(126) + "...");
        assertThat(GoText.utf8Length(out)).isEqualTo(1 + 126 * 4 + 3);
    }

    @Test
    void textTruncatePlain() {
        assertThat(GoText.textTruncate("b".repeat(10001), 10000)).isEqualTo("b".repeat(9997) + "...");
        assertThat(GoText.textTruncate("b".repeat(10000), 10000)).isEqualTo("b".repeat(10000));
    }

    @Test
    void textTruncateKeepsTheClosingCodeFence() {
        assertThat(GoText.textTruncate("b".repeat(10001) + "```", 10000)).isEqualTo("b".repeat(9994) + "...```");
    }

    @Test
    void textTruncateCountsCodePoints() {
        String out = GoText.textTruncate("日".repeat(10001), 10000);
        assertThat(GoText.runeCount(out)).isEqualTo(10000);
        assertThat(out).endsWith("日...");
    }

    @ParameterizedTest
    @CsvSource({"'',0", "a,1", "é,2", "日,3", "\uD83D\uDE00,4", "\uD800,3"})
    void utf8LengthCountsGoBytes(String s, int bytes) {
        assertThat(GoText.utf8Length(s)).isEqualTo(bytes);
    }

    @Test
    void caseMappingIsPerCodePointLikeGo() {
        assertThat(GoText.upper("c123ß")).isEqualTo("C123ß");
        assertThat("ß".toUpperCase(java.util.Locale.ROOT)).isEqualTo("SS");
        assertThat(GoText.lower("İ:FOO:")).isEqualTo("i:foo:");
        assertThat(GoText.lower("ΣΑΣ")).isEqualTo("σασ");
    }

    @Test
    void validUtf8IsUnchanged() {
        byte[] ok = "a日\uD83D\uDE00é".getBytes(StandardCharsets.UTF_8);
        assertThat(GoText.replaceInvalidUtf8(ok)).isSameAs(ok);
    }

    @Test
    void invalidUtf8GetsOneReplacementPerBadByte() {
        byte[] in = {'a', (byte) 0xC0, (byte) 0xAF, (byte) 0xE2, (byte) 0x82, 'b', (byte) 0xF4, (byte) 0x90, (byte) 0x80,
                (byte) 0x80, (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80};
        String out = new String(GoText.replaceInvalidUtf8(in), StandardCharsets.UTF_8);
        assertThat(out).isEqualTo("a" + "\uFFFD".repeat(2) + "\uFFFD".repeat(2) + "b" + "\uFFFD".repeat(4)
                + "\uFFFD".repeat(3) + "\uD83D\uDE00");
    }

    @Test
    void loneSurrogatesAreReplaced() {
        assertThat(GoText.replaceLoneSurrogates("a\uD800b\uDC00\uD83D\uDE00\uD83D"))
                .isEqualTo("a\uFFFDb\uFFFD\uD83D\uDE00\uFFFD");
        String ok = "plain";
        assertThat(GoText.replaceLoneSurrogates(ok)).isSameAs(ok);
    }
}
