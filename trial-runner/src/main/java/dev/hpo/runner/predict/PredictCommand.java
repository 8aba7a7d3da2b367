package dev.hpo.runner.predict;

import dev.hpo.runner.data.HeldOutImages;
import dev.hpo.runner.dl4j.SavedNetwork;
import dev.hpo.runner.model.ClassAccuracy;
import dev.hpo.runner.model.ModelCard;
import dev.hpo.trial.DataSpec;
import dev.hpo.trial.Dataset;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hpo predict}: scores a saved network on images its study never used, the official test split without the
 * images any repeat drew for validation (for an image folder, the images no draw took), and prints its accuracy and
 * a table per class.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score a saved network (hpo study best ID --download FILE) on the images its study did not use:",
                "the test split without the study's validation draws, or an image folder's undrawn images."})
public final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "the saved network (a zip)")
    Path model;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "fashion-mnist, cifar10 or folder: the network's own, which its file names (default)")
    String dataset;

    @Option(names = "--dataset-dir", paramLabel = "DIR",
            description = "where the dataset's files are (default: the folder the network was trained from, else"
                    + " the dataset's usual place)")
    Path datasetDir;

    @Override
    public Integer call() {
        SavedNetwork network = SavedNetwork.load(model);
        ModelCard card = network.card();
        DataSpec data = dataSpec(card.plan().data());
        List<Long> seeds = card.subsetSeeds();
        HeldOutImages.Prepared heldOut = HeldOutImages.load(data, seeds,
                card.plan().architecture().scaledInput(), card.normalisation());
        if (!heldOut.classNames().equals(card.classNames())) {
            throw new IllegalArgumentException("the dataset's classes " + heldOut.classNames() + " are not the "
                    + "network's " + card.classNames());
        }
        ClassAccuracy score = network.score(heldOut.images());
        print(spec.commandLine().getOut(), card, data, seeds.size(), score);
        return 0;
    }

    /** The network's data spec, on the dataset and folder given here when they are given. */
    private DataSpec dataSpec(DataSpec trained) {
        if (dataset != null && Dataset.fromId(dataset) != trained.dataset()) {
            throw new IllegalArgumentException("--dataset " + dataset + ": the network was trained on "
                    + trained.dataset().id() + ", and only its images the search did not draw can score it");
        }
        Optional<String> directory = datasetDir != null ? Optional.of(datasetDir.toString())
                : trained.directory().filter(d -> Files.isDirectory(Path.of(d)));
        if (trained.dataset() == Dataset.FOLDER && directory.isEmpty()) {
            throw new IllegalArgumentException("--dataset-dir is required: the network was trained on the image "
                    + "folder " + trained.directory().orElse("?") + ", which is not here");
        }
        return new DataSpec(trained.dataset(), directory, trained.trainPerClass(), trained.valPerClass(),
                trained.subsetSeed());
    }

    private static void print(PrintWriter out, ModelCard card, DataSpec data, int draws, ClassAccuracy score) {
        out.printf(Locale.ROOT, "network: %s, width %s, depth %s, resolution %s, input %s%n",
                card.plan().architecture().family().id(), card.plan().architecture().width(),
                card.plan().architecture().depth(), card.plan().architecture().resolution(),
                card.plan().architecture().scaledInput());
        out.printf(Locale.ROOT, "held-out images: %d of %s, none of them drawn by the %d subset%s of its study%n",
                score.totalImages(), data.dataset().id(), draws, draws == 1 ? "" : "s");
        out.printf(Locale.ROOT, "accuracy: %.4f (%d of %d)%s%n", score.accuracy(), score.totalCorrect(),
                score.totalImages(), card.plan().training().flipTestTimeAugmentation() ? ", flip-averaged" : "");
        if (Double.isFinite(card.validationAccuracy())) {
            out.printf(Locale.ROOT, "validation accuracy in its trial: %.4f%n", card.validationAccuracy());
        }
        List<List<String>> rows = new ArrayList<>();
        for (int c = 0; c < score.classNames().size(); c++) {
            rows.add(List.of(score.classNames().get(c), Integer.toString(score.images()[c]),
                    Integer.toString(score.correct()[c]), String.format(Locale.ROOT, "%.4f", score.accuracy(c))));
        }
        out.println(table(List.of("class", "images", "correct", "accuracy"), rows));
        out.flush();
    }

    /** Columns padded to their widest cell, numbers right-aligned. */
    private static String table(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String pad = " ".repeat(widths[i] - cell.length());
                text.append(i == 0 ? cell + pad : "  " + pad + cell);
            }
            text.append(System.lineSeparator());
        }
        return text.toString().stripTrailing();
    }
}
