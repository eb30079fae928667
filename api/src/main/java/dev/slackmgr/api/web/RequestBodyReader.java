package dev.slackmgr.api.web;

import dev.slackmgr.api.ingest.IngestException;
import jakarta.servlet.http.HttpServletRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Reads a request body with a size limit. An explicitly empty body ({@code Content-Length: 0}, or no body
 * and no chunked encoding) is "missing" (400); a body over the limit is refused with 413 without reading
 * the rest.
 */
public final class RequestBodyReader {
    private final long maxBytes;

    public RequestBodyReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public byte[] read(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (declared == 0 || (declared < 0 && !chunked)) {
            throw IngestException.badRequest("missing POST body", null);
        }
        if (declared > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
            byte[] buf = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge();
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IngestException(400, "failed to read POST body: " + e.getMessage(), null, Map.of(), e);
        }
    }

    private IngestException tooLarge() {
        return new IngestException(413, "request body is larger than the limit of " + maxBytes + " bytes",
                null, Map.of(), null);
    }
}
