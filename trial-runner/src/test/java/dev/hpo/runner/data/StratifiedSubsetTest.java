package dev.hpo.runner.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedSubsetTest {

    private static final List<String> NAMES = List.of("a", "b", "c");

    /** 3 classes, unevenly represented and interleaved: 40 of a, 30 of b, 50 of c. */
    private static int[] labels() {
        int[] labels = new int[120];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i < 80 ? i % 2 * 2 : i < 110 ? 1 : 2;
        }
        return labels;
    }

    private static int[][] draw(long seed, int... perClass) {
        String[] names = IntStream.range(0, perClass.length).mapToObj(p -> "part" + p).toArray(String[]::new);
        return StratifiedSubset.draw(labels(), NAMES, perClass, names, new SplittableRandom(seed), "pool");
    }

    @Test
    void takesExactlyTheRequestedCountOfEveryClassWithoutRepeats() {
        int[] labels = labels();
        int[] part = draw(1, 7)[0];

        assertThat(part).hasSize(21).doesNotHaveDuplicates().isSorted();
        int[] counts = new int[3];
        for (int index : part) {
            counts[labels[index]]++;
        }
        assertThat(counts).containsExactly(7, 7, 7);
    }

    @Test
    void partsDrawnTogetherAreDisjoint() {
        int[][] parts = draw(2, 10, 5);

        assertThat(parts[0]).hasSize(30);
        assertThat(parts[1]).hasSize(15);
        List<Integer> validation = Arrays.stream(parts[1]).boxed().toList();
        assertThat(Arrays.stream(parts[0]).boxed().toList()).doesNotContainAnyElementsOf(validation);
    }

    @Test
    void sameSeedSameSubsetOtherSeedOtherSubset() {
        assertThat(draw(3, 10, 5)).isDeepEqualTo(draw(3, 10, 5));
        assertThat(draw(4, 10, 5)[0]).isNotEqualTo(draw(3, 10, 5)[0]);
        assertThat(draw(4, 10, 5)[1]).isNotEqualTo(draw(3, 10, 5)[1]);
    }

    @Test
    void everyImageOfAClassCanBeChosen() {
        boolean[] chosen = new boolean[120];
        for (long seed = 0; seed < 200; seed++) {
            for (int index : draw(seed, 3)[0]) {
                chosen[index] = true;
            }
        }
        assertThat(chosen).containsOnly(true);
    }

    @Test
    void tooFewImagesNamesTheClassThePoolAndTheCounts() {
        assertThatThrownBy(() -> draw(1, 25, 10))
                .isInstanceOf(DataException.class)
                .hasMessage("too few images of class 1 (b) in pool: 30 found, 35 needed (25 part0 + 10 part1)");
    }

    @Test
    void aDrawLeavingOutOtherDrawsNeverTakesTheirImages() {
        int[] labels = labels();
        int[][] search = {draw(1, 7, 3)[0], draw(1, 7, 3)[1], draw(2, 7, 3)[0], draw(2, 7, 3)[1]};

        int[][] heldOut = StratifiedSubset.draw(labels, NAMES, new int[] {7, 3}, new String[] {"training", "validation"},
                new SplittableRandom(3), List.of(new SplittableRandom(1), new SplittableRandom(2)), "pool");

        for (int[] part : heldOut) {
            for (int[] searched : search) {
                assertThat(part).doesNotContain(searched);
            }
        }
        int[] counts = new int[3];
        for (int index : heldOut[0]) {
            counts[labels[index]]++;
        }
        assertThat(counts).containsExactly(7, 7, 7);
    }

    @Test
    void tooFewImagesLeftAfterTheSearchDrawsIsNamed() {
        // Two searches of 10 + 5 images per class leave fewer than another 10 + 5 of the smaller classes.
        assertThatThrownBy(() -> StratifiedSubset.draw(labels(), NAMES, new int[] {10, 5},
                new String[] {"training", "validation"}, new SplittableRandom(3),
                List.of(new SplittableRandom(1), new SplittableRandom(2)), "pool"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("too few images of class")
                .hasMessageContaining("leaving out the 2 search subsets' images");
    }

    @Test
    void whatIsNotTakenIsEveryImageNoReplayedDrawTook() {
        int[] labels = labels();
        List<String> names = NAMES;
        int[][] first = StratifiedSubset.draw(labels, names, new int[] {3, 2}, new String[] {"t", "v"},
                new SplittableRandom(11), "pool");
        int[][] second = StratifiedSubset.draw(labels, names, new int[] {3, 2}, new String[] {"t", "v"},
                new SplittableRandom(12), "pool");

        int[] rest = StratifiedSubset.notTaken(labels, names, new int[] {3, 2}, new String[] {"t", "v"},
                List.of(new SplittableRandom(11), new SplittableRandom(12)), "pool");

        boolean[] drawn = new boolean[labels.length];
        for (int[][] draw : List.of(first, second)) {
            for (int[] part : draw) {
                for (int i : part) {
                    drawn[i] = true;
                }
            }
        }
        assertThat(rest).isSorted().containsExactly(IntStream.range(0, labels.length).filter(i -> !drawn[i])
                .toArray());
        assertThat(rest.length).isLessThan(labels.length).isGreaterThanOrEqualTo(labels.length - 2 * 5 * 3);
    }
}
