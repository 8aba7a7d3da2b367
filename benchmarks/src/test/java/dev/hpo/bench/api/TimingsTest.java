package dev.hpo.bench.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimingsTest {

    @Test
    void anOperationDuringWhichACollectionRanIsToldApartFromOneWithout() throws Exception {
        Timings timings = new Timings();

        timings.start();
        System.gc();
        timings.stop();
        timings.start();
        Thread.sleep(5);
        timings.stop();
        timings.start();

        assertThat(timings.count()).as("the operation never stopped is not counted").isEqualTo(2);
        assertThat(timings.duringCollection(0)).isTrue();
        assertThat(timings.duringCollection(1)).isFalse();
        assertThat(timings.nanos(1)).isGreaterThanOrEqualTo(5_000_000);
    }
}
