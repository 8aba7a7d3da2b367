package dev.hpo.runner.data;

import dev.hpo.arch.InputShape;
import dev.hpo.trial.DataSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A folder with one subfolder per class of PNG or JPEG images, e.g. a Mini-ImageNet subset. Classes are the
 * subfolders in name order; hidden entries are skipped. Training and validation images are drawn from one shuffle
 * per class, so they never overlap, and only the drawn images are decoded.
 *
 * <p>Images are read with {@code javax.imageio}: PNG and JPEG need no native libraries there, while DataVec's
 * image loader brings about 50 MB of OpenCV, FFmpeg and Leptonica natives per platform for the same decoding.
 * Every image is brought to the folder's native shape (that of its first image): other sizes are resized, grey and
 * colour converted, alpha dropped.
 */
final class ImageFolder {

    private static final String[] PARTS = {"training", "validation"};

    private final Path directory;
    private final List<String> classNames;
    private final List<List<Path>> files;

    private ImageFolder(Path directory, List<String> classNames, List<List<Path>> files) {
        this.directory = directory;
        this.classNames = classNames;
        this.files = files;
    }

    /** Lists the class subfolders and their images. */
    static ImageFolder open(Path directory) {
        DataFiles.directory(directory, "image folder");
        List<Path> classFolders = list(directory).filter(Files::isDirectory).toList();
        if (classFolders.isEmpty()) {
            throw new DataException("empty image folder " + directory + ": no class subfolders");
        }
        if (classFolders.size() < 2) {
            throw new DataException("image folder " + directory + " has one class subfolder ("
                    + classFolders.get(0).getFileName() + "), at least 2 classes are needed");
        }
        List<String> names = new ArrayList<>();
        List<List<Path>> images = new ArrayList<>();
        for (Path folder : classFolders) {
            List<Path> classImages = list(folder).filter(ImageFolder::isImage).toList();
            if (classImages.isEmpty()) {
                throw new DataException("empty class folder " + folder + ": no PNG or JPEG images");
            }
            names.add(folder.getFileName().toString());
            images.add(classImages);
        }
        return new ImageFolder(directory, List.copyOf(names), List.copyOf(images));
    }

    /** The shape of the first image of the first class. */
    InputShape nativeShape() {
        return ImageDecoding.shapeOf(files.get(0).get(0));
    }

    SourceSubsets load(DataSpec spec) {
        InputShape shape = nativeShape();
        int[] labels = labels();
        List<Path> all = files.stream().flatMap(List::stream).toList();
        int[][] parts = StratifiedSubset.draw(labels, classNames,
                new int[] {spec.trainPerClass(), spec.valPerClass()}, PARTS, new SplittableRandom(spec.subsetSeed()),
                excluded(spec), directory.toString());
        return new SourceSubsets(decode(all, labels, parts[0], shape), decode(all, labels, parts[1], shape),
                classNames);
    }

    /** The images that none of the spec's excluded subsets drew, for training or validation. */
    HeldOutImages.Source heldOut(DataSpec spec) {
        int[] labels = labels();
        List<Path> all = files.stream().flatMap(List::stream).toList();
        int[] rest = StratifiedSubset.notTaken(labels, classNames, new int[] {spec.trainPerClass(),
                spec.valPerClass()}, PARTS, excluded(spec), directory.toString());
        return new HeldOutImages.Source(decode(all, labels, rest, nativeShape()), classNames);
    }

    private static List<SplittableRandom> excluded(DataSpec spec) {
        return spec.excludedSubsets().stream().map(SplittableRandom::new).toList();
    }

    /** The class of every image: classes in folder order, images in file order within each. */
    private int[] labels() {
        int[] labels = new int[files.stream().mapToInt(List::size).sum()];
        int next = 0;
        for (int c = 0; c < files.size(); c++) {
            for (int i = 0; i < files.get(c).size(); i++) {
                labels[next++] = c;
            }
        }
        return labels;
    }

    private static NativeImages decode(List<Path> all, int[] labels, int[] indices, InputShape shape) {
        int volume = LabeledImages.volume(shape);
        byte[] pixels = new byte[indices.length * volume];
        int[] chosen = new int[indices.length];
        IntStream.range(0, indices.length).parallel().forEach(k -> {
            byte[] image = ImageDecoding.read(all.get(indices[k]), shape);
            System.arraycopy(image, 0, pixels, k * volume, volume);
            chosen[k] = labels[indices[k]];
        });
        return new NativeImages(pixels, chosen, shape);
    }

    private static Stream<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList().stream();
        } catch (IOException e) {
            throw new DataException("unreadable folder " + folder + ": " + DataFiles.describe(e), e);
        }
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"));
    }
}
