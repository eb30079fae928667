package dev.slackmgr.api.acceptance;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately naive HTTP/1.1 client over a plain socket, so tests can send what {@link java.net.http.HttpClient}
 * refuses to: any method, path, header (Content-Length, Transfer-Encoding, Host), lying lengths, truncated and
 * broken chunked bodies. One connection is kept alive between well-framed exchanges.
 */
final class RawHttp implements Closeable {
    /** What came back: {@code status} -1 when the server closed the connection without a response. */
    record Reply(int status, Map<String, String> headers, byte[] body) {
        static final Reply NONE = new Reply(-1, Map.of(), new byte[0]);

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private final int readTimeoutMs;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawHttp(String host, int port, int readTimeoutMs) {
        this.host = host;
        this.port = port;
        this.readTimeoutMs = readTimeoutMs;
    }

    /**
     * Sends {@code request} (the complete bytes: request line, headers, body) and reads one response.
     *
     * @param halfClose shut down the output after sending (the server sees end of stream where a lying
     *                  Content-Length or an unfinished chunked body promised more)
     * @param head      the request is a HEAD (the response has no body whatever its headers say)
     * @throws ConnectException when nothing listens on the port
     * @throws SocketTimeoutException when no complete response arrives within the read timeout
     */
    Reply exchange(byte[] request, boolean halfClose, boolean head) throws IOException {
        if (socket == null) {
            open();
        }
        boolean keep = !halfClose;
        try {
            try {
                out.write(request);
                out.flush();
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (SocketException e) {
                // the server may refuse and close before reading everything (e.g. 413): read what it said
                keep = false;
            }
            Reply reply = readReply(head);
            while (reply.status() >= 100 && reply.status() < 200) {
                reply = readReply(head);
            }
            // after 417 (Expect refused) Tomcat closes the connection without saying so: the body it did not read
            if (reply.status() < 0 || reply.status() == 417 || "close".equalsIgnoreCase(reply.header("connection"))) {
                keep = false;
            }
            return reply;
        } catch (IOException | RuntimeException e) {
            keep = false;
            throw e;
        } finally {
            if (!keep) {
                close();
            }
        }
    }

    boolean isOpen() {
        return socket != null;
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(readTimeoutMs);
        socket.connect(new InetSocketAddress(host, port), readTimeoutMs);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    private Reply readReply(boolean head) throws IOException {
        String statusLine;
        try {
            statusLine = readLine(true);
        } catch (SocketException e) {
            return Reply.NONE; // connection reset before any response
        }
        if (statusLine == null) {
            return Reply.NONE;
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(false); !line.isEmpty(); line = readLine(false)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
        }
        byte[] body;
        if (head || status == 204 || status == 304 || (status >= 100 && status < 200)) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = readChunked();
        } else if (headers.containsKey("content-length")) {
            body = readFully(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
            headers.put("connection", "close");
        }
        return new Reply(status, headers, body);
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(false);
            int semi = sizeLine.indexOf(';');
            int size = Integer.parseInt((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim(), 16);
            if (size == 0) {
                while (!readLine(false).isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(readFully(size));
            readLine(false);
        }
    }

    private byte[] readFully(int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new EOFException("response body ended after " + b.length + " of " + n + " bytes");
        }
        return b;
    }

    /** A CRLF-terminated line; null at end of stream before the first byte when {@code eofAllowed}. */
    private String readLine(boolean eofAllowed) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (eofAllowed && line.size() == 0) {
                    return null;
                }
                throw new EOFException("connection closed in the middle of a response line");
            }
            if (c == '\n') {
                byte[] b = line.toByteArray();
                int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                return new String(b, 0, len, StandardCharsets.ISO_8859_1);
            }
            line.write(c);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
            socket = null;
            in = null;
            out = null;
        }
    }
}
