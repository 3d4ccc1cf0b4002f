package io.taolun.core;

import java.util.Objects;

/** An image attached to a reply, such as a results chart. */
public record Image(String fileName, byte[] bytes) {
    public Image {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(bytes, "bytes");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
