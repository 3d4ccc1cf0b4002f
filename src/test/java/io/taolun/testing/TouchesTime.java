package io.taolun.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class whose subject is time: rituals, slots, the scheduler, deadlines, rotation, history. The
 * {@code other-dates} profile runs these with the machine's date moved ({@code scripts/test-other-dates}), so a
 * fixed date in a test that something under it compares with the real clock shows up before that date passes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("time")
public @interface TouchesTime {
}
