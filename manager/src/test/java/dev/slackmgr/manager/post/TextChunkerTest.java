package dev.slackmgr.manager.post;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** C-79: long texts are split at natural breaks (client_internal_test.go TestFindCutPoint vectors). */
class TextChunkerTest {
    private static byte[] filled(int n) {
        return "a".repeat(n).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void c79_cutPoints() {
        byte[] blank = filled(3000);
        blank[2600] = '\n';
        blank[2601] = '\n';
        assertThat(TextChunker.cutPoint(blank)).isEqualTo(2602);

        byte[] newline = filled(3000);
        newline[2600] = '\n';
        assertThat(TextChunker.cutPoint(newline)).isEqualTo(2601);

        byte[] space = filled(3000);
        space[2600] = ' ';
        assertThat(TextChunker.cutPoint(space)).isEqualTo(2601);

        assertThat(TextChunker.cutPoint(filled(3000))).isEqualTo(2700);

        byte[] utf = ("a".repeat(2699) + "€" + "a".repeat(300)).getBytes(StandardCharsets.UTF_8);
        assertThat(TextChunker.cutPoint(utf)).isEqualTo(2699);
    }

    @Test
    void shortTextIsOneChunkAndLongTextIsSplit() {
        assertThat(TextChunker.split("hello")).containsExactly("hello");
        String text = "a".repeat(2600) + "\n\n" + "b".repeat(1000);
        assertThat(TextChunker.split(text)).containsExactly("a".repeat(2600), "b".repeat(1000));
    }

    @Test
    void codeFenceIsClosedAndReopened() {
        String text = "```" + "a".repeat(2600) + "\n" + "b".repeat(1000) + "```";
        assertThat(TextChunker.split(text)).containsExactly("```" + "a".repeat(2600) + "```",
                "```" + "b".repeat(1000) + "```");
    }
}
