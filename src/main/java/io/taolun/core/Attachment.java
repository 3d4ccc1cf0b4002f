package io.taolun.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file attached to a reply: a results chart, a CSV export.
 *
 * @param fileName  a safe file name, e.g. {@code poll-12.csv}
 * @param mediaType e.g. {@code text/csv}, {@code image/png}
 */
public record Attachment(String fileName, String mediaType, byte[] bytes) {
    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(bytes, "bytes");
        if (!fileName.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("unsafe file name " + fileName);
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment a && a.fileName.equals(fileName) && a.mediaType.equals(mediaType)
                && Arrays.equals(a.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, mediaType, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "Attachment[" + fileName + ", " + mediaType + ", " + bytes.length + " bytes]";
    }
}
