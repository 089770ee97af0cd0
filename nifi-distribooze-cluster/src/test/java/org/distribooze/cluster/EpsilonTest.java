package org.distribooze.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EpsilonTest {

    @ParameterizedTest
    @ValueSource(strings = {"auto", "AUTO", " Auto "})
    void givenAuto_whenParsed_thenAutomatic(String text) {
        Epsilon epsilon = Epsilon.parse(text);

        assertTrue(epsilon.isAuto());
        assertEquals("auto", epsilon.toString());
        assertThrows(IllegalStateException.class, epsilon::value);
    }

    @Test
    void givenDecimal_whenParsed_thenThatDoubleWithoutFraction() {
        Epsilon epsilon = Epsilon.parse("8");

        assertFalse(epsilon.isAuto());
        assertEquals(8.0, epsilon.value());
        assertEquals(Optional.empty(), epsilon.fraction());
        assertEquals("8.0", epsilon.toString());
        assertEquals(0.35, Epsilon.parse("0.35").value());
    }

    @Test
    void givenFraction_whenParsed_thenReducedAndItsNearestDouble() {
        Epsilon epsilon = Epsilon.parse("4/12");

        assertEquals(Optional.of("1/3"), epsilon.fraction());
        assertEquals("1/3", epsilon.toString());
        assertEquals(1.0 / 3.0, epsilon.value());
        assertEquals(Epsilon.fraction(1, 3), epsilon);
        assertEquals(Optional.of("0/1"), Epsilon.fraction(0, 7).fraction());
    }

    @Test
    void givenAFractionAndItsDecimal_whenCompared_thenDifferentSettings() {
        // Equal values, but only one of them says it is exactly a third.
        assertNotEquals(Epsilon.fraction(1, 3), Epsilon.of(1.0 / 3.0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "eight", "NaN", "Infinity", "-1", "1/0", "-1/3", "1/x", "0x10", "1/3/4"})
    void givenNoRadius_whenParsed_thenRejectedNamingTheText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Epsilon.parse(text));

        assertTrue(e.getMessage().contains("epsilon"), e.getMessage());
    }
}
