package dev.fita.maven.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void aFinishedBuildWhoseFractionsAddUpToAlmostOneIsAHundredPercent() {
        double sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += 1.0 / 4 / 3 * 0.999_999_999_99; // as Jib adds its units' shares
        }
        assertEquals(100, ProgressBar.percent(sum));
        assertEquals("[==========]", ProgressBar.bar(sum, 10));
    }

    @Test
    void partsAreRoundedDown() {
        assertEquals(99, ProgressBar.percent(0.995));
        assertEquals(0, ProgressBar.percent(Double.NaN));
        assertEquals("[=====     ]", ProgressBar.bar(0.59, 10));
    }
}
