package dev.hpo.protocol;

/**
 * A metric over a configuration's completed confirmation runs.
 *
 * @param count runs that reported it
 * @param mean their mean
 * @param standardDeviation the sample standard deviation, 0 for a single run
 * @param low lower end of the 95% confidence interval of the mean (Student's t with count - 1 degrees of freedom);
 *        equal to the mean for a single run or no spread
 * @param high upper end of that interval
 */
public record MetricInterval(int count, double mean, double standardDeviation, double low, double high) {
}
