package io.taolun.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file attached to a reply: a results chart, a CSV export.
 *
 * @param fileName  a safe file name, e.g. {@code poll-12.csv}
 * @param mediaType e.g. {@code text/csv}, {@code image/png}
 * @param forChannel whether the whole channel the request came from may see the file. A platform that cannot show a
 *                  file to one person inside a channel (Slack) shares it in the channel only when true, and otherwise
 *                  sends it to the asker alone
 */
public record Attachment(String fileName, String mediaType, byte[] bytes, boolean forChannel) {
    /** A file for the whole channel, such as a chart posted with a poll's results. */
    public Attachment(String fileName, String mediaType, byte[] bytes) {
        this(fileName, mediaType, bytes, true);
    }

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
                && Arrays.equals(a.bytes, bytes) && a.forChannel == forChannel;
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, mediaType, Arrays.hashCode(bytes), forChannel);
    }

    @Override
    public String toString() {
        return "Attachment[" + fileName + ", " + mediaType + ", " + bytes.length + " bytes" + (forChannel ? "" : ", for the asker only") + "]";
    }
}
