package dev.slackmgr.manager.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits long post text into section-sized chunks at natural breaks (slack-interactions.md §8.3). */
public final class TextChunker {
    static final int MAX_BYTES = 2800;
    static final int WINDOW_START = 2500;
    static final int HARD_CUT = 2700;
    private static final String FENCE = "```";

    private TextChunker() {
    }

    /** The chunks of {@code text}; a text of at most 2800 UTF-8 bytes is one chunk. */
    public static List<String> split(String text) {
        boolean fenced = text.endsWith(FENCE);
        List<String> chunks = new ArrayList<>();
        String rest = text;
        while (rest.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            byte[] bytes = rest.getBytes(StandardCharsets.UTF_8);
            int cut = cutPoint(bytes);
            String head = new String(bytes, 0, cut, StandardCharsets.UTF_8).trim();
            rest = new String(bytes, cut, bytes.length - cut, StandardCharsets.UTF_8).trim();
            if (fenced) {
                head = head + FENCE;
                rest = FENCE + rest;
            }
            chunks.add(head);
        }
        chunks.add(rest);
        return chunks;
    }

    /** Byte index to cut at: after the last blank line, newline or space in 2500…2699, else ~2700. */
    static int cutPoint(byte[] b) {
        for (int i = HARD_CUT - 2; i >= WINDOW_START; i--) {
            if (b[i] == '\n' && b[i + 1] == '\n') {
                return i + 2;
            }
        }
        for (byte sep : new byte[]{'\n', ' '}) {
            for (int i = HARD_CUT - 1; i >= WINDOW_START; i--) {
                if (b[i] == sep) {
                    return i + 1;
                }
            }
        }
        int cut = HARD_CUT;
        while (cut > 0 && (b[cut] & 0xC0) == 0x80) {
            cut--;
        }
        return cut;
    }
}
