package io.taolun.discord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code multipart/form-data} body byte for byte, so that an uploaded PNG arrives intact (the fake's
 * {@link FakeDiscord.Call#body()} is text and would mangle it).
 */
final class Multipart {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("(?i)\\bname=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("(?i)\\bfilename=\"([^\"]*)\"");
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};

    /** One part: its form name, its file name when it is a file, its declared type and its bytes. */
    record Part(String name, Optional<String> fileName, String contentType, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private Multipart() {
    }

    static boolean is(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** The parts of the body, in order; empty when the content type names no boundary. */
    static List<Part> parse(String contentType, byte[] body) {
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            return List.of();
        }
        byte[] delimiter = ("--" + boundary.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break; // the closing delimiter
            }
            int next = indexOf(body, delimiter, start);
            if (next < 0) {
                break;
            }
            parts.add(part(Arrays.copyOfRange(body, skipCrlf(body, start), trimCrlf(body, next))));
            at = next;
        }
        return parts;
    }

    private static Part part(byte[] raw) {
        int split = indexOf(raw, HEADERS_END, 0);
        String headers = new String(raw, 0, Math.max(split, 0), StandardCharsets.UTF_8);
        byte[] content = split < 0 ? new byte[0] : Arrays.copyOfRange(raw, split + HEADERS_END.length, raw.length);
        String name = "";
        Optional<String> fileName = Optional.empty();
        String type = "text/plain";
        for (String line : headers.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-disposition:")) {
                Matcher n = NAME.matcher(line);
                name = n.find() ? n.group(1) : "";
                Matcher f = FILE_NAME.matcher(line);
                fileName = f.find() ? Optional.of(f.group(1)) : Optional.empty();
            } else if (lower.startsWith("content-type:")) {
                type = line.substring("content-type:".length()).strip();
            }
        }
        return new Part(name, fileName, type, content);
    }

    private static int skipCrlf(byte[] body, int at) {
        return startsWith(body, at, CRLF) ? at + CRLF.length : at;
    }

    /** The end of a part's content: the CRLF before the next delimiter belongs to the delimiter. */
    private static int trimCrlf(byte[] body, int delimiterAt) {
        return delimiterAt >= 2 && startsWith(body, delimiterAt - 2, CRLF) ? delimiterAt - 2 : delimiterAt;
    }

    private static boolean startsWith(byte[] body, int at, byte[] prefix) {
        if (at < 0 || at + prefix.length > body.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] body, byte[] needle, int from) {
        for (int i = Math.max(from, 0); i <= body.length - needle.length; i++) {
            if (startsWith(body, i, needle)) {
                return i;
            }
        }
        return -1;
    }
}
