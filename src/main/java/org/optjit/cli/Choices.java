package org.optjit.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Enum values as users type them: lower case with hyphens ({@code fan-in} for
 * {@code FAN_IN}), and an error that lists the choices.
 */
final class Choices {

    private Choices() {
    }

    static <E extends Enum<E>> E parse(String option, String text, Class<E> type) {
        String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) {
                return e;
            }
        }
        throw new UserError(option + ": unknown value '" + text + "' (choose one of: " + list(type) + ")");
    }

    static <E extends Enum<E>> String name(E value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> String list(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Choices::name).collect(Collectors.joining(", "));
    }
}
