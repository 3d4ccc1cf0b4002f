package io.taolun.app;

import ch.qos.logback.classic.encoder.JsonEncoder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Logback's {@link JsonEncoder} with the {@code timestamp} field as an ISO-8601 instant in UTC with milliseconds
 * ({@code "2026-12-05T08:41:03.123Z"}) instead of epoch milliseconds; named in {@code logback.xml}, every other field
 * and its escaping are logback's own.
 */
public final class IsoTimestampJsonEncoder extends JsonEncoder {
    /** Always three fraction digits and {@code Z}, so lines sort as text; {@code Instant.toString} drops ".000". */
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    @Override
    protected void appenderMemberWithLongValue(StringBuilder sb, String key, long value) {
        // logback 1.5 has no timestamp format option; this hook is how its encode() writes the event's time
        if (TIMESTAMP_ATTR_NAME.equals(key)) {
            appenderMember(sb, key, ISO_MILLIS.format(Instant.ofEpochMilli(value)));
        } else {
            super.appenderMemberWithLongValue(sb, key, value);
        }
    }
}
